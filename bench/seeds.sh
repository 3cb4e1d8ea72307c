#!/bin/sh
# No lost solutions (issue 6): the same cases over many seeds, each run cold
# (--cache none: monodromy, then the parameter homotopy, both from the
# seed), and a tally of the runs that did not reach their count.
#
# Usage: bench/seeds.sh [options]
#   --build DIR      build directory [build]
#   --seeds N        seeds 1..N [20]
#   --loci MAXN      root loci of every partition of n = 2..MAXN (some part
#                    >= 2), identity weights, random target; 0 skips [6]
#   --segre MAXK     Segre (k1,k2), 2 <= k1 <= k2 <= MAXK, s = (2,1),
#                    generic weights, random target; 0 skips [5]
#   --threads T      threads per run [all]
#   --log FILE       one line per run [seeds-runs.txt in the current directory];
#                    the stderr of a run that missed goes to FILE.errs/
#
# A run passes when its count equals the expected one (the CLI's formula)
# and no path is left failed. Where no formula is known (expected "?") a
# case passes when every seed finds the same count with no failed path.
# Exit status 1 when any run or case fails.
B=build
SEEDS=20
MAXN=6
MAXK=5
THREADS=
LOG=seeds-runs.txt
while [ $# -gt 0 ]; do
    case $1 in
    --build) B=$2; shift ;;
    --seeds) SEEDS=$2; shift ;;
    --loci) MAXN=$2; shift ;;
    --segre) MAXK=$2; shift ;;
    --threads) THREADS="--threads $2"; shift ;;
    --log) LOG=$2; shift ;;
    *) echo "seeds.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
LCN=$B/lcncrit
[ -x "$LCN" ] || { echo "seeds.sh: no $LCN (build first)" >&2; exit 2; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
: >"$LOG"

# Partitions of n with largest part at most m, comma separated, one a line.
parts() { # n m prefix
    if [ "$1" -eq 0 ]; then echo "${3%,}"; return; fi
    p=$(($2 < $1 ? $2 : $1))
    while [ "$p" -ge 1 ]; do
        (parts $(($1 - p)) $p "$3$p,") # a subshell: sh has no local p
        p=$((p - 1))
    done
}

# One run: appends "case seed found expected failed rc seconds" to the log.
run() { # case-label args...
    label=$1; shift
    s=1
    while [ $s -le "$SEEDS" ]; do
        start=$(date +%s.%N)
        # shellcheck disable=SC2086
        nice "$LCN" "$@" --seed $s --cache none --quiet $THREADS --json "$TMP/j.json" >/dev/null 2>"$TMP/err"
        rc=$?
        end=$(date +%s.%N)
        python3 - "$TMP/j.json" "$label" "$s" "$rc" "$(awk "BEGIN { print $end - $start }")" >>"$LOG" <<'EOF'
import json, sys
path, label, seed, rc, sec = sys.argv[1:]
try:
    d = json.load(open(path))
    found = sum(c["found"]["complex"] for c in d["components"])
    exp = [c["expected"]["complex"] if c["expected"] else None for c in d["components"]]
    exp = "?" if None in exp else str(sum(exp))
    failed = sum(c["paths"]["failed"] for c in d["components"])
except Exception:
    found, exp, failed = -1, "?", -1
print(label, seed, found, exp, failed, rc, sec)
EOF
        # Keep the log of a run that missed (bench stderr is --quiet: warnings only).
        if tail -n 1 "$LOG" | awk '{ exit !(($4 != "?" && $3 != $4) || $5 != 0 || ($6 != 0 && $6 != 4)) }'; then
            mkdir -p "$LOG.errs" && cp "$TMP/err" "$LOG.errs/$label-seed$s.txt"
        fi
        tail -n 1 "$LOG" | awk '{ printf "  %-14s seed %3s: found %6s expected %6s failed %3s exit %s %7.1f s\n", $1, $2, $3, $4, $5, $6, $7 }'
        s=$((s + 1))
    done
}

n=2
while [ $n -le "$MAXN" ]; do
    for p in $(parts $n $n ""); do
        case $p in 1*) continue ;; esac # (1,...,1): the whole space
        run "locus:$p" locus --partition "$p" --target random --weights identity
    done
    n=$((n + 1))
done
k1=2
while [ $k1 -le "$MAXK" ]; do
    k2=$k1
    while [ $k2 -le "$MAXK" ]; do
        run "segre:$k1,$k2" segre --k $k1,$k2 --s 2,1 --target random --weights generic
        k2=$((k2 + 1))
    done
    k1=$((k1 + 1))
done

echo "== per case (found/expected over the seeds)"
awk '
{ c = $1; runs[c]++; if (!(c in order)) { order[c] = ++nc; name[nc] = c }
  key = c SUBSEP $3; if (!(key in cnt)) vals[c] = vals[c] " " $3; cnt[key]++
  ex[c] = $4; sec[c] += $7
  bad = ($4 != "?" && $3 != $4) || $5 != 0 || ($6 != 0 && $6 != 4) || $3 < 0
  if (bad) fails[c]++ }
END {
  tot = 0; totbad = 0
  for (i = 1; i <= nc; i++) {
    c = name[i]; split(substr(vals[c], 2), v, " "); nv = 0; desc = ""
    for (j in v) { nv++; desc = desc " " v[j] "x" cnt[c SUBSEP v[j]] }
    f = fails[c] + 0
    if (ex[c] == "?" && nv > 1) f = runs[c]  # no formula: the seeds must agree
    status = f ? "FAIL" : "ok"
    printf "%-16s expected %6s found%s  %d/%d ok  %.0f s  %s\n", c, ex[c], desc, runs[c] - f, runs[c], sec[c], status
    tot += runs[c]; totbad += f
  }
  printf "== tally: %d runs, %d ok, %d not ok\n", tot, tot - totbad, totbad
  exit totbad > 0
}' "$LOG"
