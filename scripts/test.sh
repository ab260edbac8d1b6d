#!/usr/bin/env bash
# scripts/test.sh — the one command that installs what the tests need and runs
# every test. CI runs it through .ci/run.
#
# Stages, in order (each is a function below; add later stages to STAGES):
#   setup    scripts/setup.sh (--web when the browser tests exist, else --native)
#   fmt      cargo fmt --all -- --check
#   clippy   cargo clippy --workspace --all-targets -- -D warnings
#   test     cargo test --workspace --all-targets, then the doctests
#   web      tests/e2e/run.sh, when it exists: the wasm builds (app and engine module) and the
#            browser tests
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

stage_web() {
    if [[ ! -f "$E2E_RUNNER" ]]; then
        echo "skipped: $E2E_RUNNER does not exist yet"
        return 0
    fi
    bash "$E2E_RUNNER"
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

for stage in "${STAGES[@]}"; do
    run_stage "$stage"
done

summary
((${#failed[@]} == 0))
