#!/bin/sh
# End-to-end tests of `lcncrit census`: the default run (KMMT22 §7.3), the
# SPEC.md JSON shape (parsed by python3, totals must add up), --data from
# CSV files, --verify-params (KMMT22 Ex. 5.10), and exit codes / messages for
# bad input. Usage: t-census-cli.sh TEST (LCNCRIT from the environment).
# Exit 0 pass, 1 fail, 77 skip.
set -u
LCNCRIT=${LCNCRIT:?LCNCRIT must point at the lcncrit binary}
name=${1:?test name}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/t-census-cli.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
fail=0
bad() { echo "FAIL [$name]: $*" >&2; fail=1; }

run() {
    "$LCNCRIT" census --cache none "$@" >"$tmp/stdout" 2>"$tmp/stderr"
    rc=$?
}

# expect_bad WORD ARGS...: exit 2 and WORD (the argument) in the message.
expect_bad() {
    word=$1
    shift
    run "$@"
    [ "$rc" -eq 2 ] || bad "census $*: exit $rc, want 2"
    grep -q -- "$word" "$tmp/stderr" || bad "census $*: message does not name '$word': $(cat "$tmp/stderr")"
}

# check PYTHON: d is the parsed JSON; print problems, if any.
check() {
    command -v python3 >/dev/null 2>&1 || { echo "python3 not found: JSON checks skipped"; return 0; }
    out=$(python3 - "$tmp/out.json" "$1" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
errs = []
t = d["totals"]
comps = d["components"]
if t["complex"] != sum(c["found"]["complex"] for c in comps): errs.append("totals.complex")
if t["real"] != sum(c["found"]["real"] for c in comps): errs.append("totals.real")
if t["compatible_real"] != sum(1 for c in comps for s in c["solutions"] if s["real"] and s["compatible"]): errs.append("totals.compatible_real")
if t["network_critical_points"] != sum(len(s["filters"]) for c in comps for s in c["solutions"]): errs.append("totals.network_critical_points")
for c in comps:
    if len(c["solutions"]) != c["found"]["complex"]: errs.append("solutions vs found")
    p = c["paths"]
    if p["finite"] + p["at_infinity"] + p["singular"] + p["failed"] != p["tracked"]: errs.append("paths do not add up")
    for s in c["solutions"]:
        if len(s["w"]) != d["architecture"]["end_to_end_k"] or any(len(x) != 2 for x in s["w"]): errs.append("w shape")
        if len(s["filters"]) != len(s["types"]): errs.append("filters vs types")
        if s["real"] and s["rrmp"] is None: errs.append("real point without rrmp")
exec(sys.argv[2])
for e in errs: print(e)
EOF
)
    [ -z "$out" ] || bad "JSON: $out"
}

case $name in
default)
    # No arguments: KMMT22 §7.3 on (3,2,2), must exit 0 (./run.sh demo).
    run
    [ "$rc" -eq 0 ] || bad "default census exit $rc"
    grep -q "every known expected count met" "$tmp/stdout" || bad "no success line"
    grep -q "upper bound.*: 36" "$tmp/stdout" || bad "KMMT22 upper bound 36 not printed"
    grep -q "summary: 46 complex, 18 real" "$tmp/stdout" || bad "summary: $(grep summary "$tmp/stdout")"
    ;;
json)
    run --k 4,2 --target 2,0,5,0,2 --json "$tmp/out.json"
    [ "$rc" -eq 0 ] || bad "exit $rc"
    check '
want = {(1,1,1,1): (1,1), (2,1,1): (10,4), (3,1): (12,4), (2,2): (13,5), (4,): (10,4)}
got = {tuple(c["partition"]): (c["found"]["complex"], c["found"]["real"]) for c in comps}
if got != want: errs.append("per-locus counts %r" % got)
if t["upper_bound"] != 11: errs.append("upper bound %r" % t["upper_bound"])
reach = sorted(s["rrmp"] for c in comps for s in c["solutions"] if s["compatible"])
if any(r not in ("1111|0", "112|0", "11|1", "2|1") for r in reach): errs.append("reachable patterns %r" % reach)
def find(w):
    for c in comps:
        for s in c["solutions"]:
            if max(abs(a[0] - b) + abs(a[1]) for a, b in zip(s["w"], w)) < 1e-9: return s
