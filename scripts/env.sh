# shellcheck shell=sh
# Environment for building/testing tallyboard. Source it (POSIX sh or bash):
#
#     . scripts/env.sh          # from the repo root
#
# It puts on PATH:
#   - $HOME/.cargo/bin                 wasm-pack, wasm-bindgen (+ -test-runner), cargo
#   - <repo>/tools/node_modules/.bin   wasm-opt (npm `binaryen`, 132.x), so wasm-pack
#                                      finds it on PATH and never tries to download it
# and sets CHROMEDRIVER=/usr/bin/chromedriver (Debian chromium-driver) for
# `wasm-pack test --headless --chrome` / wasm-bindgen-test-runner.
#
# Make equivalent (top of the Makefile), if you prefer not to source a file:
#
#     export PATH := $(HOME)/.cargo/bin:$(CURDIR)/tools/node_modules/.bin:$(PATH)
#     export CHROMEDRIVER := /usr/bin/chromedriver
#
# Safe to source more than once (no duplicate PATH entries).

if [ -n "${BASH_SOURCE:-}" ]; then
    TALLYBOARD_ROOT=$(cd "$(dirname "${BASH_SOURCE}")/.." && pwd)
elif [ -f scripts/env.sh ]; then
    TALLYBOARD_ROOT=$(pwd)
else
    TALLYBOARD_ROOT=$(git rev-parse --show-toplevel 2>/dev/null || pwd)
fi
export TALLYBOARD_ROOT

for _tb_dir in "$TALLYBOARD_ROOT/tools/node_modules/.bin" "$HOME/.cargo/bin"; do
    case ":$PATH:" in
        *":$_tb_dir:"*) ;;
        *) PATH="$_tb_dir:$PATH" ;;
    esac
done
unset _tb_dir
export PATH

: "${CHROMEDRIVER:=/usr/bin/chromedriver}"
export CHROMEDRIVER
