#!/bin/sh
# Build one libFuzzer harness with clang (-fsanitize=fuzzer,address,undefined)
# straight from the library sources (no meson reconfiguration: the project
# compiler may be gcc), then fuzz for SECONDS seconds. Harnesses:
#   parse    fuzz_parse.c       the system format of `lcncrit solve`
#   lists    fuzz_cli_lists.c   --k/--s/--partition and --target lists
#   csv      fuzz_cli_csv.c     the --data CSV reader and the loss form
#   weights  fuzz_cli_weights.c the --weights FILE reader
# Usage: run-fuzz.sh NAME OUTDIR [SECONDS] [extra libFuzzer args...]
# The corpus is kept in OUTDIR/corpus (seeded from systems/*.txt or a few
# valid and borderline inputs); crashes land in OUTDIR (bench/README-fuzz.md).
set -u
name=${1:?NAME (parse, lists, csv or weights)}
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
headers="$root/include/lcncrit/*.h"
flags=""
extra=""
case $name in
parse)
    s=$root/src/slp
    srcs="$here/fuzz_parse.c $s/slp.c $s/diff.c $s/system.c $s/eval_d.c $s/eval_mp.c $s/parse.c $core"
    headers="$headers $s/impl.h"
    flags="-I$s"
    libs="-lmpc -lmpfr -lgmp -lm"
    # The limits in parse.h bound the work per input.
    extra="-dict=$here/parse.dict" ;;
lists)
    srcs="$here/fuzz_cli_lists.c $root/src/cli/util.c $core"
    headers="$headers $root/src/cli/cli.h"
    libs="-lm" ;;
csv)
    srcs="$here/fuzz_cli_csv.c $root/src/census/data.c $root/src/lcn/lossdata.c $root/src/model/arch.c $core"
    libs="-llapacke -lm" ;;
weights)
    srcs="$here/fuzz_cli_weights.c $root/src/lcn/weights.c $core"
    libs="-llapacke -lm" ;;
*) echo "unknown harness '$name'"; exit 1 ;;
esac
mkdir -p "$out/corpus" || exit 1
bin="$out/fuzz-$name"
# Rebuild only when a source or header is newer than the binary.
stale=1
if [ -x "$bin" ]; then
    stale=0
    for f in $srcs $headers; do
        [ "$f" -nt "$bin" ] && stale=1
    done
fi
if [ "$stale" = 1 ]; then
    echo "building $bin"
    # shellcheck disable=SC2086
    if ! nice "$CLANG" -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
        -include "$here/compat.h" -D_GNU_SOURCE -DLCN_BUILDING -DLCN_VERSION='"fuzz"' -I"$root/include" \
        -I"$root/src" $flags $srcs -o "$bin.tmp" $libs 2>"$out/build.log"; then
        cat "$out/build.log"
        grep -q -i "fuzzer" "$out/build.log" && skip "libFuzzer not available"
        exit 1
    fi
    mv "$bin.tmp" "$bin"
fi
# Seeds, so that the fuzzer starts past the first character.
c="$out/corpus"
case $name in
parse)
    cp "$root"/systems/*.txt "$c/" 2>/dev/null ;;
lists)
    for s in 3,2,2 1 2,0,5,0,2 -1.5e-3,2 1e308,-1e308 0x1p3,4 1000000 "2,,3" 3,2, nan inf; do
        printf '%s' "$s" >"$c/seed-$(printf '%s' "$s" | cksum | cut -d' ' -f1)"
    done ;;
csv)
    printf '1,0,0,1\n0,1,0,1\n0,0,1,1\n' >"$c/seed-x"
    printf '# comment\n 1.5 , -2e3 \r\n\n3,4\n' >"$c/seed-blank"
    printf '1,2,3\n4,5\n' >"$c/seed-ragged" ;;
weights)
    # The first byte picks k = 1 + byte % 8.
    printf '\002 1 0 0\n0 1 0\n0 0 1\n' >"$c/seed-i3"
    printf '\001%s' '2 1
1 2
' >"$c/seed-2"
    printf '\002# c\n4,1,0\n1,4,1\n0,1,4\n' >"$c/seed-comma" ;;
esac
cd "$out" || exit 1
# -timeout and -rss_limit_mb turn a hang or a memory blow-up into a reported
# failure. -close_fd_mask=2: the CLI parsers print their refusals to stderr;
# libFuzzer and the sanitizers keep reporting on a duplicate of it.
mask=""
[ "$name" = parse ] || mask="-close_fd_mask=2"
# shellcheck disable=SC2086
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    nice "$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=1024 -max_len=4096 \
    $mask $extra -print_final_stats=1 "$@" corpus
