#!/usr/bin/env bash
# Descent speed benchmark, in one command:
#   bench/run.sh [--reps N] [--rounds R] [--workloads a,b] [--peers a,b | --no-peers]
#
# 1. installs the pinned peers (npm ci in bench/, only when the lock changed)
#    and the repo's dev tools if missing (npm ci at the root: wasm-opt);
# 2. builds Descent natively (cargo --release --example bench) and for Node
#    (wasm-pack --target nodejs --features bench -> bench/pkg-node);
# 3. dumps the workloads' data and initial weights (node data.mjs --dump);
# 4. runs, one after the other: Descent native, Descent wasm (Node), and the
#    peers tfjs-cpu, tfjs-wasm, convnetjs (bench.mjs, one child per peer and
#    workload);
# 5. prints a markdown report and writes bench/results/latest.json (+ .md and
#    the raw run-<UTC>.jsonl).
# --rounds R repeats step 4 R times (default 1); the report takes the median
# over rounds, which steadies the numbers on a shared machine. --reps is the
# minimum of timed runs per system and workload within a round (default 3).
# Timings only: nothing here is part of the test suite.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

reps=3
rounds=1
workloads=playground-mlp,digits-mlp,mnist-cnn,seed-linreg,sine-rnn
peers=tfjs-cpu,tfjs-wasm,convnetjs
while [ $# -gt 0 ]; do
  case "$1" in
    --reps) reps="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --workloads) workloads="$2"; shift 2 ;;
    --peers) peers="$2"; shift 2 ;;
    --no-peers) peers=""; shift ;;
    -h|--help) sed -n '2,/^set -e/p' "$0" | grep '^#' | cut -c3-; exit 0 ;;
    *) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
log() { printf '# %s\n' "$*" >&2; }

cd "$HERE"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "npm ci (bench peers)"
  npm ci --no-audit --no-fund >&2
fi
if [ ! -x "$ROOT/node_modules/.bin/wasm-opt" ]; then
  log "npm ci (repo dev tools: wasm-opt)"
  (cd "$ROOT" && npm ci --no-audit --no-fund >&2)
fi

log "build: native"
(cd "$ROOT" && cargo build --release --features bench --example bench >&2)
log "build: wasm for Node"
(cd "$ROOT" && wasm-pack --quiet build --mode no-install --release --target nodejs \
  --out-dir bench/pkg-node -- --features bench >&2)

mkdir -p results
log "data: node data.mjs --dump results/data"
node data.mjs --dump results/data 2>/dev/null

stamp="$(date -u +%Y-%m-%dT%H%M%SZ)"
out="results/run-$stamp.jsonl"
: >"$out"
for round in $(seq 1 "$rounds"); do
  log "round $round/$rounds: descent-native"
  (cd "$ROOT" && cargo run --quiet --release --features bench --example bench -- "$HERE/results/data" \
    --reps "$reps" --workloads "$workloads") | tee -a "$out" >&2
  log "round $round/$rounds: descent-wasm"
  node descent.mjs results/data --reps "$reps" --workloads "$workloads" | tee -a "$out" >&2
  if [ -n "$peers" ]; then
    log "round $round/$rounds: peers $peers"
    node bench.mjs --peers "$peers" --workloads "$workloads" --reps "$reps" | tee -a "$out" >&2
  fi
done
log "wrote $out"
node report.mjs "$out" --json results/latest.json | tee results/latest.md
