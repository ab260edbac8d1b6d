#!/usr/bin/env bash
# scripts/setup.sh — install what prescreen's builds and tests need.
#
# Idempotent: every step checks first and skips what is already present, so a
# second run takes seconds. Nothing here downloads a prebuilt binary or browser:
# Rust tools are built with `cargo install`, Chromium comes from Debian's apt,
# node tools come from npm into tools/node/node_modules.
#
# Usage:
#   scripts/setup.sh            everything (same as --web)
#   scripts/setup.sh --native   only what the native tests need: rustfmt, clippy,
#                               and the wasm32 target (test.sh checks that the
#                               engine builds for wasm)
#   scripts/setup.sh --web      --native plus everything for the browser work:
#                               chromium + chromium-driver and zopfli (apt), trunk 0.21.x,
#                               wasm-bindgen-cli matching Cargo.lock, and the npm
#                               tools in tools/node (binaryen's wasm-opt,
#                               playwright-core, axe-core)
# The environment variable PRESCREEN_SETUP=native|web does the same as the flag.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

TRUNK_SERIES="0.21"
WASM_TARGET="wasm32-unknown-unknown"
NODE_TOOLS_DIR="$ROOT/tools/node"

step() { printf '==> %s\n' "$*"; }
note() { printf '    %s\n' "$*"; }
die() {
    printf 'setup.sh: error: %s\n' "$*" >&2
    exit 1
}

usage() {
    sed -n '2,/^set -euo/{/^#/s/^# \{0,1\}//p}' "${BASH_SOURCE[0]}"
}

mode="${PRESCREEN_SETUP:-web}"
while (($#)); do
    case "$1" in
        --native) mode=native ;;
        --web) mode=web ;;
        -h | --help)
            usage
            exit 0
            ;;
        *) die "unknown argument '$1' (try --help)" ;;
    esac
    shift
done
case "$mode" in
    native | web) ;;
    *) die "PRESCREEN_SETUP must be 'native' or 'web', not '$mode'" ;;
esac

# Tools installed by `cargo install` land here; a fresh shell may not have it on PATH.
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
case ":$PATH:" in
    *":$CARGO_BIN:"*) ;;
    *) export PATH="$CARGO_BIN:$PATH" ;;
esac

have() { command -v "$1" >/dev/null 2>&1; }

# Run a command as root: directly when we are root, else through sudo.
as_root() {
    if [[ "$(id -u)" -eq 0 ]]; then
        "$@"
    elif have sudo; then
        sudo "$@"
    else
        die "need root (or sudo) to run: $*"
    fi
}

# Wait while another `cargo install CRATE` is running on this machine, so we
# never build the same tool twice at once.
wait_for_cargo_install() {
    local crate="$1" waited=0
    have pgrep || return 0
    # Match only cargo processes themselves ("[/path/]cargo install ... CRATE ..."),
    # not shells whose command line merely mentions them.
    while pgrep -f "^([^ ]*/)?cargo install( [^ ]+)* $crate( |\$)" >/dev/null 2>&1; do
        if ((waited == 0)); then
            note "another 'cargo install $crate' is running; waiting for it to finish"
        fi
        sleep 10
        waited=$((waited + 10))
        ((waited < 3600)) || die "gave up waiting for another 'cargo install $crate'"
    done
}

# --- native ------------------------------------------------------------------

