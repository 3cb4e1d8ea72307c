#!/bin/sh
# End-to-end tests of `lcncrit solve`: known solution counts and solutions
# from closed forms (see each system's header in systems/), the JSON output
# (parsed by python3, counts must add up), and exit codes / messages for bad
# input. Usage: t-cli-solve.sh TEST (LCNCRIT and LCN_SYSTEMS_DIR from the
# environment, as set by tests/meson.build). Exit 0 pass, 1 fail, 77 skip.
set -u
LCNCRIT=${LCNCRIT:?LCNCRIT must point at the lcncrit binary}
SYS=${LCN_SYSTEMS_DIR:-systems}
name=${1:?test name}
command -v python3 >/dev/null 2>&1 || { echo "python3 not found: skip"; exit 77; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/t-cli-solve.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
fail=0

bad() { echo "FAIL [$name]: $*" >&2; fail=1; }

# solve FILE ARGS...: run with --json, keep stdout/stderr, record the status.
solve() {
    f=$1
    shift
    "$LCNCRIT" solve "$f" --json "$tmp/out.json" "$@" >"$tmp/stdout" 2>"$tmp/stderr"
    rc=$?
}

# check PYTHON-EXPRESSIONS: run Python with `d` the parsed JSON; the snippet
# must print nothing and exit 0. Generic checks first: the status counts add
# up to the paths tracked and to the total degree, and the summary matches the
# solution lists.
check() {
    python3 - "$tmp/out.json" "$1" <<'EOF' || fail=1
import json, sys, cmath, math
d = json.load(open(sys.argv[1]))
p = d["paths"]
errs = []
if sum(p["by_status"].values()) != p["tracked"]:
    errs.append("statuses add up to %d, not %d" % (sum(p["by_status"].values()), p["tracked"]))
if p["tracked"] != d["system"]["total_degree"]:
    errs.append("tracked %d paths, total degree %d" % (p["tracked"], d["system"]["total_degree"]))
if p["finite"] + p["singular"] + p["at_infinity"] + p["failed"] != p["tracked"]:
    errs.append("finite + singular + at_infinity + failed != tracked")
if d["found"]["complex"] != len(d["solutions"]):
    errs.append("found.complex != number of solutions")
if d["found"]["real"] != sum(1 for s in d["solutions"] if s["real"]):
    errs.append("found.real != number of real solutions")
if d["found"]["singular"] != len(d["singular_solutions"]):
    errs.append("found.singular != number of singular solutions")
if sum(s["multiplicity"] for s in d["solutions"]) != p["finite"]:
    errs.append("multiplicities of the solutions do not add up to the successful paths")
if sum(s["multiplicity"] for s in d["singular_solutions"]) != p["singular"]:
    errs.append("multiplicities of the singular points do not add up to the singular paths")
sols = [[complex(re, im) for re, im in s["x"]] for s in d["solutions"]]
sing = [[complex(re, im) for re, im in s["x"]] for s in d["singular_solutions"]]
def near(x, y, tol):
    return len(x) == len(y) and max(abs(a - b) for a, b in zip(x, y)) <= tol
def has(sol_list, y, tol=1e-8):
    return any(near(x, y, tol) for x in sol_list)
exec(sys.argv[2])
for e in errs:
    print("  " + e)
sys.exit(1 if errs else 0)
EOF
}

expect_rc() {
    [ "$rc" -eq "$1" ] || { bad "exit status $rc, expected $1"; sed 's/^/  stderr: /' "$tmp/stderr" >&2; }
}

case "$name" in
cyclic5)
    # 70 isolated solutions (Björck-Fröberg); 50 of the 120 paths diverge.
    solve "$SYS/cyclic5.txt" --expect 70
    expect_rc 0
    check '
if d["found"]["complex"] != 70: errs.append("found %d solutions, expected 70" % d["found"]["complex"])
w = cmath.exp(2j * math.pi / 5)
if not has(sols, [w**k for k in range(5)]): errs.append("(1, w, ..., w^4) not found")
if any(s["residual"] > 1e-8 for s in d["solutions"]): errs.append("a residual above 1e-8")
' ;;
katsura5)
    solve "$SYS/katsura5.txt" --expect 32
    expect_rc 0
    check '
if d["found"]["complex"] != 32: errs.append("found %d solutions, expected 32" % d["found"]["complex"])
if not has(sols, [1, 0, 0, 0, 0, 0]): errs.append("(1, 0, ..., 0) not found")
' ;;
dense222)
    solve "$SYS/dense222.txt" --expect 8
    expect_rc 0
    check '
