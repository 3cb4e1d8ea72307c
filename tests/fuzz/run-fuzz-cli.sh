#!/bin/sh
# Build one of the command-line input harnesses (fuzz_cli_NAME.c: lists,
# csv, weights) with clang (libFuzzer + ASan + UBSan) from the library
# sources, then fuzz for SECONDS seconds.
# Usage: run-fuzz-cli.sh NAME OUTDIR [SECONDS] [extra libFuzzer args...]
# Exit 77 (skip) when clang or libFuzzer is not available. The corpus is
# kept in OUTDIR/corpus (seeded from data/ and small built-in examples);
# crashes land in OUTDIR. Same pattern as run-fuzz.sh (the parser's).
set -u
name=${1:?NAME (lists, csv or weights)}
out=${2:?OUTDIR}
secs=${3:-10}
[ $# -ge 3 ] && shift 3 || shift $#
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
core="$root/src/core/common.c $root/src/core/rng.c"
libs="-lm"
case $name in
lists) srcs="$here/fuzz_cli_lists.c $root/src/cli/util.c $core" ;;
csv) srcs="$here/fuzz_cli_csv.c $root/src/census/data.c $root/src/lcn/lossdata.c $root/src/model/arch.c $core"
     libs="-llapacke -lm" ;;
weights) srcs="$here/fuzz_cli_weights.c $root/src/lcn/weights.c $core"
     libs="-llapacke -lm" ;;
*) echo "unknown harness '$name'"; exit 1 ;;
esac
mkdir -p "$out/corpus" || exit 1
bin="$out/fuzz-cli-$name"
# Rebuild only when a source or header is newer than the binary.
stale=1
if [ -x "$bin" ]; then
    stale=0
    for f in $srcs "$root"/include/lcncrit/*.h "$root"/src/cli/cli.h; do
        [ "$f" -nt "$bin" ] && stale=1
    done
fi
if [ "$stale" = 1 ]; then
    echo "building $bin"
    # shellcheck disable=SC2086
    if ! nice "$CLANG" -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
        -include "$here/compat.h" -D_GNU_SOURCE -DLCN_BUILDING -DLCN_VERSION='"fuzz"' -I"$root/include" -I"$root/src" \
        $srcs -o "$bin.tmp" $libs 2>"$out/build.log"; then
        if grep -q -i "fuzzer" "$out/build.log"; then
            cat "$out/build.log"; skip "libFuzzer not available"
        fi
        cat "$out/build.log"; exit 1
    fi
    mv "$bin.tmp" "$bin"
fi
# Seeds: a few valid and borderline inputs, so the fuzzer starts past the
# first character.
c="$out/corpus"
case $name in
lists)
    for s in 3,2,2 1 2,0,5,0,2 -1.5e-3,2 1e308,-1e308 0x1p3,4 1000000 "2,,3" 3,2, nan inf; do
        printf '%s' "$s" >"$c/seed-$(printf '%s' "$s" | cksum | cut -d' ' -f1)"
    done ;;
csv)
    printf '1,0,0,1\n0,1,0,1\n0,0,1,1\n' >"$c/seed-x"
    printf '# comment\n 1.5 , -2e3 \r\n\n3,4\n' >"$c/seed-blank"
    printf '1,2,3\n4,5\n' >"$c/seed-ragged" ;;
weights)
    printf '\002 1 0 0\n0 1 0\n0 0 1\n' >"$c/seed-i3"
    printf '\0012 1\n1 2\n' >"$c/seed-2"
    printf '\002# c\n4,1,0\n1,4,1\n0,1,4\n' >"$c/seed-comma" ;;
esac
cd "$out" || exit 1
# -close_fd_mask=2: the parsers print their refusals to stderr; libFuzzer
# keeps its own reports (and the sanitizers') on a duplicate of it.
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    nice "$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=1024 -max_len=4096 \
    -close_fd_mask=2 -print_final_stats=1 "$@" corpus