setup_rust_components() {
    step "Rust toolchain components (rustfmt, clippy)"
    have cargo || die "cargo not found; install Rust with rustup first"
    local missing=()
    cargo fmt --version >/dev/null 2>&1 || missing+=(rustfmt)
    cargo clippy --version >/dev/null 2>&1 || missing+=(clippy)
    if ((${#missing[@]} == 0)); then
        note "present"
        return
    fi
    have rustup || die "missing ${missing[*]} and no rustup to install them"
    rustup component add "${missing[@]}"
}

setup_wasm_target() {
    step "Rust target $WASM_TARGET"
    if have rustup; then
        if rustup target list --installed | grep -qx "$WASM_TARGET"; then
            note "present"
        else
            rustup target add "$WASM_TARGET"
        fi
    elif rustc --print sysroot >/dev/null 2>&1 &&
        [[ -d "$(rustc --print sysroot)/lib/rustlib/$WASM_TARGET" ]]; then
        note "present (no rustup)"
    else
        die "the $WASM_TARGET target is missing and there is no rustup to add it"
    fi
}

# --- web ---------------------------------------------------------------------

setup_chromium() {
    step "Chromium and chromedriver (apt)"
    if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
        note "present: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
        return
    fi
    have apt-get || die "chromium is missing and apt-get is not available"
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get update -qq
    # No recommends (printer and desktop helpers); fonts-liberation is the one
    # recommended package that matters for rendering pages.
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
        --no-install-recommends chromium chromium-driver fonts-liberation
    note "installed: $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
}

# Zopfli: gzip files 4 % smaller than zlib's best, as a deployment that compresses its files once
# would serve them; tools/serve.mjs uses it when present (tools/compress.mjs).
setup_zopfli() {
    step "zopfli (apt)"
    if have zopfli; then
        note "present: $(command -v zopfli)"
        return
    fi
    have apt-get || die "zopfli is missing and apt-get is not available"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends zopfli
    note "installed: $(command -v zopfli)"
}

setup_trunk() {
    step "trunk $TRUNK_SERIES.x"
    wait_for_cargo_install trunk
    local current=""
    current="$(trunk --version 2>/dev/null | awk '{print $2}')" || true
    if [[ "$current" == "$TRUNK_SERIES".* ]]; then
        note "present: trunk $current"
        return
    fi
    note "${current:+found trunk $current; }building trunk ^$TRUNK_SERIES with cargo install (several minutes)"
    # --locked builds with trunk's own tested Cargo.lock (newer dependency
    # releases have broken the build before); fall back to fresh resolution.
    if ! cargo install trunk --version "^$TRUNK_SERIES" --locked; then
        note "'cargo install --locked' failed; retrying without --locked"
        cargo install trunk --version "^$TRUNK_SERIES"
    fi
    note "installed: $(trunk --version)"
}

# Print the wasm-bindgen version pinned in Cargo.lock, or nothing.
locked_wasm_bindgen_version() {
    [[ -f Cargo.lock ]] || return 0
    awk '
        /^\[\[package\]\]/ { name = "" }
        /^name = / { name = $3; gsub(/"/, "", name) }
        /^version = / && name == "wasm-bindgen" { v = $3; gsub(/"/, "", v); print v; exit }
    ' Cargo.lock
}

setup_wasm_bindgen() {
    step "wasm-bindgen-cli (version from Cargo.lock)"
    if [[ ! -f Cargo.lock ]]; then
        note "no Cargo.lock; generating it"
        cargo generate-lockfile --quiet || cargo metadata --format-version 1 >/dev/null ||
            die "could not generate Cargo.lock"
    fi
    local want
    want="$(locked_wasm_bindgen_version)"
    if [[ -z "$want" ]]; then
        note "skipped: Cargo.lock has no wasm-bindgen dependency yet"
        return
    fi
    wait_for_cargo_install wasm-bindgen-cli
    local current=""
    current="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" || true
    if [[ "$current" == "$want" ]]; then
        note "present: wasm-bindgen $current"
        return
    fi
    note "${current:+found wasm-bindgen $current; }building wasm-bindgen-cli $want"
    # Not --locked: the CLI's own lockfile may pin crates this toolchain rejects.
    cargo install wasm-bindgen-cli --version "$want"
    note "installed: $(wasm-bindgen --version)"
}

setup_node_tools() {
    step "node tools in tools/node (binaryen wasm-opt, playwright-core, axe-core)"
    have npm || die "npm not found; install node 20+ first"
    [[ -f "$NODE_TOOLS_DIR/package-lock.json" ]] ||
        die "tools/node/package-lock.json is missing"
    local stamp="$NODE_TOOLS_DIR/node_modules/.package-lock.json"
    if [[ -f "$stamp" && ! "$NODE_TOOLS_DIR/package-lock.json" -nt "$stamp" ]]; then
        note "present (node_modules is up to date with package-lock.json)"
    else
        (cd "$NODE_TOOLS_DIR" && npm ci --no-audit --no-fund --loglevel=error)
    fi
    note "wasm-opt: $("$NODE_TOOLS_DIR/node_modules/.bin/wasm-opt" --version 2>/dev/null || echo '?')"
    note "to use these tools in your shell:"
    note "  export PATH=\"$NODE_TOOLS_DIR/node_modules/.bin:\$PATH\""
}

# --- main --------------------------------------------------------------------

step "prescreen setup ($mode)"
setup_rust_components
setup_wasm_target
if [[ "$mode" == web ]]; then
    setup_chromium
    setup_zopfli
    setup_trunk
    setup_wasm_bindgen
    setup_node_tools
fi
step "setup done ($mode)"
