#!/usr/bin/env bash
# Run every test suite, continuing after failures, then print one summary line
# per suite and a final `N passed, N failed` line (suites counted). Exits
# non-zero if any suite failed. Each suite's full output is saved in
# test-results/<suite>.log; the tail of a failing suite's log is printed.
#
# Suites, in order:
#   fmt           cargo fmt --check
#   clippy        cargo clippy --all-targets --all-features -- -D warnings
#   native        cargo test --all-features (the benchmark's workloads are behind the `bench` feature)
#   build         release wasm for the page (pkg/descent.js, pkg/descent_bg.wasm)
#                 and the page's bundles (dist/main.js, dist/worker.js), and
#                 dist/descent-offline.html (scripts/offline.mjs)
#   strings       tests/strings-keys.mjs: the en and zh-CN tables hold the same
#                 keys, {placeholders} and tags, and no key nothing uses (after
#                 build: it reads the catalog ids from dist/catalog.json)
#   onnx          tests/onnx/run.sh: every model kind exported by www/onnx.js,
#                 run in onnxruntime against predict() (needs build)
#   wasm-chrome   tests/web.rs in headless Chromium  (wasm-pack test --chrome)
#   wasm-firefox  tests/web.rs in headless Firefox   (wasm-pack test --firefox)
#   wasm-node     tests/node.rs under Node            (wasm-pack test --node)
#   e2e           tests/e2e/*.test.mjs against the served page (needs build)
#
# Run only some suites by naming them: scripts/test.sh native wasm-node

set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT" || exit 1

# shellcheck source=scripts/setup.sh
. "$ROOT/scripts/setup.sh" || { echo "setup: FAILED"; echo "0 passed, 1 failed"; exit 1; }

RESULTS="$ROOT/test-results"
mkdir -p "$RESULTS"
export CARGO_TERM_COLOR=never
# The runner's default (20 s) is short for convergence tests in a browser.
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-180}"
SUITE_TIMEOUT="${SUITE_TIMEOUT:-1200}"

ALL_SUITES=(fmt clippy native build strings onnx wasm-chrome wasm-firefox wasm-node e2e)
if [ "$#" -gt 0 ]; then SUITES=("$@"); else SUITES=("${ALL_SUITES[@]}"); fi

# For `timeout bash -c descent_build_release`.
export -f descent_build_release descent_build_page

SUMMARY=()
PASSED=0
FAILED=0
BUILD_OK=""
T_START=$SECONDS

# Sum libtest / wasm-bindgen-test "test result: ... N passed; M failed" lines.
test_counts() {
    awk '/test result:/ {
            for (i = 1; i <= NF; i++) {
                if ($(i+1) ~ /^passed/) p += $i
                if ($(i+1) ~ /^failed/) f += $i
            }
            seen = 1
        }
        END { if (seen) printf "%d passed, %d failed", p, f }' "$1"
}

# Last `N passed, N failed` line of the e2e harness.
e2e_counts() {
    grep -E '^[0-9]+ passed, [0-9]+ failed$' "$1" | tail -n 1
}

# record NAME STATUS DETAIL
record() {
    local name=$1 status=$2 detail=$3
    if [ "$status" -eq 0 ]; then
        PASSED=$((PASSED + 1))
    else
        FAILED=$((FAILED + 1))
        echo "---- $name FAILED; last lines of test-results/$name.log ----"
        tail -n 40 "$RESULTS/$name.log"
        echo "---- end of $name ----"
    fi
    SUMMARY+=("$name: $detail")
}

# run_suite NAME KIND COMMAND...   (KIND: plain | tests | e2e)
run_suite() {
    local name=$1 kind=$2
    shift 2
    local log="$RESULTS/$name.log" t0=$SECONDS status counts detail
    echo "== $name: $*"
    {
        echo "\$ $*"
        timeout -k 10 "$SUITE_TIMEOUT" "$@" </dev/null
    } >"$log" 2>&1
    status=$?
    [ "$status" -eq 124 ] && echo "(timed out after ${SUITE_TIMEOUT}s)" >>"$log"
    case "$kind" in
        tests) counts="$(test_counts "$log")" ;;
        e2e) counts="$(e2e_counts "$log")" ;;
        *) counts="" ;;
    esac
    if [ -n "$counts" ]; then
        detail="$counts"
        [ "$status" -ne 0 ] && case "$counts" in *" 0 failed") detail="$counts (exit $status)" ;; esac
    elif [ "$status" -eq 0 ]; then
        detail="ok"
    else
        detail="FAILED (exit $status)"
    fi
    detail="$detail in $((SECONDS - t0))s"
    record "$name" "$status" "$detail"
    return "$status"
}