if d["found"]["complex"] != 8: errs.append("found %d solutions, expected 8 (Bezout)" % d["found"]["complex"])
if d["paths"]["finite"] != 8: errs.append("not every path succeeded")
# complex solutions of a real system come in conjugate pairs
for x in sols:
    if not has(sols, [z.conjugate() for z in x], 1e-7): errs.append("conjugate of %s missing" % x)
' ;;
wilkinson20)
    # Roots 1..20 to 1e-10 although the coefficients exceed 2^53.
    solve "$SYS/wilkinson20.txt" --expect 20
    expect_rc 0
    check '
if d["found"]["complex"] != 20 or d["found"]["real"] != 20: errs.append("found %d solutions, %d real; expected 20 real" % (d["found"]["complex"], d["found"]["real"]))
roots = sorted(x[0].real for x in sols)
if len(roots) == 20:
    worst = max(abs(r - (k + 1)) for k, r in enumerate(roots))
    if worst > 1e-10: errs.append("roots differ from 1..20 by up to %g" % worst)
if any(abs(x[0].imag) > 0 for x in sols): errs.append("a real root has an imaginary part")
' ;;
double_root)
    # Both paths reach (1, 0), a singular point of multiplicity 2.
    solve "$SYS/double_root.txt"
    expect_rc 0
    check '
if d["paths"]["singular"] != 2: errs.append("%d singular paths, expected 2" % d["paths"]["singular"])
if d["found"]["complex"] != 0: errs.append("a nonsingular solution was reported")
if len(d["singular_solutions"]) != 1: errs.append("%d singular points, expected 1" % len(d["singular_solutions"]))
elif d["singular_solutions"][0]["multiplicity"] != 2: errs.append("multiplicity %d, expected 2" % d["singular_solutions"][0]["multiplicity"])
if not has(sing, [1, 0], 1e-6): errs.append("(1, 0) not among the singular points")
' ;;
infinity)
    solve "$SYS/infinity.txt" --expect 1
    expect_rc 0
    check '
if d["paths"]["at_infinity"] != 1: errs.append("%d paths at infinity, expected 1" % d["paths"]["at_infinity"])
if d["paths"]["failed"] != 0: errs.append("a path failed")
if d["found"]["complex"] != 1 or not has(sols, [1.25, -0.75]): errs.append("(5/4, -3/4) not the only solution")
' ;;
params)
    # From the file (a = 5, b = 2), then overridden on the command line.
    solve "$SYS/params.txt" --expect 2
    expect_rc 0
    check 'if not (has(sols, [2, 1]) and has(sols, [-2, -1])): errs.append("(2, 1), (-2, -1) not found")'
    solve "$SYS/params.txt" --param a=10 --param b=3 --expect 2
    expect_rc 0
    check 'if not (has(sols, [3, 1]) and has(sols, [-3, -1])): errs.append("with a=10, b=3: (3, 1), (-3, -1) not found")'
    solve "$SYS/params.txt" --param "a=2*I" --param "b=1/2 - 0.5*I"
    expect_rc 0
    # y^2 (1 + b^2) = a, x = b y
    check '
b = 0.5 - 0.5j; y = cmath.sqrt(2j / (1 + b * b))
if not (has(sols, [b * y, y]) and has(sols, [-b * y, -y])): errs.append("complex parameters: wrong solutions")
if d["system"]["parameters"][0]["value"] != [0, 2]: errs.append("parameter a reported as %s" % d["system"]["parameters"][0]["value"])
' ;;
complex)
    solve "$SYS/complex.txt" --expect 2
    expect_rc 0
    check '
if not (has(sols, [1 + 1j, -1 + 1j]) and has(sols, [-1 - 1j, -1 - 1j])): errs.append("solutions wrong")
if d["found"]["real"] != 0: errs.append("a solution classified real")
' ;;
threads)
    # The same seed gives the same solutions with 1 and 2 threads.
    solve "$SYS/katsura5.txt" --threads 1 --seed 7
    expect_rc 0
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(json.dumps([d["solutions"], d["paths"]]))' "$tmp/out.json" >"$tmp/a"
    solve "$SYS/katsura5.txt" --threads 2 --seed 7
    expect_rc 0
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(json.dumps([d["solutions"], d["paths"]]))' "$tmp/out.json" >"$tmp/b"
    cmp -s "$tmp/a" "$tmp/b" || bad "1 and 2 threads give different results"
    ;;
