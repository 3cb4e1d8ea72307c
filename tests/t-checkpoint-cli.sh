#!/bin/sh
# End-to-end tests of --checkpoint (issue 6). Usage: t-checkpoint-cli.sh TEST
# (LCNCRIT from the environment). Exit 0 pass, 1 fail.
#   kill      a Segre (3,6) run is killed with SIGTERM once it has saved, the
#             resumed run is killed with SIGKILL after a later periodic save,
#             a third run finishes: its solutions (every digit of the JSON)
#             and path counts equal those of an uninterrupted run; a fourth
#             run on the finished checkpoint re-uses every path.
#   census    the census (five root loci) stopped with SIGINT and resumed
#             gives the same JSON (but for the wall times).
#   refuse    another run's checkpoint, a damaged or unwritable one, a bad
#             interval: exit 2 with a message naming --checkpoint.
set -u
LCNCRIT=${LCNCRIT:?LCNCRIT must point at the lcncrit binary}
name=${1:?test name}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/t-checkpoint-cli.XXXXXX") || exit 1
pid=
trap '[ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL [$name]: $*" >&2; fail=1; }

# One thread: a run long enough (about 2.2 s at stop 12; Segre (3,5), used
# until then, took 0.9 s with the faster tracker and sometimes ended before
# the SIGKILL) to be killed twice midway.
SEGRE="segre --k 3,6 --s 2,1 --target random --weights generic --cache none --threads 1"
ck=$tmp/run.ckpt

# The JSON without the wall times (and the generic-set line that holds one).
solutions() { grep -v -e '"seconds"' -e '"generic"' "$1"; }

# wait_for COND SECONDS: poll COND (a shell command) every 0.1 s.
wait_for() {
    i=0
    while ! eval "$1"; do
        i=$((i + 1))
        [ "$i" -lt $(($2 * 10)) ] || return 1
        kill -0 "$pid" 2>/dev/null || return 1
        sleep 0.1
    done
}

sum() { cksum <"$ck" 2>/dev/null; }

case $name in
kill)
    "$LCNCRIT" $SEGRE --json "$tmp/ref.json" >/dev/null 2>"$tmp/ref.err"
    rc=$?
    [ "$rc" -eq 0 ] || bad "uninterrupted run: exit $rc: $(cat "$tmp/ref.err")"

    # 1. SIGTERM once a checkpoint exists (and a few batches later).
    "$LCNCRIT" $SEGRE --checkpoint "$ck" --checkpoint-interval 0 --json "$tmp/a.json" >/dev/null 2>"$tmp/a.err" &
    pid=$!
    wait_for 'grep -q "^monodromy" "$ck"' 60 || bad "no monodromy state saved by the first run"
    sleep 0.5
    kill -TERM "$pid"
    wait "$pid"
    rc=$?
    pid=
    [ "$rc" -eq 143 ] || bad "SIGTERM: exit $rc, want 143 (128 + SIGTERM): $(cat "$tmp/a.err")"
    grep -q "interrupted by SIGTERM; progress saved in $ck" "$tmp/a.err" || bad "SIGTERM message: $(cat "$tmp/a.err")"
    head -n 1 "$ck" | grep -q '^lcncrit-checkpoint 3$' || bad "not a checkpoint file after SIGTERM"
    [ -e "$tmp/a.json" ] || [ -e "$tmp/a.json.tmp" ] && bad "an interrupted run left a --json file"

    # 2. Resume, SIGKILL after the next periodic save: only that save survives.
    before=$(sum)
    "$LCNCRIT" $SEGRE --checkpoint "$ck" --checkpoint-interval 0 >/dev/null 2>"$tmp/b.err" &
    pid=$!
    wait_for '[ "$(sum)" != "$before" ]' 60 || bad "the resumed run saved nothing"
    sleep 0.5
    kill -KILL "$pid"
    wait "$pid"
    rc=$?
    pid=
    [ "$rc" -eq 137 ] || bad "SIGKILL: exit $rc, want 137 (the run must not have finished)"
    grep -q "resuming monodromy" "$tmp/b.err" || bad "second run did not resume: $(cat "$tmp/b.err")"

    # 3. Resume to the end: the same solution set as the uninterrupted run.
    "$LCNCRIT" $SEGRE --checkpoint "$ck" --json "$tmp/c.json" >/dev/null 2>"$tmp/c.err"
    rc=$?
    [ "$rc" -eq 0 ] || bad "final run: exit $rc: $(cat "$tmp/c.err")"
    grep -q "resuming from the checkpoint" "$tmp/c.err" || bad "final run did not resume: $(cat "$tmp/c.err")"
    solutions "$tmp/ref.json" >"$tmp/ref.sol"
    solutions "$tmp/c.json" >"$tmp/c.sol"
    grep -q '"w":' "$tmp/ref.sol" || bad "no solutions in the uninterrupted run's JSON"
    cmp -s "$tmp/ref.sol" "$tmp/c.sol" || bad "killed and resumed run differs from the uninterrupted one:
