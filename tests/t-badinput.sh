#!/bin/sh
# End-to-end sweep of malformed command-line input (issue 6, "bad input never
# crashes"). Every case must exit 2 (never 1, never a signal), write nothing
# to stdout, and print a message on stderr that names the offending argument
# or file. Usage: t-badinput.sh GROUP (LCNCRIT from the environment); GROUP is
# one of numbers, sizes, weights, data, options, solve, or all.
# Exit 0 pass, 1 fail.
set -u
LCNCRIT=${LCNCRIT:?LCNCRIT must point at the lcncrit binary}
group=${1:-all}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/t-badinput.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
fail=0
ncase=0
# A case must be refused quickly: anything slower means the input was not
# checked before work started. timeout(1) is optional.
if command -v timeout >/dev/null 2>&1; then TO="timeout 10"; else TO=""; fi

# bad WORD CMD ARGS...: lcncrit CMD ARGS must exit 2, with an empty stdout
# and WORD (a fixed string; "A|B": either) in a non-empty stderr of at most
# MAXLINES lines (one message, not a cascade).
MAXLINES=3
bad() {
    word=$1
    shift
    ncase=$((ncase + 1))
    $TO "$LCNCRIT" "$@" >"$tmp/stdout" 2>"$tmp/stderr" </dev/null
    rc=$?
    what="lcncrit $*"
    if [ "$rc" -ne 2 ]; then
        echo "FAIL: $what: exit $rc, want 2 ($(head -c 300 "$tmp/stderr"))"
        fail=1
        return
    fi
    if [ -s "$tmp/stdout" ]; then
        echo "FAIL: $what: wrote to stdout: $(head -c 200 "$tmp/stdout")"
        fail=1
    fi
    if ! [ -s "$tmp/stderr" ]; then
        echo "FAIL: $what: no message on stderr"
        fail=1
    elif ! (IFS='|'; for w in $word; do grep -q -F -- "$w" "$tmp/stderr" && exit 0; done; exit 1); then
        echo "FAIL: $what: message does not name '$word': $(head -c 300 "$tmp/stderr")"
        fail=1
    fi
    n=$(wc -l <"$tmp/stderr")
    if [ "$n" -gt "$MAXLINES" ]; then
        echo "FAIL: $what: $n lines on stderr: $(head -c 300 "$tmp/stderr")"
        fail=1
    fi
}

# good CMD ARGS...: the control case next to a refusal, must exit 0.
good() {
    ncase=$((ncase + 1))
    $TO "$LCNCRIT" "$@" >"$tmp/stdout" 2>"$tmp/stderr" </dev/null
    rc=$?
    if [ "$rc" -ne 0 ]; then
        echo "FAIL: lcncrit $*: exit $rc, want 0 ($(head -c 300 "$tmp/stderr"))"
        fail=1
    fi
}

# The valid base invocation of each command that takes --k and --target, and
# the end-to-end k it leads to (target length); --cache none keeps the sweep
# away from the user's cache (arch and edd do not take it).
#   segre's default strides are (2,...,2,1), so --k 2,2 gives k = 4.
CMDS_K="arch edd segre params census"
CMDS_T="locus segre params census"
base() {
    case $1 in
    arch | edd) echo "--k 2,2" ;;
    locus) echo "--partition 2,1 --target 1,2,3,4 --cache none" ;;
    segre) echo "--k 2,2 --target 1,2,3,4 --cache none" ;;
    params) echo "--k 2,2 --target 1,2,3 --cache none" ;;
    census) echo "--k 2,2 --target 1,2,3 --cache none" ;;
    esac
}
# base_without CMD OPT: the base options of CMD without OPT and its value.
# Shell word splitting is enough: no value has blanks.
base_without() {
    out=""
    skip=0
    for a in $(base "$1"); do
        if [ "$skip" = 1 ]; then
            skip=0
        elif [ "$a" = "$2" ]; then
            skip=1
        else
            out="$out $a"
        fi
    done
    echo "$out"
}
kopt() { [ "$1" = locus ] && echo --partition || echo --k; }

