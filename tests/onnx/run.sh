#!/usr/bin/env bash
# The `onnx` suite: export every model kind with www/onnx.js (export.mjs,
# under Node, against the release build in pkg/) and check each file in
# onnxruntime and the ONNX checker (check.py). Ends with check.py's
# `N passed, N failed`; exits non-zero on any failure.
#
# Python packages come from PyPI only, pinned in requirements.txt, into
# .venv-onnx/ (ignored by git). It is rebuilt only when requirements.txt
# changes, so a warm run takes a few seconds.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
HERE="$ROOT/tests/onnx"
VENV="$ROOT/.venv-onnx"
REQ="$HERE/requirements.txt"
OUT="$ROOT/test-results/onnx"

if [ ! -f pkg/descent.js ] || [ ! -f pkg/descent_bg.wasm ]; then
    echo "no release build in pkg/: run scripts/setup.sh --build (or scripts/test.sh build onnx) first"
    exit 1
fi

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

make_venv() {
    rm -rf "$VENV"
    # Debian's python3 has no venv module until python3-venv is installed.
    if ! python3 -m venv "$VENV" >/dev/null 2>&1; then
        echo "python3 -m venv failed: installing python3-venv"
        rm -rf "$VENV"
        as_root apt-get update -q </dev/null
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-venv </dev/null
        python3 -m venv "$VENV"
    fi
    "$VENV/bin/pip" install --disable-pip-version-check --no-input -q --only-binary=:all: -r "$REQ"
    cp "$REQ" "$VENV/requirements.installed"
}

if [ ! -x "$VENV/bin/python" ] || ! cmp -s "$REQ" "$VENV/requirements.installed"; then
    echo "setting up $VENV (onnxruntime, onnx, numpy from PyPI)"
    make_venv
fi

rm -rf "$OUT"
mkdir -p "$OUT"
node "$HERE/export.mjs" "$OUT"
"$VENV/bin/python" "$HERE/check.py" "$OUT"