p = find([2, 0, 5, 0, 0])
if p is None or len(p["filters"]) != 1: errs.append("(2,0,5,0,0) filters")
else:
    f1, f2 = p["filters"][0]
    sc = f1[0] / 2
    if max(abs(x - sc * y) for x, y in zip(f1, [2, 0, 5, 0])) > 1e-9 or abs(f2[1]) > 1e-9: errs.append("filters %r" % p["filters"])
    if p["types"][0]["type"] != "minimum": errs.append("type %r" % p["types"][0])
'
    ;;
json_stdout)
    "$LCNCRIT" census --cache none --k 3,3 --s 2,1 --target random --weights generic --json - >"$tmp/out.json" 2>"$tmp/stderr"
    rc=$?
    [ "$rc" -eq 0 ] || bad "exit $rc"
    check '
if len(comps) != 1 or comps[0]["kind"] != "segre": errs.append("one segre component")
if t["complex"] != 39: errs.append("complex %d, want 39 (Shahverdi Table 3)" % t["complex"])
for s in comps[0]["solutions"]:
    if s["real"] and len(s["filters"]) != 1: errs.append("real point without its layer filters")
'
    ;;
data)
    # Random data for (2,2): X is 3 x 12, Y is 1 x 12.
    awk 'BEGIN { srand(7); for (i = 0; i < 3; i++) { for (j = 0; j < 12; j++) printf "%s%.6f", (j ? "," : ""), rand() - 0.5; print "" } }' >"$tmp/X.csv"
    awk 'BEGIN { srand(8); for (j = 0; j < 12; j++) printf "%s%.6f", (j ? "," : ""), rand() - 0.5; print "" }' >"$tmp/Y.csv"
    run --k 2,2 --data "$tmp/X.csv" "$tmp/Y.csv" --json "$tmp/out.json"
    [ "$rc" -eq 0 ] || bad "exit $rc: $(cat "$tmp/stderr")"
    check '
if d["weights"] != "data": errs.append("weights")
if [c["found"]["complex"] for c in comps] != [1, 4]: errs.append("counts %r (Δ(1,1): 1, discriminant: 4)" % [c["found"]["complex"] for c in comps])
'
    # Shape and content errors name the file, line and column.
    expect_bad "X.csv" --k 3,2 --data "$tmp/X.csv" "$tmp/Y.csv"
    printf '1,2,3\n4,nan,6\n' >"$tmp/N.csv"
    expect_bad "N.csv:2:2" --k 2,2 --data "$tmp/N.csv" "$tmp/Y.csv"
    awk 'BEGIN { for (i = 0; i < 3; i++) print "1,2,3,4,5,6,7,8,9,10,11,12" }' >"$tmp/S.csv"
    expect_bad "singular" --k 2,2 --data "$tmp/S.csv" "$tmp/Y.csv"
    expect_bad "cannot open" --k 2,2 --data "$tmp/none.csv" "$tmp/Y.csv"
    ;;
params)
    run --k 2,3 --target 1,1,0.1,0.1 --verify-params
    [ "$rc" -eq 0 ] || bad "exit $rc"
    grep -q "parameter space (P): 10 nonzero complex critical points; predicted .* = 10: ok" "$tmp/stdout" ||
        bad "Ex. 5.10 comparison: $(grep 'parameter space' "$tmp/stdout")"
    ;;
errors)
    expect_bad "--k" --k 0,2 --target 1,2
    expect_bad "--target" --k 3,2,2 --target 1,2,3
    expect_bad "--target" --k 3,2,2 --target 1,2,x,4,5
    expect_bad "--weights" --k 3,2,2 --target 1,2,3,4,5 --weights /nonexistent/file
    expect_bad "--data" --k 3,2,2 --target 1,2,3,4,5 --data a b
    expect_bad "--s" --k 3,2,2 --s 1,1 --target 1,2,3,4,5
    expect_bad "unknown option" --k 3,2,2 --frobnicate
    expect_bad "--k" --k 1,1 --target 3
    # Not covered: say so and exit 4.
    run --k 1,3 --s 2,1 --target 1,0,1,0,1
    [ "$rc" -eq 4 ] || bad "not-covered architecture: exit $rc, want 4"
    grep -q "NOT COVERED" "$tmp/stdout" || bad "not-covered not said"
    ;;
*)
    echo "unknown test $name" >&2
    exit 2
    ;;
esac
exit $fail
