#!/usr/bin/env bash
# Quick start (SPEC.md):
#   ./run.sh demo   install missing Debian packages, build, run `lcncrit census`
#   ./run.sh test   same set-up, then the whole test suite; last line "N passed, N failed"
#   ./run.sh build  set-up and build only
set -euo pipefail
cd "$(dirname "$0")"

# The last three are for the test suite: clang + libclang-rt-dev (libFuzzer,
# the fuzz tests) and valgrind (valgrind_census); python3 comes with meson.
PKGS="build-essential meson ninja-build pkg-config libgmp-dev libmpfr-dev libmpc-dev liblapacke-dev libopenblas-dev
      clang libclang-rt-dev valgrind"
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

# Run `meson test` in build dir $1 (further arguments go to meson test) and
# add its results to PASSED / FAILED; the caller prints the closing line.
PASSED=0
FAILED=0
run_tests_in() {
    local dir=$1 rc=0
    shift
    local out="$dir/meson-logs/run-tests.txt"
    mkdir -p "$dir/meson-logs"
    # (PIPESTATUS read inside the group: after "|| true" it would be true's.)
    { meson test -C "$dir" --num-processes 2 --print-errorlogs "$@" 2>&1 | tee "$out"; rc=${PIPESTATUS[0]}; } || true
    local ok fail
    # sort -u: --print-errorlogs repeats each failing test's line in its summary.
    ok=$(grep -E '^ *[0-9]+/[0-9]+ +.* (OK|EXPECTEDFAIL|SKIP) +[0-9.]+s' "$out" | sort -u | wc -l || true)
    fail=$(grep -E '^ *[0-9]+/[0-9]+ +.* (FAIL|TIMEOUT|UNEXPECTEDPASS|ERROR) +[0-9.]+s' "$out" | sort -u | wc -l || true)
    PASSED=$((PASSED + ${ok:-0}))
    FAILED=$((FAILED + ${fail:-0}))
    return $rc
}

run_tests() {
    run_tests_in "$BUILD" "$@"
}

# Second pass of `./run.sh test` (issue 6): the unit suite and most of kat
# again, built with AddressSanitizer + UndefinedBehaviorSanitizer in its own
# build dir. Left out: the fuzz runs (already ASan + UBSan, built by clang),
# the valgrind test (cannot run an ASan binary) and the slowest kat tests,
# whose code paths the remaining ones cover; that keeps the pass near 2
# minutes on 2 cores (plus the build). LCN_SANITIZE=0 skips it; a compiler
# that cannot link the sanitizers is a failure (build-essential's gcc can).
ASAN_BUILD=${LCN_ASAN_BUILD_DIR:-build-asan}
ASAN_SKIP="fuzz_parse fuzz_cli_lists fuzz_cli_csv fuzz_cli_weights valgrind_census locus_kmmt22 locus_bombieri
    census_kmmt22_42 census_kmmt22_322 census_data_census_322 census_cli_default census_cli_json segre_generic
    checkpoint_cli_kill checkpoint_cli_census"

sanitizers_available() {
    local t
    t=$(mktemp -d) || return 1
    echo 'int main(void) { return 0; }' >"$t/a.c"
    ${CC:-cc} -fsanitize=address,undefined "$t/a.c" -o "$t/a" >/dev/null 2>&1 && "$t/a"
    local rc=$?
    rm -rf "$t"
    return $rc
}

run_sanitized_tests() {
    if ! sanitizers_available; then
        echo "run.sh: the C compiler cannot build with -fsanitize=address,undefined (LCN_SANITIZE=0 skips the pass)" >&2
        FAILED=$((FAILED + 1))
        return 1
    fi
    # Called in an || list, where set -e does not apply: check by hand, and
    # count a broken sanitizer build as a failure.
    if { [ -f "$ASAN_BUILD/build.ninja" ] ||
         meson setup "$ASAN_BUILD" -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug >&2; } &&
       meson compile -C "$ASAN_BUILD" >&2; then
        :
    else
        echo "run.sh: the ASan + UBSan build in $ASAN_BUILD failed" >&2
        FAILED=$((FAILED + 1))
        return 1
    fi
    local names="" t
    for t in $(meson test -C "$ASAN_BUILD" --no-rebuild --list 2>/dev/null |
               sed -n 's#^[^ ]*:\(unit\|kat\) / ##p'); do
        case " $(echo $ASAN_SKIP) " in *" $t "*) continue ;; esac
        names="$names $t"
    done
    echo "+ ASan + UBSan pass in $ASAN_BUILD" >&2
    # shellcheck disable=SC2086
    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
        run_tests_in "$ASAN_BUILD" --no-rebuild $names
}

case "${1:-demo}" in
demo)
    build
    echo "+ $BUILD/lcncrit census" >&2
    "$BUILD/lcncrit" census
    ;;
test)
    # A failed set-up or build is a failure too, reported in the closing
    # line (the subshell keeps install_deps' exit from ending the script).
    if ! (build); then
        echo "run.sh: the build failed" >&2
        echo "0 passed, 1 failed"
        exit 1
    fi
    shift || true
    rc=0
    # The tests that need an optional tool (clang/libFuzzer, valgrind,
    # python3) skip without it when run by hand; here, where PKGS installed
    # them, a missing tool is a failure: a CI test must be able to fail.
    export LCN_REQUIRE_TOOLS=1
    run_tests "$@" || rc=$?
    # The sanitizer pass belongs to the full run (CI); `./run.sh test --suite
    # unit` and the like run only what was asked for.
    if [ $# -eq 0 ] && [ "${LCN_SANITIZE:-1}" != 0 ]; then
        run_sanitized_tests || rc=$?
    fi
    echo "$PASSED passed, $FAILED failed"
    exit $rc
    ;;
build)
    build
    ;;
*)
    echo "usage: ./run.sh demo|test|build" >&2
    exit 2
    ;;
esac
