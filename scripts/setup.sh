#!/usr/bin/env bash
# Idempotent installer for the tallyboard toolchain (called by `make setup`).
#
# Installs, each only when missing:
#   - rustup target wasm32-unknown-unknown and the rust-src component (the package's std is rebuilt for size)
#   - wasm-pack                         (cargo install --locked)
#   - wasm-bindgen-cli == the wasm-bindgen version in Cargo.lock
#   - Debian: chromium, chromium-driver, fonts-dejavu-core, fonts-liberation2, fonts-droid-fallback, fonts-lohit-deva
#   - Python: apportionment and votelib (the differential seat-allocation tests), jsonschema (the schema test)
#   - npm in tools/: binaryen (wasm-opt), terser (minifies the shipped JS), playwright-core, pixelmatch, pngjs, axe-core
#   - webdriver.json and .gitignore entries at the repo root
#
# Only package registries are reachable (crates.io, PyPI, npm, Debian apt):
# nothing here lets wasm-pack or playwright download binaries from elsewhere.
# When everything is present it finishes in a few seconds.
set -euo pipefail
# `setup.sh` installs everything (`make setup`, `make test`); `setup.sh build` only what building
# and serving the demo needs (`make demo`, `make pkg`): no browser, fonts or Python packages.
MODE=${1:-all}
case "$MODE" in all|build) ;; *) echo "usage: setup.sh [build]" >&2; exit 2 ;; esac
# (no `grep -q` after a pipe: with pipefail an early exit can SIGPIPE the writer)

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# shellcheck source=scripts/env.sh
. "$ROOT/scripts/env.sh"
export PATH="$HOME/.cargo/bin:$PATH"

ok()         { echo "ok: $*"; }
installing() { echo "installing: $*"; }
die()        { echo "error: $*" >&2; exit 1; }

if [ "$(id -u)" -eq 0 ]; then
    SUDO=()
elif command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
else
    SUDO=()
fi

# ---------------------------------------------------------------- apt helpers
APT_UPDATED=0
apt_install() {  # apt_install PKG...
    if [ "$(id -u)" -ne 0 ] && [ ${#SUDO[@]} -eq 0 ]; then
        die "need root (or sudo) to apt-get install $*"
    fi
    local log
    log=$(mktemp)
    if [ "$APT_UPDATED" -eq 0 ]; then
        "${SUDO[@]}" apt-get update -qq >"$log" 2>&1 || { cat "$log" >&2; die "apt-get update failed"; }
        APT_UPDATED=1
    fi
    # output goes to a log (debconf chatter) and is shown only if the install fails
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends "$@" >"$log" 2>&1 \
        || { cat "$log" >&2; die "apt-get install $* failed"; }
    rm -f "$log"
}
dpkg_has() {  # dpkg_has PKG  -> installed?
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep 'install ok installed' >/dev/null
}

# cargo install --locked, falling back to a fresh resolve: the crates.io mirror we
# reach can lack the newest release of a dependency pinned in a tool's own lock
# file (seen: wasm-bindgen-cli 0.2.130 locks webpki-roots 1.0.11, mirror has 1.0.10).
cargo_install() {  # cargo_install ARGS...
    local log
    log=$(mktemp)
    if cargo install --quiet --locked "$@" 2>"$log"; then
        rm -f "$log"; return 0
    fi
    if grep -q 'failed to select a version' "$log"; then
        echo "  note: --locked resolve failed ($(grep -m1 'failed to select' "$log" | cut -c1-100)); retrying without --locked"
        rm -f "$log"
        cargo install --quiet "$@"
    else
        cat "$log" >&2; rm -f "$log"
        die "cargo install $* failed"
    fi
}

# ------------------------------------------------------------ prerequisites
command -v cargo >/dev/null 2>&1 && command -v rustup >/dev/null 2>&1 \
    || die "cargo/rustup not found (expected in \$HOME/.cargo/bin); install Rust via rustup first"
if ! command -v cc >/dev/null 2>&1; then
    installing "C toolchain (gcc, libc6-dev, pkg-config) for cargo install"
    apt_install gcc libc6-dev pkg-config
fi

# ---------------------------------------------------------- 1. wasm target
if rustup target list --installed | grep -x 'wasm32-unknown-unknown' >/dev/null; then
    ok "rustup target wasm32-unknown-unknown"
else
    installing "rustup target wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown >/dev/null
fi
# The std sources: `make pkg` rebuilds std for the wasm at opt-level z with panics as plain traps.
if rustup component list --installed | grep -x 'rust-src' >/dev/null; then
    ok "rustup component rust-src"
else
    installing "rustup component rust-src"
    rustup component add rust-src >/dev/null
fi

# What only the tests need (a browser, fonts, the Python peers, the WebDriver
# config): `setup.sh build` (what `make demo` and `make pkg` run) skips it.
if [ "$MODE" = all ]; then
# ------------------------------------------- 4. chromium, driver and fonts
# (done before the slow cargo builds so a missing apt package fails fast)
# (Droid Sans Fallback and Lohit Devanagari: the Chinese, Japanese and Hindi cards of the tests in real glyphs.)
APT_PKGS=(chromium chromium-driver fonts-dejavu-core fonts-liberation2 fonts-droid-fallback fonts-lohit-deva)
APT_MISSING=()
for p in "${APT_PKGS[@]}"; do
    case "$p" in
        chromium)        have=$([ -x /usr/bin/chromium ] && dpkg_has "$p" && echo 1 || echo 0) ;;
        chromium-driver) have=$([ -x /usr/bin/chromedriver ] && dpkg_has "$p" && echo 1 || echo 0) ;;
        *)               have=$(dpkg_has "$p" && echo 1 || echo 0) ;;
    esac
    if [ "$have" = 1 ]; then ok "$p"; else installing "$p"; APT_MISSING+=("$p"); fi
