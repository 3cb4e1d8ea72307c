#!/usr/bin/env bash
# Quick start (SPEC.md):
#   ./run.sh demo   install missing Debian packages, build, run `lcncrit census`
#   ./run.sh test   same set-up, then the whole test suite; last line "N passed, N failed"
#   ./run.sh build  set-up and build only
set -euo pipefail
cd "$(dirname "$0")"

PKGS="build-essential meson ninja-build pkg-config libgmp-dev libmpfr-dev libmpc-dev liblapacke-dev libopenblas-dev"
BUILD=${LCN_BUILD_DIR:-build}

install_deps() {
    local missing=""
    for p in $PKGS; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
    done
    [ -z "$missing" ] && return 0
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "run.sh: installing$missing" >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >&2
        apt-get install -y -qq --no-install-recommends $missing >&2
    else
        echo "run.sh: missing Debian packages:$missing (install them, then rerun)" >&2
        exit 1
    fi
}

build() {
    install_deps
    if [ ! -f "$BUILD/build.ninja" ]; then
        meson setup "$BUILD" >&2
    fi
    meson compile -C "$BUILD" >&2
}

# Summarise `meson test` into the closing line scripts look for.
run_tests() {
    local rc=0 out="$BUILD/meson-logs/run-tests.txt"
    mkdir -p "$BUILD/meson-logs"
    meson test -C "$BUILD" --num-processes 2 --print-errorlogs "$@" 2>&1 | tee "$out" || true
    rc=${PIPESTATUS[0]}
    local ok fail
    ok=$(grep -cE '^ *[0-9]+/[0-9]+ +.* (OK|EXPECTEDFAIL|SKIP) +[0-9.]+s' "$out" || true)
    fail=$(grep -cE '^ *[0-9]+/[0-9]+ +.* (FAIL|TIMEOUT|UNEXPECTEDPASS|ERROR) +[0-9.]+s' "$out" || true)
    echo "${ok:-0} passed, ${fail:-0} failed"
    return $rc
}

case "${1:-demo}" in
demo)
    build
    echo "+ $BUILD/lcncrit census" >&2
    "$BUILD/lcncrit" census
    ;;
test)
    build
    shift || true
    run_tests "$@"
    ;;
build)
    build
    ;;
*)
    echo "usage: ./run.sh demo|test|build" >&2
    exit 2
    ;;
esac
