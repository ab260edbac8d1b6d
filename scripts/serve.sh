#!/usr/bin/env bash
# scripts/serve.sh — the one command that runs prescreen's main job.
#
# Once the web app exists (an index.html at the repo root with a data-trunk
# link), this installs the web tools (scripts/setup.sh --web) and serves the
# app with trunk at http://127.0.0.1:8080/. Until then it runs the author CLI
# on the interACT trial and a sample patient's answers.
#
# Extra arguments are passed on to `trunk serve` (or to the CLI's eval).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
[[ -d "$CARGO_BIN" ]] && export PATH="$CARGO_BIN:$PATH"

if [[ -f index.html ]] && grep -Eq '<link[^>]*data-trunk' index.html; then
    ./scripts/setup.sh --web
    # trunk finds wasm-opt (binaryen from npm) and wasm-bindgen on PATH.
    export PATH="$ROOT/tools/node/node_modules/.bin:$PATH"
    echo "==> trunk serve on http://127.0.0.1:8080/ (Ctrl-C to stop)"
    exec trunk serve --offline --release --address 127.0.0.1 --port 8080 "$@"
fi

echo "==> prescreen eval static/trials/interact.toml examples/patient-likely.json"
exec cargo run --release --bin prescreen -- \
    eval static/trials/interact.toml examples/patient-likely.json "$@"