done
if [ ${#APT_MISSING[@]} -gt 0 ]; then
    apt_install "${APT_MISSING[@]}"
fi
command -v fc-list >/dev/null 2>&1 && fc-list : family | grep -i dejavu >/dev/null \
    || die "DejaVu fonts not visible to fontconfig (fc-list)"

# ------------------------------------------------------------ 5. Python pkg
if ! command -v python3 >/dev/null 2>&1; then
    installing "python3"
    apt_install python3 python3-pip
elif ! python3 -m pip --version >/dev/null 2>&1; then
    installing "python3-pip"
    apt_install python3-pip
fi
# apportionment and votelib: the differential allocation tests' peers; jsonschema: the schema test.
for mod in apportionment votelib jsonschema; do
    if python3 -c "import $mod" >/dev/null 2>&1; then
        ok "python $mod"
    else
        installing "python $mod"
        # Debian's system python is "externally managed" (PEP 668): retry with the override.
        PIP=(python3 -m pip install -q --no-warn-script-location --disable-pip-version-check)
        PIP_ROOT_USER_ACTION=ignore "${PIP[@]}" "$mod" 2>/dev/null \
            || PIP_ROOT_USER_ACTION=ignore "${PIP[@]}" --break-system-packages "$mod"
    fi
done

fi  # MODE all

# -------------------------------------------------------- 6. npm tooling
if ! command -v npm >/dev/null 2>&1; then
    installing "nodejs npm"
    apt_install nodejs npm
fi
mkdir -p tools
if [ ! -f tools/package.json ]; then
    installing "tools/package.json"
    cat > tools/package.json <<'EOF'
{
  "name": "tallyboard-dev-tools",
  "private": true,
  "description": "Dev/test tooling for tallyboard: wasm-opt (binaryen), headless-browser checks. Not published.",
  "license": "MIT",
  "devDependencies": {
    "axe-core": "^4.14.1",
    "binaryen": "~132.0.0",
    "pixelmatch": "^7.2.0",
    "playwright-core": "^1.65.1",
    "pngjs": "^7.0.0",
    "terser": "^5.46.0"
  }
}
EOF
fi
NM_STAMP=tools/node_modules/.package-lock.json   # rewritten by every npm install/ci
if [ -x tools/node_modules/.bin/wasm-opt ] && [ -x tools/node_modules/.bin/terser ] && [ -f "$NM_STAMP" ] \
   && [ -f tools/package-lock.json ] \
   && ! [ tools/package-lock.json -nt "$NM_STAMP" ] \
   && ! [ tools/package.json -nt "$NM_STAMP" ]; then
    ok "npm tools (binaryen/wasm-opt, terser, playwright-core, pixelmatch, pngjs, axe-core)"
else
    installing "npm tools (binaryen/wasm-opt, terser, playwright-core, pixelmatch, pngjs, axe-core)"
    # PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: belt and braces; playwright-core has no
    # install hook, and browsers are never fetched (we use Debian's chromium).
    if [ -f tools/package-lock.json ] && ! [ tools/package.json -nt tools/package-lock.json ]; then
        (cd tools && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    else
        (cd tools && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund --loglevel=error >/dev/null)
    fi
    touch "$NM_STAMP"
    [ -x tools/node_modules/.bin/wasm-opt ] || die "tools/node_modules/.bin/wasm-opt missing after npm install"
fi

# ------------------------------------------------------------ 2. wasm-pack
if command -v wasm-pack >/dev/null 2>&1; then
    ok "wasm-pack ($(wasm-pack --version 2>/dev/null | awk '{print $2}'))"
else
    installing "wasm-pack (cargo install, takes a few minutes)"
    cargo_install wasm-pack
fi

# --------------------------------------- 3. wasm-bindgen-cli == Cargo.lock
WB_VERSION=""
if [ -f Cargo.lock ]; then
    WB_VERSION=$(awk '
        /^\[\[package\]\]/      { f = 0 }
        /^name = "wasm-bindgen"$/ { f = 1; next }
        f && /^version = /      { gsub(/"/, "", $3); print $3; exit }
    ' Cargo.lock)
fi
if [ -z "$WB_VERSION" ]; then   # no lock file (yet): fall back to the "=X.Y.Z" pin in Cargo.toml
    WB_VERSION=$(sed -n 's/^wasm-bindgen *= *"=\{0,1\}\([0-9][0-9.]*\)".*/\1/p' Cargo.toml | head -n1)
fi
[ -n "$WB_VERSION" ] || die "could not find the wasm-bindgen version in Cargo.lock / Cargo.toml"
HAVE_WB=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$HAVE_WB" = "$WB_VERSION" ] && command -v wasm-bindgen-test-runner >/dev/null 2>&1; then
    ok "wasm-bindgen-cli $WB_VERSION"
else
    installing "wasm-bindgen-cli $WB_VERSION${HAVE_WB:+ (have $HAVE_WB)} (cargo install, takes a few minutes)"
    cargo_install --force wasm-bindgen-cli --version "$WB_VERSION"
fi

if [ "$MODE" = all ]; then
# ---------------------------------------------------- 7. webdriver.json
if [ -f webdriver.json ]; then
    ok "webdriver.json"
else
    installing "webdriver.json"
    cat > webdriver.json <<'EOF'
{
  "goog:chromeOptions": {
    "args": [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run"
    ]
  }
}
EOF
fi

fi  # MODE all

# ------------------------------------------------------------ .gitignore
GI_MISSING=()
for line in /target /pkg /tools/node_modules /node_modules '*.profraw'; do
    [ -f .gitignore ] && grep -qxF -- "$line" .gitignore || GI_MISSING+=("$line")
done
if [ ${#GI_MISSING[@]} -eq 0 ]; then
    ok ".gitignore"
else
    installing ".gitignore entries: ${GI_MISSING[*]}"
    # keep a trailing newline before appending
    if [ -s .gitignore ] && [ -n "$(tail -c1 .gitignore)" ]; then echo >> .gitignore; fi
    printf '%s\n' "${GI_MISSING[@]}" >> .gitignore
fi

echo "setup done in ${SECONDS}s (source scripts/env.sh for PATH and CHROMEDRIVER)"
