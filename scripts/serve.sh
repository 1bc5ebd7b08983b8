#!/usr/bin/env bash
# Set up the tools, build the release wasm into pkg/ (pkg/descent.js,
# pkg/descent_bg.wasm) and serve the repository root on loopback:
#   scripts/serve.sh            -> http://127.0.0.1:8000/
#   PORT=8080 scripts/serve.sh  -> http://127.0.0.1:8080/
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# shellcheck source=scripts/setup.sh
. "$ROOT/scripts/setup.sh"
descent_build_release

PORT="${PORT:-8000}"
echo
echo "Serving $ROOT at http://127.0.0.1:$PORT/  (Ctrl-C to stop)"
echo
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$ROOT"
