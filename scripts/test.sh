#!/usr/bin/env bash
# scripts/test.sh — the one command that installs what the tests need and runs
# every test. CI runs it through .ci/run.
#
# Stages, in order (each is a function below; add later stages to STAGES):
#   setup    scripts/setup.sh (--web when the browser tests exist, else --native)
#   fmt      cargo fmt --all -- --check
#   clippy   cargo clippy --workspace --all-targets -- -D warnings
#   test     cargo test --workspace --all-targets, then the doctests
#   web      the browser tests (tests/e2e/run.sh, when it exists) on the release build
#
# The release build for the browser tests (trunk build: the app's and the engine module's wasm)
# starts first and runs beside fmt, clippy and test, in a target directory of its own
# (target/web) so that cargo's lock does not make them wait for each other: its link-time
# optimisation runs on one core, and the native builds take the other. Its output is in
# target/web-build.log, shown when it fails.
#
# Every stage after setup runs even if an earlier one failed, so one run reports
# everything; the script exits non-zero if any stage failed.
#
# Options:
#   --no-setup     skip scripts/setup.sh (tools already installed)
#   --fail-fast    stop at the first failing stage
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

run_setup=1
fail_fast=0
while (($#)); do
    case "$1" in
        --no-setup) run_setup=0 ;;
        --fail-fast) fail_fast=1 ;;
        -h | --help)
            sed -n '2,/^set -euo/{/^#/s/^# \{0,1\}//p}' "${BASH_SOURCE[0]}"
            exit 0
            ;;
        *)
            printf 'test.sh: unknown argument %s (try --help)\n' "$1" >&2
            exit 2
            ;;
    esac
    shift
done

CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
[[ -d "$CARGO_BIN" ]] && export PATH="$CARGO_BIN:$PATH"
# Project-local node tools (wasm-opt, playwright-core, axe-core) from setup.sh --web.
export PATH="$ROOT/tools/node/node_modules/.bin:$PATH"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-auto}"

E2E_RUNNER="tests/e2e/run.sh"

step() { printf '\n==> %s\n' "$*"; }

# --- stages ------------------------------------------------------------------
# Each stage is one function; its exit status is the stage's result.

stage_setup() {
    if [[ -f "$E2E_RUNNER" ]]; then
        ./scripts/setup.sh --web
    else
        ./scripts/setup.sh --native
    fi
}

stage_fmt() {
    cargo fmt --all -- --check
}

stage_clippy() {
    cargo clippy --workspace --all-targets -- -D warnings
}

stage_test() {
    cargo test --workspace --all-targets
    cargo test --workspace --doc
}

E2E_DIST="${E2E_DIST:-dist}"
WEB_BUILD_LOG="target/web-build.log"
# The build's exit status, written when it ends: stages run in subshells, which cannot `wait`.
WEB_BUILD_STATUS="target/web-build.status"

start_web_build() {
    [[ -f "$E2E_RUNNER" ]] || return 0
    mkdir -p target
    rm -f "$WEB_BUILD_STATUS"
    step "trunk build --release --offline (into $E2E_DIST, in the background: $WEB_BUILD_LOG)"
    (
        set +e
        CARGO_TARGET_DIR="$ROOT/target/web" trunk build --release --offline --dist "$E2E_DIST" \
            >"$WEB_BUILD_LOG" 2>&1
        echo $? >"$WEB_BUILD_STATUS"
    ) &
}

stage_web() {
    if [[ ! -f "$E2E_RUNNER" ]]; then
        echo "skipped: $E2E_RUNNER does not exist yet"
        return 0
    fi
    local start=$SECONDS
    while [[ ! -s "$WEB_BUILD_STATUS" ]]; do sleep 1; done
    if [[ "$(cat "$WEB_BUILD_STATUS")" != 0 ]]; then
        tail -n 60 "$WEB_BUILD_LOG"
        echo "the release build failed (whole log: $WEB_BUILD_LOG)"
        return 1
    fi
    echo "release build: done (waited $((SECONDS - start))s for it)"
    E2E_DIST="$E2E_DIST" E2E_SKIP_BUILD=1 bash "$E2E_RUNNER"
}

STAGES=(fmt clippy test web)

# --- runner ------------------------------------------------------------------

failed=()
passed=()

run_stage() {
    local name="$1" start rc
    step "$name"
    start=$SECONDS
    # A stage runs in a subshell with errexit, so any failing command inside
    # it fails the stage (errexit is otherwise ignored inside `if`).
    set +e
    (
        set -e
        "stage_$name"
    )
    rc=$?
    set -e
    if ((rc == 0)); then
        passed+=("$name")
        printf -- '--- %s: ok (%ss)\n' "$name" "$((SECONDS - start))"
    else
        failed+=("$name")
        printf -- '--- %s: FAILED (exit %s, %ss)\n' "$name" "$rc" "$((SECONDS - start))"
        if ((fail_fast)); then
            summary
            exit 1
        fi
    fi
}

summary() {
    step "summary"
    ((${#passed[@]})) && echo "passed: ${passed[*]}"
    if ((${#failed[@]})); then
        echo "FAILED: ${failed[*]}"
    else
        echo "all stages passed"
    fi
}

if ((run_setup)); then
    step "setup"
    stage_setup || {
        echo "--- setup: FAILED; not running the tests" >&2
        exit 1
    }
fi

start_web_build
for stage in "${STAGES[@]}"; do
    run_stage "$stage"
done

summary
((${#failed[@]} == 0))