# wargs CMD FILE: the command line of CMD with --weights FILE.
wargs() {
    case $1 in
    locus) echo "locus --partition 2,1 --target 1,2,3,4 --cache none --weights $2" ;;
    segre) echo "segre --k 2,2 --target 1,2,3,4 --cache none --weights $2" ;;
    params) echo "params --k 2,2 --target 1,2,3 --cache none --weights $2" ;;
    census) echo "census --k 2,2 --target 1,2,3 --cache none --weights $2" ;;
    esac
}

numbers() {
    for c in $CMDS_K locus; do
        o=$(kopt $c)
        rest=$(base_without $c $o)
        for v in 3,,2 3,2, ,3 1e3 1.5,2 abc 0 -1 2,0 2,-3 100000 99999999999999999999 "" " " 0x10 2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2; do
            bad "$o" $c $rest $o "$v"
        done
    done
    for c in arch edd segre params census; do
        rest=$(base_without $c --s)
        for v in 1,, 0,1 -1,1 1.5,1 x,1 1 1,1,1 99999999999999999999,1; do
            bad --s $c $rest --s "$v"
        done
        # A huge stride makes the end-to-end filter huge: either name will do.
        bad "--s|--k" $c $rest --s 100000,1
    done
    for c in $CMDS_T; do
        rest=$(base_without $c --target)
        for v in 1,abc nan,1,1 inf,1,1 1,-inf,1 1e400,1,1 1,,2 1,2, "" 1,2 1,2,3,4,5,6 0x,1,1 "1 2 3" 1e-400000,1,1; do
            bad --target $c $rest --target "$v"
        done
    done
}

sizes() {
    # Absurd sizes: refused before allocating anything large.
    bad --partition locus --partition 100000 --target random --cache none
    bad --partition locus --partition 1000000 --target random --cache none
    bad --partition locus --partition 200,200,200 --target random --cache none
    bad --k segre --k 60,60 --target random --cache none
    bad --k segre --k 1000,1000 --target random --cache none
    bad --k params --k 500,500 --target random --cache none
    bad --k params --k 200,200 --target random --cache none
    bad --k params --k 20,20 --target random --cache none
    bad --k segre --k 12,12 --target random --cache none
    bad --k census --k 12,12 --s 2,1 --target random --cache none
    bad --k census --k 60,60 --target random --cache none
    bad --k census --k 100000 --target random --cache none
    bad --k arch --k 1000000,1000000
    bad --k edd --k 1000000,1000000
    bad --k census --k 1 --target 1 --cache none
    bad --k params --k 1 --target 1 --cache none
    # The path limit counts what is tracked: one θ per point w of Δ(2,1),
    # EDdeg = 7; C_(2,2) = 6 for the Segre system. Exactly the count passes.
    bad --partition locus --partition 2,1 --target random --cache none --max-paths 6
    good locus --partition 2,1 --target random --cache none --max-paths 7
    bad --k segre --k 2,2 --target random --cache none --max-paths 5
    good segre --k 2,2 --target random --cache none --max-paths 6
    bad --partition locus --partition 70 --target random --cache none
    # A stride-one census of k = 61 solves the p(60) = 966467 root loci of
    # degree 60, of k = 63 p(62) = 1300156 (too many to list): more than
    # 1e6 paths in both.
    bad --k census --k 31,31 --target random --cache none
    bad --k census --k 32,32 --target random --cache none
    bad --k census --k 3,3 --s 2,1 --target random --cache none --max-paths 5
}

