#!/bin/sh
# Small censuses under valgrind memcheck (issue 6: "a small census is
# valgrind-clean"): one stride-one census (root loci, certification, Hessian
# classification) and one Segre census, single-threaded, every memcheck error
# and every definite/possible leak is a failure. tests/valgrind.supp only
# silences libgomp/OpenBLAS internals. Usage: t-valgrind.sh (LCNCRIT from
# the environment). Exit 0 pass, 1 fail, 77 skip (no valgrind, or an
# ASan-instrumented binary, which valgrind cannot run; LCN_REQUIRE_TOOLS=1
# turns a missing valgrind into a failure).
set -u
LCNCRIT=${LCNCRIT:?LCNCRIT must point at the lcncrit binary}
here=$(cd "$(dirname "$0")" && pwd)
# A missing tool skips (77), except under ./run.sh test (LCN_REQUIRE_TOOLS=1),
# which installs the tools: there it fails, so that CI cannot pass silently.
skip() {
    if [ "${LCN_REQUIRE_TOOLS:-0}" = 1 ]; then echo "FAIL: $1 (required: LCN_REQUIRE_TOOLS=1)"; exit 1; fi
    echo "$1: skip"; exit 77
}
command -v valgrind >/dev/null 2>&1 || skip "valgrind not found"
if command -v ldd >/dev/null 2>&1 && ldd "$LCNCRIT" 2>/dev/null | grep -q 'libasan'; then
    echo "sanitizer build: skip"; exit 77
fi
fail=0
for args in "--k 3,2 --target random" "--k 2,2 --s 2,1 --target random"; do
    # shellcheck disable=SC2086
    OMP_NUM_THREADS=1 valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,possible \
        --suppressions="$here/valgrind.supp" "$LCNCRIT" census $args --cache none --threads 1 >/dev/null 2>"${TMPDIR:-/tmp}/t-valgrind.$$"
    rc=$?
    if [ "$rc" -ne 0 ]; then
        echo "FAIL: valgrind lcncrit census $args: exit $rc"
        cat "${TMPDIR:-/tmp}/t-valgrind.$$"
        fail=1
    fi
done
rm -f "${TMPDIR:-/tmp}/t-valgrind.$$"
exit $fail
