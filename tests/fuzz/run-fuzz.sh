#!/bin/sh
# Build the libFuzzer harness for the system format with clang (ASan +
# UBSan) from the library sources, then fuzz for SECONDS seconds.
# Usage: run-fuzz.sh OUTDIR [SECONDS] [extra libFuzzer args...]
# Exit 77 (skip) when clang or libFuzzer is not available. The corpus starts
# from systems/*.txt and is kept in OUTDIR/corpus; crashes land in OUTDIR.
set -u
out=${1:?OUTDIR}
secs=${2:-10}
[ $# -ge 2 ] && shift 2 || shift $#
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
# A missing tool skips (77), except under ./run.sh test (LCN_REQUIRE_TOOLS=1),
# which installs the tools: there it fails, so that CI cannot pass silently.
skip() {
    if [ "${LCN_REQUIRE_TOOLS:-0}" = 1 ]; then echo "FAIL: $1 (required: LCN_REQUIRE_TOOLS=1)"; exit 1; fi
    echo "$1: skip"; exit 77
}
CLANG=${CLANG:-clang}
command -v "$CLANG" >/dev/null 2>&1 || skip "clang not found"
mkdir -p "$out/corpus" || exit 1
bin="$out/fuzz-parse"
srcs="$here/fuzz_parse.c $root/src/slp/slp.c $root/src/slp/diff.c $root/src/slp/system.c \
      $root/src/slp/eval_d.c $root/src/slp/eval_mp.c $root/src/slp/parse.c \
      $root/src/core/common.c $root/src/core/rng.c"
# Rebuild only when a source or header is newer than the binary.
stale=1
if [ -x "$bin" ]; then
    stale=0
    for f in $srcs "$root"/include/lcncrit/*.h "$root"/src/slp/impl.h; do
        [ "$f" -nt "$bin" ] && stale=1
    done
fi
if [ "$stale" = 1 ]; then
    echo "building $bin"
    # shellcheck disable=SC2086
    if ! nice "$CLANG" -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
        -include "$here/compat.h" -D_GNU_SOURCE -DLCN_BUILDING -DLCN_VERSION='"fuzz"' -I"$root/include" -I"$root/src" -I"$root/src/slp" \
        $srcs -o "$bin.tmp" -lmpc -lmpfr -lgmp -lm 2>"$out/build.log"; then
        if grep -q -i "fuzzer" "$out/build.log"; then
            cat "$out/build.log"; skip "libFuzzer not available"
        fi
        cat "$out/build.log"; exit 1
    fi
    mv "$bin.tmp" "$bin"
fi
cp "$root"/systems/*.txt "$out/corpus/" 2>/dev/null
cd "$out" || exit 1
# The limits in parse.h bound the work per input; -rss_limit_mb and -timeout
# turn a violation (memory blow-up, a hang) into a reported failure.
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    nice "$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=1024 -max_len=4096 \
    -dict="$here/parse.dict" -print_final_stats=1 "$@" corpus
