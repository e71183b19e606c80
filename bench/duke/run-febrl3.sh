#!/bin/sh
# Duke 1.2 on FEBRL3, as a peer of `satupintu dedupe` (docs/benchmarks.md, "Linkage quality").
# Usage, from the project root: bench/duke/run-febrl3.sh [path/to/dataset3.csv]
# Writes into a temporary working folder; prints Duke's time and pairwise precision/recall/F1
# computed here from Duke's link file against the rec-<N> ground truth (every unordered pair once).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${1:-/work/shared/data/linkage/febrl3/dataset3.csv}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -n "${KEEP:-}" ] && trap - EXIT && echo "work: $work"

"$here/../../mvnw" -q -B -ntp -f "$here/pom.xml" dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
# FEBRL separates fields with ", ": Duke's CSV reader wants plain commas
sed 's/, /,/g' "$data" > "$work/febrl3-clean.csv"
cp "$here/febrl3.xml" "$work/"

# true pairs: every two records with the same number in rec-<N>
awk -F, 'NR > 1 { split($1, p, "-"); ids[p[2]] = ids[p[2]] " " $1 }
         END { for (k in ids) { n = split(ids[k], r, " ");
               for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++)
                 print (r[i] < r[j] ? r[i] "," r[j] : r[j] "," r[i]) } }' "$work/febrl3-clean.csv" \
  | sort -u > "$work/truth.txt"

cd "$work"
start=$(date +%s.%N)
java -cp "$(cat cp.txt)" no.priv.garshol.duke.Duke --linkfile=links.txt febrl3.xml > duke.log 2>&1
end=$(date +%s.%N)

# link file lines: +,id1,id2,confidence
awk -F, '$1 == "+" { print ($2 < $3 ? $2 "," $3 : $3 "," $2) }' links.txt | sort -u > found.txt
found=$(wc -l < found.txt)
truth=$(wc -l < truth.txt)
correct=$(comm -12 found.txt truth.txt | wc -l)
awk -v f="$found" -v t="$truth" -v c="$correct" -v s="$start" -v e="$end" 'BEGIN {
  p = f ? c / f : 0; r = t ? c / t : 0; f1 = p + r ? 2 * p * r / (p + r) : 0;
  printf "Duke 1.2 on FEBRL3: %.1f s; %d pairs found, %d correct, %d true pairs\n", e - s, f, c, t;
  printf "precision %.4f, recall %.4f, F1 %.4f\n", p, r, f1 }'