# skip_suite NAME REASON: counted as a failure, with the reason in its log.
skip_suite() {
    echo "== $1: $2"
    echo "$2" >"$RESULTS/$1.log"
    record "$1" 1 "FAILED ($2)"
}

# wasm_suite NAME TEST_FILE ENV-PREFIX... -- WASM-PACK-TEST-ARGS...
# Builds in the test profile (no --release): Cargo.toml gives it opt-level 2.
# wasm-pack runs `cargo build --tests EXTRA` and then `cargo test EXTRA`; the
# first would use the dev profile and the second rebuild everything in the
# test profile, so EXTRA names the test profile for both.
wasm_suite() {
    local name=$1 test=$2 envs=()
    shift 2
    while [ "$1" != "--" ]; do envs+=("$1"); shift; done
    shift
    if [ ! -f "$ROOT/tests/$test.rs" ]; then
        skip_suite "$name" "tests/$test.rs does not exist"
        return
    fi
    run_suite "$name" tests "${envs[@]}" wasm-pack test --mode no-install "$@" -- --profile test --features instruments --test "$test"
}

for suite in "${SUITES[@]}"; do
    case "$suite" in
        fmt) run_suite fmt plain cargo fmt --check ;;
        clippy) run_suite clippy plain cargo clippy --all-targets --all-features -- -D warnings ;;
        native) run_suite native tests cargo test --all-features ;;
        build)
            run_suite build plain bash -c descent_build_release && BUILD_OK=1
            ;;
        strings) run_suite strings plain node tests/strings-keys.mjs ;;
        onnx)
            # run.sh refuses without pkg/; after a failed build pkg/ would be stale.
            if [ -z "$BUILD_OK" ] && [[ " ${SUITES[*]} " == *" build "* ]]; then
                skip_suite onnx "the release build failed"
            else
                run_suite onnx e2e bash tests/onnx/run.sh
            fi
            ;;
        # The runner picks GECKODRIVER, SAFARIDRIVER, CHROMEDRIVER in that
        # order, then PATH: name the driver explicitly for each browser.
        wasm-chrome)
            wasm_suite wasm-chrome web \
                env -u GECKODRIVER -u SAFARIDRIVER CHROMEDRIVER=/usr/bin/chromedriver \
                -- --headless --chrome
            ;;
        wasm-firefox)
            wasm_suite wasm-firefox web \
                env -u CHROMEDRIVER -u SAFARIDRIVER GECKODRIVER="$(command -v geckodriver)" \
                -- --headless --firefox
            ;;
        wasm-node)
            wasm_suite wasm-node node env -u CHROMEDRIVER -u GECKODRIVER -u SAFARIDRIVER -- --node
            ;;
        e2e)
            if [ -z "$BUILD_OK" ] && { [ ! -f pkg/descent.js ] || [ ! -f pkg/descent_bg.wasm ]; }; then
                skip_suite e2e "no release build in pkg/ (the build suite failed or did not run)"
            elif [ -z "$BUILD_OK" ] && [[ " ${SUITES[*]} " == *" build "* ]]; then
                skip_suite e2e "the release build failed"
            else
                # Bundled again (under a second) so e2e without `build` still
                # tests the page as www/ is now.
                run_suite e2e e2e bash -c 'descent_build_page && node tests/e2e/run.mjs'
            fi
            ;;
        *)
            skip_suite "$suite" "unknown suite (known: ${ALL_SUITES[*]})"
            ;;
    esac
done

echo
echo "== summary ($((SECONDS - T_START))s; logs in test-results/)"
printf '%s\n' "${SUMMARY[@]}"
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