weights() {
    printf '1 0 0\n0 1 0\n0 0 1\n' >"$tmp/ok3"
    printf '1 0.5 0\n0 1 0\n0 0 1\n' >"$tmp/nonsym3"
    printf '1 0 0\n0 -1 0\n0 0 1\n' >"$tmp/indef3"
    printf '1 0 0\n0 0 0\n0 0 1\n' >"$tmp/singular3"
    printf '1 0 0\n0 nan 0\n0 0 1\n' >"$tmp/nan3"
    printf '1 0 0\n0 inf 0\n0 0 1\n' >"$tmp/inf3"
    printf '1 0\n0 1\n' >"$tmp/small"
    printf '1 0 0 0 0\n0 1 0 0 0\n0 0 1 0 0\n0 0 0 1 0\n0 0 0 0 1\n' >"$tmp/big"
    printf '1 0 0\n0 1\n0 0 1\n' >"$tmp/ragged3"
    printf '1 0 0\n0 1 0\n0 0 1\n0 0 0\n' >"$tmp/extrarow3"
    printf '1 0 0\n0 x 0\n0 0 1\n' >"$tmp/word3"
    printf '1 0 0\n0 1e400 0\n0 0 1\n' >"$tmp/huge3"
    : >"$tmp/empty"
    head -c 4096 /dev/urandom >"$tmp/binary"
    printf '1 0 0\n0 1\000 0\n0 0 1\n' >"$tmp/nul3"
    for c in locus segre params census; do
        for f in nonsym3 indef3 singular3 nan3 inf3 small big ragged3 extrarow3 word3 huge3 empty binary nul3; do
            # The 4x4 commands get 3x3 files and the other way round as well.
            # The message names the option, and the file where it can.
            bad --weights $(wargs $c "$tmp/$f")
        done
        bad --weights $(wargs $c "$tmp/ok3_missing")
        bad --weights $(wargs $c "$tmp")
    done
    bad --weights edd --k 2,2 --weights "$tmp/binary"
}

data() {
    # census --data X.csv Y.csv for --k 2,2 (k = 3, stride 1): X is d0 x N with
    # d0 = k + (dL - 1), Y is dL x N. A valid set: dL = 1, d0 = 3, N = 4.
    printf '1,0,0,1\n0,1,0,1\n0,0,1,1\n' >"$tmp/X"
    printf '1,2,3,4\n' >"$tmp/Y"
    printf '1,0,0\n0,1,0\n0,0,1\n' >"$tmp/X3"       # N = 3 = d0: fine
    printf '1,0\n0,1\n0,0\n' >"$tmp/Xfew"           # N = 2 < d0
    printf '1,2\n' >"$tmp/Yfew"
    printf '1,1,1,1\n1,1,1,1\n0,0,1,1\n' >"$tmp/Xsing"  # rank 2
    printf '1,0,0,1\n0,1,0\n0,0,1,1\n' >"$tmp/Xragged"
    printf '1,0,0,1\n0,nan,0,1\n0,0,1,1\n' >"$tmp/Xnan"
    printf '1,0,0,1\n0,1,0,1\n0,0,inf,1\n' >"$tmp/Xinf"
    printf '1,0,0,1\n0,1,0,1\000,7\n0,0,1,1\n' >"$tmp/Xnul"
    printf '1,0,0,1\n0,1,0,1\n' >"$tmp/Xd0"          # d0 = 2
    printf '1,0,0,1\n0,1,0,1\n0,0,1,1\n1,1,1,1\n' >"$tmp/Xd4"
    printf '1,2,3\n' >"$tmp/Y3"                      # N mismatch
    printf '1,,3,4\n' >"$tmp/Yempty_field"
    printf '1,2,3,4;\n' >"$tmp/Yjunk"
    : >"$tmp/empty"
    printf '# only a comment\n\n' >"$tmp/comment"
    head -c 4096 /dev/urandom >"$tmp/binary"
    D="census --k 2,2 --cache none --data"
    for x in Xfew Xsing Xragged Xnan Xinf Xnul Xd0 Xd4 empty comment binary; do
        y=Y
        [ "$x" = Xfew ] && y=Yfew
        bad "$x" $D "$tmp/$x" "$tmp/$y"
    done
    for y in Y3 Yempty_field Yjunk empty binary; do
        bad "$y" $D "$tmp/X" "$tmp/$y"
    done
    bad nosuchfile $D "$tmp/nosuchfile" "$tmp/Y"
    bad nosuchfile $D "$tmp/X" "$tmp/nosuchfile"
    bad "$tmp" $D "$tmp" "$tmp/Y"
    bad --data census --k 2,2 --cache none --data "$tmp/X"
    bad --data census --k 2,2 --cache none --data
    bad --target census --k 2,2 --cache none --data "$tmp/X" "$tmp/Y" --target 1,2,3
    bad --weights census --k 2,2 --cache none --data "$tmp/X" "$tmp/Y" --weights identity
}

