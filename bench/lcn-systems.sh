#!/bin/sh
# Timing and new-data runs of the critical-point systems (issue 4); not a
# test. Usage: bench/lcn-systems.sh [BUILD_DIR] [MAX_K]   (defaults: build, 5)
#  1. Segre neurovariety, s = (2,1), generic weights: count against C_k
#     (Shahverdi Table 3), monodromy + parameter homotopy time, cold cache.
#  2. The same with identity weights: no formula is known (new data).
#  3. Root loci, every partition of n = 3, 4, 5: generic weights against
#     identity (KMMT22 Remark 6.10 says they agree; where a formula exists the
#     CLI's exit status 4 flags a mismatch).
B=${1:-build}
MAXK=${2:-5}
LCN=$B/lcncrit
CACHE=$(mktemp -d)
# Cold means cold: not the generic sets shipped in data/generic (gcache.h).
LCNCRIT_DATA=
export LCNCRIT_DATA
trap 'rm -rf "$CACHE"' EXIT
run() { # prints: found/expected, seconds, exit status
    start=$(date +%s.%N)
    out=$("$LCN" "$@" --cache "$CACHE" --quiet --json - 2>/dev/null)
    rc=$?
    end=$(date +%s.%N)
    printf '%s' "$out" | python3 -c '
import json, sys
d = json.load(sys.stdin)
c = d["components"][0]
e = c["expected"]["complex"] if c["expected"] else "?"
g = sum(x["solutions"] for x in c["generic"])
print("found %5d real %3d expected %6s generic %6d" % (c["found"]["complex"], c["found"]["real"], e, g), end="")'
    printf "  %6.1f s  exit %d\n" "$(awk "BEGIN { print $end - $start }")" "$rc"
}
echo "== Segre, s = (2,1), generic weights (cold cache: monodromy + parameter homotopy)"
k1=2
while [ $k1 -le "$MAXK" ]; do
    k2=$k1
    while [ $k2 -le "$MAXK" ]; do
        printf '(%d,%d) ' $k1 $k2
        run segre --k $k1,$k2 --s 2,1 --target random --weights generic
        k2=$((k2 + 1))
    done
    k1=$((k1 + 1))
done
echo "== Segre, s = (2,1), identity weights (warm cache: parameter homotopy only; new data)"
k1=2
while [ $k1 -le "$MAXK" ]; do
    k2=$k1
    while [ $k2 -le "$MAXK" ]; do
        printf '(%d,%d) ' $k1 $k2
        run segre --k $k1,$k2 --s 2,1 --target random --weights identity
        k2=$((k2 + 1))
    done
    k1=$((k1 + 1))
done
echo "== Root loci: generic against identity weights (random target)"
for p in 1,1,1 2,1 3 1,1,1,1 2,1,1 2,2 3,1 4 1,1,1,1,1 2,1,1,1 2,2,1 3,1,1 3,2 4,1 5; do
    printf 'Δ(%s) identity ' $p
    run locus --partition $p --target random --weights identity
    printf 'Δ(%s) generic  ' $p
    run locus --partition $p --target random --weights generic
done
