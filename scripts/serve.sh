#!/usr/bin/env bash
# scripts/serve.sh — the one command that runs prescreen's main job: it installs what the build
# needs (scripts/setup.sh --web), builds the web app with Trunk (release, offline), and serves it
# at http://127.0.0.1:8080/ with interACT loaded. PORT=9000 ./scripts/serve.sh picks another port.
#
# The build is served by tools/serve.mjs, the same small server the browser tests use, so what you
# see is what is tested: compressed files and the security headers a deployment should send.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
[[ -d "$CARGO_BIN" ]] && export PATH="$CARGO_BIN:$PATH"

./scripts/setup.sh --web
# trunk finds wasm-opt (binaryen from npm) and wasm-bindgen on PATH.
export PATH="$ROOT/tools/node/node_modules/.bin:$PATH"

echo "==> trunk build --release --offline"
trunk build --release --offline

echo "==> serving dist/ on http://127.0.0.1:${PORT:-8080}/ (Ctrl-C to stop)"
exec node tools/serve.mjs --dir dist --host 127.0.0.1 --port "${PORT:-8080}"
