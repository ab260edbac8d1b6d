#!/usr/bin/env bash
# tests/e2e/run.sh — the browser (end-to-end) tests: builds the app with Trunk, serves it with
# tools/serve.mjs on a free local port, and runs every tests/e2e/*.test.mjs with node's test
# runner against it, two files at a time (each file has its own browser and scratch files, and
# none shares state with another). Exits with the tests' status; the output ends with node's
# test summary.
#
# Environment:
#   E2E_DIST=DIR      build into and serve DIR instead of dist/ (relative to the repository root);
#                     keeps a run apart from a `trunk serve` or build going on in dist/
#   E2E_SKIP_BUILD=1  serve what is already in the dist directory
#   E2E_FILES="..."   run only these test files (default: the whole tests/e2e/ directory);
#                     E2E_FILES=tests/e2e/screenshots.mjs writes every page type's screenshot
#                     (not a test: they are for people to look at)
#   E2E_CONCURRENCY=N test files at a time (default 2, for 2 cores)
#   CHROMIUM=PATH     the Chromium binary (default /usr/bin/chromium)
# Screenshots are written to tests/e2e/screenshots/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$ROOT/tools/node/node_modules/.bin:$CARGO_BIN:$PATH"

E2E_DIST="${E2E_DIST:-dist}"
export E2E_DIST

if [[ "${E2E_SKIP_BUILD:-0}" != 1 ]]; then
    echo "==> trunk build --release --offline (into $E2E_DIST)"
    trunk build --release --offline --dist "$E2E_DIST"
fi
[[ -f "$E2E_DIST/index.html" ]] || {
    echo "run.sh: $E2E_DIST/index.html is missing; build first" >&2
    exit 1
}

# A free port: the OS picks one, we release it and the server takes it.
port="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
BASE_URL="http://127.0.0.1:$port/"
export BASE_URL

server_log="$(mktemp)"
server_pid=""
cleanup() {
    if [[ -n "$server_pid" ]]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -f "$server_log"
}
trap cleanup EXIT

node tools/serve.mjs --dir "$E2E_DIST" --host 127.0.0.1 --port "$port" >"$server_log" 2>&1 &
server_pid=$!

# Wait until the server answers (at most ~10 s).
ready=0
for _ in $(seq 1 100); do
    if node -e "fetch(process.argv[1]).then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))" "$BASE_URL" 2>/dev/null; then
        ready=1
        break
    fi
    if ! kill -0 "$server_pid" 2>/dev/null; then
        echo "run.sh: the server exited:" >&2
        cat "$server_log" >&2
        exit 1
    fi
    sleep 0.1
done
if ((!ready)); then
    echo "run.sh: the server did not answer at $BASE_URL" >&2
    cat "$server_log" >&2
    exit 1
fi
echo "==> serving $E2E_DIST at $BASE_URL"

mkdir -p tests/e2e/screenshots
# shellcheck disable=SC2086  # E2E_FILES is a list of paths
set +e
node --test --test-concurrency="${E2E_CONCURRENCY:-2}" ${E2E_FILES:-tests/e2e/}
status=$?
set -e
exit "$status"
