#!/usr/bin/env bash
# Issue 9: a province-scale refresh. Generates every kabupaten/kota of one province (full Dukcapil
# population each) into one inbox, then runs one monthly refresh over all of it and prints wall time
# per step, peak RSS, CPU time and the largest Java heap after a collection. Not part of `./mvnw verify`.
#
#   bench/province.sh [--province PP] [--period YYYY-MM] [--java-opts "-Xmx1g"] [--jar JAR] [--keep] [--work DIR]
#
# Default: Kalimantan Barat (61, 14 kabupaten/kota, 5.57 M residents), 2026-10, -Xmx1g.
# Needs: JDK 17+, /usr/bin/time (GNU), jq; about 3 GB of disk in the work folder.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PROVINCE=61
PERIOD=2026-10
JAVA_OPTS="-Xmx1g"
JAR=""
KEEP=0
WORK=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --province) PROVINCE="$2"; shift 2 ;;
        --period) PERIOD="$2"; shift 2 ;;
        --java-opts) JAVA_OPTS="$2"; shift 2 ;;
        --jar) JAR="$(realpath "$2")"; shift 2 ;;
        --keep) KEEP=1; shift ;;
        --work) WORK="$2"; shift 2 ;;
        -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done
for tool in /usr/bin/time jq java; do
    command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 2; }
done
WORK="${WORK:-$(mktemp -d /tmp/satupintu-province.XXXXXX)}"
mkdir -p "$WORK"
cleanup() { if [[ $KEEP -eq 0 ]]; then rm -rf "$WORK"; else echo "work folder kept: $WORK" >&2; fi; }
trap cleanup EXIT
log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }

if [[ -z "$JAR" ]]; then
    log "building SatuPintu (./mvnw -q package -DskipTests)"
    (cd "$ROOT" && ./mvnw -q -B -ntp package -DskipTests)
    JAR="$ROOT/jobs/target/satupintu.jar"
fi
POPULATION="$ROOT/schemas/src/main/resources/id/satupintu/schemas/reference/wilayah/penduduk_2024s2.csv"
mapfile -t KABUPATEN < <(grep -E "^${PROVINCE}\.[0-9]{2}," "$POPULATION" | cut -d, -f1)
[[ ${#KABUPATEN[@]} -gt 0 ]] || { echo "no kabupaten/kota of province $PROVINCE in $POPULATION" >&2; exit 2; }
RESIDENTS=$(grep -E "^${PROVINCE}\.[0-9]{2}," "$POPULATION" | awk -F, '{s += $5} END {print s}')

DATA="$WORK/data"
mkdir -p "$DATA/inbox/$PERIOD"
started=$(date +%s)
for kabupaten in "${KABUPATEN[@]}"; do
    log "generating $kabupaten"
    java -jar "$JAR" generate --kabupaten "$kabupaten" --period "$PERIOD" --out "$WORK/gen" >"$WORK/generate.log" 2>&1
    mv "$WORK/gen/inbox/$PERIOD/"* "$DATA/inbox/$PERIOD/"
    rm -rf "$WORK/gen"
done
GENERATED=$(( $(date +%s) - started ))

log "refresh $PERIOD over ${#KABUPATEN[@]} kabupaten/kota (java $JAVA_OPTS; load average $(cut -d' ' -f1 /proc/loadavg))"
# shellcheck disable=SC2086
/usr/bin/time -v java $JAVA_OPTS -Xlog:gc:file="$WORK/gc.log" -jar "$JAR" refresh --period "$PERIOD" --data-dir "$DATA" \
    >"$WORK/refresh.log" 2>"$WORK/refresh.time"
REPORT=$(ls "$DATA/reports/$PERIOD"/run-*.json | head -1)

echo "Province $PROVINCE: ${#KABUPATEN[@]} kabupaten/kota, $RESIDENTS residents, period $PERIOD; $(nproc) cores, java $JAVA_OPTS; $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "Generated in $GENERATED s; inbox $(du -sh "$DATA/inbox" | cut -f1), $(ls "$DATA/inbox/$PERIOD" | wc -l) files."
echo
echo "| measure | value |"
echo "|---|---:|"
echo "| rows read | $(jq '[.files[]?.rowsRead // 0] | add' "$REPORT") |"
echo "| wall | $(grep 'Elapsed' "$WORK/refresh.time" | awk '{print $NF}') |"
echo "| CPU user + system (s) | $(grep -E 'User time|System time' "$WORK/refresh.time" | awk '{s += $NF} END {print s}') |"
echo "| peak RSS (MiB) | $(( $(grep 'Maximum resident' "$WORK/refresh.time" | awk '{print $NF}') / 1024 )) |"
echo "| largest Java heap after a collection (MiB) | $(grep -o '[0-9]*M->[0-9]*M' "$WORK/gc.log" | sed 's/.*->//; s/M//' | sort -n | tail -1) |"
echo "| load average at the end | $(cut -d' ' -f1 /proc/loadavg) |"
jq -r '.steps[] | "| step \(.step) (s) | \(.durationMillis / 1000) |"' "$REPORT"
