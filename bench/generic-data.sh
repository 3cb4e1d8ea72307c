#!/usr/bin/env bash
# Recompute the generic solution sets shipped in data/generic (gcache.h):
# Segre (k1,k2), s = (2,1), seed 1, for 2 <= k1, k2 <= MAXK, each by a cold
# monodromy (no cache, no shipped set) written straight into data/generic.
#
#   bench/generic-data.sh [BUILD] [MAXK] [CASES...]     defaults: build 6
#   bench/generic-data.sh build 6 6,6                   one case
#
# Each line printed: the case, its count, the expected count and the time.
# A case whose monodromy does not reach C_k is not written (gcache stores
# complete sets only) and the script exits 1.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
MAXK=${2:-6}
shift $(( $# > 2 ? 2 : $# ))
OUT=data/generic
mkdir -p "$OUT"
cases=("$@")
if [ ${#cases[@]} -eq 0 ]; then
    for a in $(seq 2 "$MAXK"); do for b in $(seq 2 "$MAXK"); do cases+=("$a,$b"); done; done
fi
status=0
for k in "${cases[@]}"; do
    key=$(echo "$k" | tr , .)
    rm -f "$OUT"/segre-"$key"-s2.1-c0-seed1-*.txt
    t0=$(date +%s.%N)
    line=$(LCNCRIT_DATA= "$BUILD"/lcncrit segre --k "$k" --s 2,1 --target random --weights generic --seed 1 \
        --cache "$OUT" 2>/dev/null | grep '^critical points' || true)
    t1=$(date +%s.%N)
    printf '%-6s %s (%.1f s)\n' "$k" "${line:-no result}" "$(echo "$t1 - $t0" | bc)"
    ls "$OUT"/segre-"$key"-s2.1-c0-seed1-*.txt >/dev/null 2>&1 || status=1
done
exit $status