$(diff "$tmp/ref.sol" "$tmp/c.sol" | head -n 10)"

    # 4. The finished checkpoint: every path re-used, same output.
    "$LCNCRIT" $SEGRE --checkpoint "$ck" --json "$tmp/d.json" >/dev/null 2>"$tmp/d.err"
    rc=$?
    [ "$rc" -eq 0 ] || bad "rerun on the finished checkpoint: exit $rc"
    grep -q "219 of 219 paths done" "$tmp/d.err" || bad "rerun did not re-use the paths: $(cat "$tmp/d.err")"
    solutions "$tmp/d.json" >"$tmp/d.sol"
    cmp -s "$tmp/ref.sol" "$tmp/d.sol" || bad "rerun on the finished checkpoint differs"
    ;;
census)
    # SIGINT as soon as the first component's monodromy has saved; resume.
    C="census --k 3,2,2 --target 2,0,5,0,2 --cache none"
    "$LCNCRIT" $C --json "$tmp/ref.json" >/dev/null 2>"$tmp/ref.err"
    rc=$?
    [ "$rc" -eq 0 ] || bad "uninterrupted census: exit $rc"
    "$LCNCRIT" $C --checkpoint "$ck" --checkpoint-interval 0 --json "$tmp/a.json" >/dev/null 2>"$tmp/a.err" &
    pid=$!
    wait_for 'grep -q "^monodromy" "$ck"' 60 || bad "no monodromy state saved"
    kill -INT "$pid"
    wait "$pid"
    rc=$?
    pid=
    [ "$rc" -eq 130 ] || bad "SIGINT: exit $rc, want 130 (128 + SIGINT): $(cat "$tmp/a.err")"
    grep -q "interrupted by SIGINT; progress saved in $ck" "$tmp/a.err" || bad "SIGINT message: $(cat "$tmp/a.err")"
    [ -e "$tmp/a.json" ] && bad "an interrupted census left its --json file"
    "$LCNCRIT" $C --checkpoint "$ck" --json "$tmp/c.json" >/dev/null 2>"$tmp/c.err"
    rc=$?
    [ "$rc" -eq 0 ] || bad "resumed census: exit $rc: $(cat "$tmp/c.err")"
    grep -q "resuming monodromy" "$tmp/c.err" || bad "census did not resume: $(cat "$tmp/c.err")"
    sed 's/"seconds": [0-9.]*//' "$tmp/ref.json" >"$tmp/ref.sol"
    sed 's/"seconds": [0-9.]*//' "$tmp/c.json" >"$tmp/c.sol"
    grep -q '"w":' "$tmp/ref.sol" || bad "no solutions in the census JSON"
    cmp -s "$tmp/ref.sol" "$tmp/c.sol" || bad "interrupted and resumed census differs:
$(diff "$tmp/ref.sol" "$tmp/c.sol" | head -n 10)"
    ;;