json_stdout)
    # --json -: stdout is exactly one JSON document; the summary goes to stderr.
    "$LCNCRIT" solve "$SYS/complex.txt" --json - >"$tmp/out.json" 2>"$tmp/stderr"
    rc=$?
    expect_rc 0
    check 'if d["tool"] != "lcncrit" or d["command"] != "solve" or not isinstance(d["seed"], int): errs.append("header fields")'
    grep -q "seed 1" "$tmp/stderr" || bad "summary with the seed not on stderr"
    # the human summary: version, seed and a status table that adds up
    "$LCNCRIT" solve "$SYS/infinity.txt" >"$tmp/stdout" 2>"$tmp/stderr"
    rc=$?
    expect_rc 0
    grep -q "^lcncrit [0-9.]* solve .*(seed 1" "$tmp/stdout" || bad "no version/seed line"
    grep -q "^  total  *2$" "$tmp/stdout" || bad "no status total"
    grep -q "^  at_infinity  *1$" "$tmp/stdout" || bad "at_infinity not reported"
    ;;
errors)
    # Each malformed input: exit 2 and a message naming FILE:LINE:COL.
    errcase() { # CONTENT EXPECTED-STDERR-SUBSTRING [ARGS...]
        printf '%b' "$1" >"$tmp/in.txt"
        want=$2
        shift 2
        "$LCNCRIT" solve "$tmp/in.txt" "$@" >"$tmp/stdout" 2>"$tmp/stderr"
        rc=$?
        [ "$rc" -eq 2 ] || bad "input '$(head -c 60 "$tmp/in.txt")': exit $rc, expected 2"
        grep -qF -- "$want" "$tmp/stderr" || bad "expected message '$want', got '$(cat "$tmp/stderr")'"
    }
    errcase 'variables x, y;\n\nx^2 + (y;\nx - 1;' "lcncrit solve: $tmp/in.txt:3:9: expected ')' but found ';'"
    errcase 'variables x;\n3x - 1;' "in.txt:2:2: implicit multiplication"
    errcase 'variables x, y;\nx + y;' "in.txt: 1 equation in 2 variables: the system must be square"
    errcase 'variables x, y;\nx + y;\n7 + 0*x;' "in.txt:3: equation 2 does not involve any variable"
    errcase '' "the system has no equations"
    errcase 'variables x, y;\nx - 1;\nx + 1;' "in.txt: variable 'y' does not appear in any equation"
    errcase '\001\002\003binary' "in.txt:1:1: unexpected control character 0x01"
    errcase 'variables x;\nx + z;' "in.txt:2:5: unknown name 'z'"
    errcase 'variables i;\ni;' "in.txt:1:11: 'i' is the imaginary unit"
    errcase 'variables x; parameters a;\na*x - 1;' "parameter 'a' has no value"
    errcase 'variables x; parameters a = 1;\na*x - 1;' "--param: the system has no parameter 'b'" --param b=2
    errcase 'variables x; parameters a = 1;\na*x - 1;' "--param a: column 4 of '1 +': expected a number" --param "a=1 +"
    errcase 'variables x;\nx - 1;' "unknown option '--bogus'" --bogus
    errcase 'variables x;\nx - 1;' "--threads" --threads many
    errcase 'variables x, y, z, u, v;\nx^1000; y^1000; z^1000; u^1000; v^1000;' "total degree 1e+15 exceeds --max-paths"
    # a missing file and a directory
    "$LCNCRIT" solve "$tmp/does-not-exist.txt" >/dev/null 2>"$tmp/stderr"
    rc=$?
    expect_rc 2
    grep -q "does-not-exist.txt: cannot open" "$tmp/stderr" || bad "missing file message: $(cat "$tmp/stderr")"
    "$LCNCRIT" solve "$tmp" >/dev/null 2>"$tmp/stderr"
    rc=$?
    expect_rc 2
    # a file over the 16 MiB limit is refused (sparse: no disk is used)
    dd if=/dev/zero of="$tmp/big.txt" bs=1 count=0 seek=17M 2>/dev/null
    "$LCNCRIT" solve "$tmp/big.txt" >/dev/null 2>"$tmp/stderr"
    rc=$?
    expect_rc 2
    grep -q "larger than the limit" "$tmp/stderr" || bad "big file message: $(cat "$tmp/stderr")"
    # --expect mismatch: exit 4, results still written
    printf 'variables x;\nx^2 - 4;\n' >"$tmp/in.txt"
    solve "$tmp/in.txt" --expect 3
    expect_rc 4
    check 'if not (has(sols, [2]) and has(sols, [-2])): errs.append("x = +-2 not found")'
    # standard input
    printf 'variables x;\nx - 1/3;\n' | "$LCNCRIT" solve - --json "$tmp/out.json" >/dev/null 2>&1
    rc=$?
    expect_rc 0
    check 'if not has(sols, [1/3.0], 1e-14): errs.append("x = 1/3 not found from stdin")'
    ;;
*)
    echo "unknown test $name" >&2
    exit 2
    ;;
esac
exit $fail