options() {
    for c in arch edd locus segre params census solve; do
        bad --bogus $c --bogus
        bad -x $c -x
        for o in --seed --threads --json --cache; do
            [ "$c" = arch ] || [ "$c" = edd ] && continue
            bad "$o" $c $o
        done
    done
    for c in $CMDS_K locus; do
        o=$(kopt $c)
        bad "$o" $c $o
    done
    for c in $CMDS_T; do
        rest=$(base_without $c --target)
        bad --target $c $rest --target
        bad --weights $c $(base $c) --weights
        bad --seed $c $(base $c) --seed -1
        bad --seed $c $(base $c) --seed abc
        bad --seed $c $(base $c) --seed 99999999999999999999999
        bad --threads $c $(base $c) --threads -2
        bad --threads $c $(base $c) --threads 1e9
        bad --threads $c $(base $c) --threads x
        bad --weights $c $(base $c) --weights ""
        bad --weights $c $(base $c) --weights nonsense_name_that_is_no_file
        bad --json $c $(base $c) --json "$tmp/no/such/dir/out.json"
        for v in 0 -1 abc 1.5 1e30 ""; do
            bad --max-paths $c $(base $c) --max-paths "$v"
        done
        bad --max-paths $c $(base $c) --max-paths 10 --max-paths 10
    done
    # Duplicate options: refused (which value wins would be a guess).
    for c in $CMDS_K locus; do
        o=$(kopt $c)
        bad "$o" $c $(base $c) $o 2,2
    done
    for c in $CMDS_T; do
        bad --target $c $(base $c) --target 1,2,3
    done
    for c in arch edd; do
        bad --json $c --k 2,2 --json "$tmp/no/such/dir/out.json"
        bad --k $c --k 2,2 --k 3
        bad --s $c --k 2,2 --s 1,1 --s 1,1
        bad --json $c --k 2,2 --json - --json -
    done
    bad --weights edd --k 2,2 --weights identity --weights bombieri
    bad --seed census $(base census) --seed 1 --seed 2
    bad --weights census $(base census) --weights identity --weights bombieri
    # Missing required options, stray positional arguments.
    bad --k arch
    bad --k edd
    bad --partition locus --target 1,2,3
    bad --target locus --partition 2,1
    bad --target segre --k 2,2
    bad --target params --k 2,2
    bad stray arch --k 2,2 stray
    bad stray census $(base census) stray
    bad unknown_command_xyz unknown_command_xyz
}

solve() {
    : >"$tmp/empty.txt"
    head -c 4096 /dev/urandom >"$tmp/binary.txt"
    printf 'variables x\nx^2 - 1\n\0garbage\n' >"$tmp/nul.txt"
    sys=${LCN_SYSTEMS_DIR:-$(dirname "$0")/../systems}/cyclic5.txt
    bad empty.txt solve "$tmp/empty.txt"
    bad nul.txt solve "$tmp/nul.txt"
    bad "<stdin>" solve -
    bad --max-paths solve "$sys" --max-paths -1
    bad --expect solve "$sys" --expect abc
    bad --param solve "$sys" --param novalue
    bad FILE solve "$sys" "$sys"
    bad --threads solve "$sys" --threads -1
    bad binary.txt solve "$tmp/binary.txt"
    bad nosuchfile solve "$tmp/nosuchfile.txt"
    bad --json solve "$sys" --json "$tmp/no/such/dir/out.json"
    bad "$tmp" solve "$tmp"
    MAXLINES=20  # the usage text is the message here
    bad FILE solve
    MAXLINES=3
    # A file over the parser's 16 MiB limit (sparse: no disk space used).
    if dd if=/dev/zero of="$tmp/huge.txt" bs=1 count=0 seek=20M 2>/dev/null; then
        bad huge.txt solve "$tmp/huge.txt"
    fi
}

case $group in
all) numbers; sizes; weights; data; options; solve ;;
numbers | sizes | weights | data | options | solve) $group ;;
*) echo "unknown group $group"; exit 1 ;;
esac
echo "$ncase cases, $([ $fail = 0 ] && echo all passed || echo some failed)"
exit $fail