refuse)
    # The same run with one option changed at a time (options may not repeat).
    base="segre --k 2,3 --s 2,1 --cache none"
    small="$base --target random --weights generic"
    "$LCNCRIT" $small --checkpoint "$ck" >/dev/null 2>"$tmp/err"
    rc=$?
    [ "$rc" -eq 0 ] || bad "small run: exit $rc: $(cat "$tmp/err")"
    for other in "--target random --weights generic --seed 2" "--target random --weights identity" \
                 "--target 1,2,3,4,5,6 --weights generic"; do
        "$LCNCRIT" $base $other --checkpoint "$ck" >"$tmp/out" 2>"$tmp/err"
        rc=$?
        [ "$rc" -eq 2 ] || bad "$other with another run's checkpoint: exit $rc, want 2"
        grep -q -- "--checkpoint $ck: it belongs to another run" "$tmp/err" || bad "$other: message: $(cat "$tmp/err")"
        [ -s "$tmp/out" ] && bad "$other: output on stdout"
    done
    "$LCNCRIT" locus --partition 2,1,1 --target 2,0,5,0,2 --cache none --checkpoint "$ck" >/dev/null 2>"$tmp/err"
    [ $? -eq 2 ] || bad "locus with a segre checkpoint: not refused"
    head -c 300 "$ck" >"$tmp/cut.ckpt"
    "$LCNCRIT" $small --checkpoint "$tmp/cut.ckpt" >/dev/null 2>"$tmp/err"
    rc=$?
    [ "$rc" -eq 2 ] || bad "truncated checkpoint: exit $rc, want 2"
    grep -q -- "--checkpoint" "$tmp/err" || bad "truncated checkpoint: message: $(cat "$tmp/err")"
    "$LCNCRIT" $small --checkpoint "$tmp/no/such/dir/ck" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    [ "$rc" -eq 2 ] || bad "unwritable checkpoint: exit $rc, want 2"
    grep -q -- "--checkpoint $tmp/no/such/dir/ck: cannot write" "$tmp/err" || bad "unwritable: message: $(cat "$tmp/err")"
    grep -q "generic solutions" "$tmp/err" && bad "unwritable checkpoint found only after the solve started"
    for v in -1 abc nan; do
        "$LCNCRIT" $small --checkpoint "$ck" --checkpoint-interval "$v" >/dev/null 2>"$tmp/err"
        [ $? -eq 2 ] && grep -q -- "--checkpoint-interval" "$tmp/err" || bad "--checkpoint-interval $v accepted"
    done
    # A state for another seed pair / other start points (same fingerprint,
    # e.g. another build of the same version) is dropped, not continued.
    "$LCNCRIT" $small --json "$tmp/small.json" >/dev/null 2>&1
    sed 's/^\(paths [0-9]* [0-9]* [0-9]*\) [0-9a-f]*$/\1 123/; s/^p0 [^ ]*/p0 0x1.8p+0/' "$ck" >"$tmp/stale.ckpt"
    "$LCNCRIT" $small --checkpoint "$tmp/stale.ckpt" --json "$tmp/stale.json" >/dev/null 2>"$tmp/err"
    rc=$?
    [ "$rc" -eq 0 ] || bad "stale checkpoint: exit $rc: $(cat "$tmp/err")"
    grep -q "for another seed pair; starting it afresh" "$tmp/err" || bad "stale monodromy state used: $(cat "$tmp/err")"
    grep -q "started from other points; tracking them afresh" "$tmp/err" || bad "stale paths used: $(cat "$tmp/err")"
    solutions "$tmp/small.json" >"$tmp/small.sol"
    solutions "$tmp/stale.json" >"$tmp/stale.sol"
    cmp -s "$tmp/small.sol" "$tmp/stale.sol" || bad "run from a stale checkpoint differs from a plain run"
    # Threads are not part of a run's identity: the same checkpoint is taken.
    "$LCNCRIT" $small --threads 1 --checkpoint "$ck" >/dev/null 2>"$tmp/err"
    [ $? -eq 0 ] && grep -q "10 of 10 paths done" "$tmp/err" || bad "--threads 1 did not re-use the checkpoint"
    ;;
*)
    echo "unknown test $name" >&2
    exit 1
    ;;
esac
exit $fail
