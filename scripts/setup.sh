#!/usr/bin/env bash
# Install (once) and put on PATH every tool the build and the tests need.
#
#   scripts/setup.sh            install what is missing, print a one-line summary
#   scripts/setup.sh --build    ... then build the release wasm into pkg/ and
#                               the page's bundles into dist/
#   scripts/setup.sh --page     ... then only the page's bundles (after editing www/)
#   . scripts/setup.sh          same as the first, in the calling shell; it also
#                               defines descent_setup, descent_build_release
#                               and descent_build_page
#
# Idempotent: every tool is checked (`X --version`) before anything is
# installed, so a warm run takes a few seconds. On a fresh Debian 12 machine
# it installs, from crates.io, Debian and npm only (no GitHub downloads):
#   - rustup target wasm32-unknown-unknown, components rustfmt and clippy
#   - wasm-bindgen-cli at exactly the wasm-bindgen version in Cargo.lock
#   - wasm-pack, geckodriver (cargo install --locked)
#   - chromium, chromium-driver, firefox-esr (apt)
#   - npm devDependencies (binaryen's wasm-opt, terser, esbuild, playwright-core,
#     axe-core for the accessibility test)
# node_modules/.bin goes first on PATH so wasm-pack uses npm binaryen's
# wasm-opt; Debian's binaryen is too old for current wasm-bindgen output and
# must never be installed.

DESCENT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DESCENT_ROOT

_descent_log() { printf 'setup: %s\n' "$*" >&2; }

# Run as root, or through sudo when not root.
_descent_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        _descent_log "need root to run: $*"
        return 1
    fi
}

_descent_path() {
    # Later prepends win: node_modules/.bin must end up first.
    case ":$PATH:" in *":$HOME/.cargo/bin:"*) ;; *) PATH="$HOME/.cargo/bin:$PATH" ;; esac
    PATH="$DESCENT_ROOT/node_modules/.bin:$(printf '%s' "$PATH" | tr ':' '\n' \
        | grep -vxF "$DESCENT_ROOT/node_modules/.bin" | paste -sd: -)"
    export PATH
}

_descent_rust() {
    if ! command -v cargo >/dev/null 2>&1 || ! command -v rustup >/dev/null 2>&1; then
        _descent_log "installing rustup (stable toolchain)"
        if command -v curl >/dev/null 2>&1 \
            && curl --proto '=https' --tlsv1.2 --max-time 120 -sSf https://sh.rustup.rs \
                | sh -s -- -y --profile minimal --default-toolchain stable; then
            _descent_path
        else
            _descent_log "cargo/rustup not found and rustup could not be downloaded; install Rust (https://rustup.rs) and rerun"
            return 1
        fi
    fi
    rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown \
        || { _descent_log "adding wasm32-unknown-unknown target"; rustup target add wasm32-unknown-unknown; } \
        || return 1
    cargo fmt --version >/dev/null 2>&1 \
        || { _descent_log "adding rustfmt"; rustup component add rustfmt; } || return 1
    cargo clippy --version >/dev/null 2>&1 \
        || { _descent_log "adding clippy"; rustup component add clippy; } || return 1
}

# The wasm-bindgen version locked in Cargo.lock (creates the lockfile if absent).
descent_wasm_bindgen_version() {
    if [ ! -f "$DESCENT_ROOT/Cargo.lock" ]; then
        (cd "$DESCENT_ROOT" && cargo generate-lockfile) >&2 || return 1
    fi
    awk '/^name = "wasm-bindgen"$/ { getline; gsub(/^version = "|"$/, ""); print; exit }' \
        "$DESCENT_ROOT/Cargo.lock"
}

_descent_cargo_tools() {
    local v
    v="$(descent_wasm_bindgen_version)" || return 1
    if [ -z "$v" ]; then
        _descent_log "no wasm-bindgen in Cargo.lock"
        return 1
    fi
    if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $v" ]; then
        _descent_log "installing wasm-bindgen-cli $v (a couple of minutes)"
        cargo install wasm-bindgen-cli --version "=$v" --locked --force \
            || { _descent_log "--locked failed; retrying without it"; \
                 cargo install wasm-bindgen-cli --version "=$v" --force; } \
            || return 1
    fi
    wasm-pack --version >/dev/null 2>&1 \
        || { _descent_log "installing wasm-pack (a couple of minutes)"; cargo install wasm-pack --locked; } \
        || return 1
    geckodriver --version >/dev/null 2>&1 \
        || { _descent_log "installing geckodriver (a couple of minutes)"; cargo install geckodriver --locked; } \
        || return 1
}

_descent_apt() {
    local missing=()
    [ -x /usr/bin/chromium ] || missing+=(chromium)
    [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
    command -v firefox-esr >/dev/null 2>&1 || missing+=(firefox-esr)
    command -v python3 >/dev/null 2>&1 || missing+=(python3)
    command -v node >/dev/null 2>&1 || missing+=(nodejs)
    command -v npm >/dev/null 2>&1 || missing+=(npm)
    [ "${#missing[@]}" -eq 0 ] && return 0
    _descent_log "apt-get install ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    _descent_root apt-get update -q </dev/null || return 1
    _descent_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" </dev/null || return 1
}

_descent_npm() {
    local nm="$DESCENT_ROOT/node_modules"
    if [ ! -f "$nm/.package-lock.json" ] \
        || [ "$DESCENT_ROOT/package-lock.json" -nt "$nm/.package-lock.json" ] \
        || [ ! -x "$nm/.bin/wasm-opt" ] \
        || [ ! -x "$nm/.bin/terser" ] \
        || [ ! -x "$nm/.bin/esbuild" ] \
        || [ ! -f "$nm/axe-core/axe.min.js" ]; then
        _descent_log "npm ci"
        (cd "$DESCENT_ROOT" && npm ci --no-audit --no-fund </dev/null) >&2 || return 1
    fi
}

descent_setup() {
    local t0=$SECONDS
    _descent_path
    _descent_apt || return 1
    _descent_rust || return 1
    _descent_cargo_tools || return 1
    _descent_npm || return 1
    _descent_path
    case "$(command -v wasm-opt)" in
        "$DESCENT_ROOT/node_modules/.bin/wasm-opt") ;;
        *) _descent_log "wasm-opt on PATH is not npm binaryen's: $(command -v wasm-opt)"; return 1 ;;
    esac
    _descent_log "ok in $((SECONDS - t0))s ($(wasm-bindgen --version), $(wasm-pack --version), $(wasm-opt --version | cut -d' ' -f1-3))"
}

# Release build of the page's module: pkg/descent.js + pkg/descent_bg.wasm.
descent_build_release() {
    # wasm-bindgen's glue is 20 KB of readable JS; minified (terser, pinned
    # in package.json) it costs 2.7 KB gzipped over the wire instead of 4.7.
    # Its exports (init, Session, csvPreview, loadDigits) keep their names.
    # pkg-instruments/ is the same engine with the instruments' exports
    # (trace, gradientCheck, lossSurface, Race: the `instruments` feature),
    # which the page's worker loads only when a learner opens one; every
    # visit downloads pkg/ alone.
    (cd "$DESCENT_ROOT" \
        && wasm-pack build --mode no-install --release --target web --out-dir pkg --no-typescript \
        && terser pkg/descent.js --module --compress --mangle --output pkg/descent.min.js \
        && mv pkg/descent.min.js pkg/descent.js \
        && wasm-pack build --mode no-install --release --target web --out-dir pkg-instruments \
            --no-typescript -- --features instruments \
        && terser pkg-instruments/descent.js --module --compress --mangle \
            --output pkg-instruments/descent.min.js \
        && mv pkg-instruments/descent.min.js pkg-instruments/descent.js) \
        && descent_build_page
}

# The page as it ships: www/main.js and www/worker.js, each with the modules
# it imports, bundled into dist/ (esbuild, pinned). The sources stay small
# ES modules; on a first visit, 45 of them cost five rounds of imports and
# ~120 ms before the first frame. dist/ sits beside www/, so every
# `new URL('../…', import.meta.url)` in them means the same file. Run again
# after editing www/ (it takes well under a second). First the engine's
# catalog() goes into dist/catalog.json (scripts/catalog.mjs), which the
# bundles include: the page reads what the engine offers from it. Last,
# scripts/offline.mjs puts all of it in one file, dist/descent-offline.html.
# Each language's table but English's (bundled) is a file of its own,
# dist/strings-LANG.js, loaded only by a page in that language.
descent_build_page() {
    if [ ! -f "$DESCENT_ROOT/pkg/descent_bg.wasm" ]; then
        _descent_log "no pkg/ yet: build the wasm first (scripts/setup.sh --build)"
        return 1
    fi
    (cd "$DESCENT_ROOT" \
        && node scripts/catalog.mjs \
        && esbuild www/main.js www/worker.js www/onnx.js --bundle --format=esm --minify --sourcemap \
            --target=es2022 --outdir=dist --log-level=warning \
        && esbuild www/head.js --bundle --format=iife --minify --sourcemap \
            --target=es2022 --outdir=dist --log-level=warning \
        && for t in www/strings/??-??.js; do
               [ -f "$t" ] || continue
               esbuild "$t" --bundle --format=esm --minify --target=es2022 \
                   --outfile="dist/strings-$(basename "$t" .js).js" --log-level=warning || exit 1
           done \
        && node scripts/offline.mjs)
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    # Executed, not sourced.
    set -uo pipefail
    descent_setup || exit 1
    case "${1:-}" in
        --build) descent_build_release || exit 1 ;;
        --page) descent_build_page || exit 1 ;;
    esac
else
    descent_setup
fi
