#!/usr/bin/env bash
# Issue 9: a province-scale refresh. Generates every kabupaten/kota of one province (full Dukcapil
# population each) into one inbox, then runs one monthly refresh over all of it and prints wall time
# per step, peak RSS, CPU time and the largest Java heap after a collection. Not part of `./mvnw verify`.
#
#   bench/province.sh [--province PP] [--scale F] [--parallel N] [--period YYYY-MM] [--java-opts "-Xmx1g"]
#                     [--jar JAR] [--keep] [--work DIR] [--reuse-inbox]
#
# Default: Kalimantan Barat (61, 14 kabupaten/kota, 5.57 M residents), 2026-10, -Xmx1g.
# Each kabupaten/kota is generated at its Dukcapil population times --scale. A province whose
# kabupaten/kota are not in the bundled population table (only its total is) gets its total spread
# over its kabupaten/kota in proportion to their number of desa/kelurahan: the 50 M-row run is
#   bench/province.sh --province 32 --scale 0.8 --parallel 2     (Jawa Barat, 41 M residents)
# --parallel runs that many generators at once (each holds its kabupaten's residents in memory).
# --reuse-inbox (with --work of an earlier --keep run) skips generating and refreshes that inbox
# again in an emptied data directory.
# Needs: JDK 17+, /usr/bin/time (GNU), jq; about 3 GB of disk in the work folder per 7 M rows.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PROVINCE=61
PERIOD=2026-10
SCALE=1
PARALLEL=1
JAVA_OPTS="-Xmx1g"
JAR=""
KEEP=0
WORK=""
REUSE=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --province) PROVINCE="$2"; shift 2 ;;
        --period) PERIOD="$2"; shift 2 ;;
        --scale) SCALE="$2"; shift 2 ;;
        --parallel) PARALLEL="$2"; shift 2 ;;
        --java-opts) JAVA_OPTS="$2"; shift 2 ;;
        --jar) JAR="$(realpath "$2")"; shift 2 ;;
        --keep) KEEP=1; shift ;;
        --reuse-inbox) REUSE=1; shift ;;
        --work) WORK="$2"; shift 2 ;;
        -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
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
REFERENCE="$ROOT/schemas/src/main/resources/id/satupintu/schemas/reference/wilayah"
POPULATION="$REFERENCE/penduduk_2024s2.csv"
# One line per kabupaten/kota: code and residents to generate. The table's kabupaten/kota lines are
# used when they add up to the province's total (Kalimantan Barat), not when only a seed region is there.
TOTAL=$(grep -E "^${PROVINCE}," "$POPULATION" | cut -d, -f5)
[[ -n "$TOTAL" ]] || { echo "province $PROVINCE is not in $POPULATION" >&2; exit 2; }
LISTED=$(grep -E "^${PROVINCE}\.[0-9]{2}," "$POPULATION" | awk -F, '{s += $5} END {print s + 0}')
if (( LISTED * 100 >= TOTAL * 99 )); then
    PLAN=$(grep -E "^${PROVINCE}\.[0-9]{2}," "$POPULATION" | awk -F, -v s="$SCALE" '{printf "%s %d\n", $1, $5 * s}')
    SPREAD="Dukcapil population of each kabupaten/kota"
else
    PLAN=$(awk -F, -v p="$PROVINCE" -v total="$TOTAL" -v s="$SCALE" '
        ($3 == "desa" || $3 == "kelurahan") && substr($1, 1, 2) == p { n[substr($1, 1, 5)]++; all++ }
        END { for (k in n) printf "%s %d\n", k, total * s * n[k] / all }' "$REFERENCE/wilayah_nasional.csv" | sort)
    SPREAD="province total spread over its kabupaten/kota by number of desa/kelurahan"
fi
[[ -n "$PLAN" ]] || { echo "no kabupaten/kota of province $PROVINCE" >&2; exit 2; }
KABUPATEN_COUNT=$(wc -l <<<"$PLAN")
RESIDENTS=$(awk '{s += $2} END {print s}' <<<"$PLAN")

DATA="$WORK/data"
if [[ $REUSE -eq 1 ]]; then
    [[ -n "$(ls -A "$DATA/inbox/$PERIOD" 2>/dev/null)" ]] || { echo "no inbox to reuse in $DATA/inbox/$PERIOD" >&2; exit 2; }
    find "$DATA" -mindepth 1 -maxdepth 1 ! -name inbox -exec rm -rf {} +
    log "reusing the inbox of $KABUPATEN_COUNT kabupaten/kota, $RESIDENTS residents, in $DATA/inbox/$PERIOD"
    GENERATED=0
else
    mkdir -p "$DATA/inbox/$PERIOD"
    log "generating $KABUPATEN_COUNT kabupaten/kota, $RESIDENTS residents ($SPREAD, scale $SCALE), $PARALLEL at a time"
    started=$(date +%s)
    generate_one() {
        local kabupaten="$1" persons="$2" out="$WORK/gen-$1"
        java -jar "$JAR" generate --kabupaten "$kabupaten" --persons "$persons" --period "$PERIOD" --out "$out" \
            >"$WORK/generate-$kabupaten.log" 2>&1 || { echo "generating $kabupaten failed: $WORK/generate-$kabupaten.log" >&2; return 1; }
        mv "$out/inbox/$PERIOD/"* "$DATA/inbox/$PERIOD/"
        rm -rf "$out"
    }
    export -f generate_one
    export JAR PERIOD WORK DATA
    # Largest first, so the parallel generators finish together.
    sort -k2,2nr <<<"$PLAN" | xargs -P "$PARALLEL" -L 1 bash -c 'generate_one "$0" "$1"'
    GENERATED=$(( $(date +%s) - started ))
fi

log "refresh $PERIOD over $KABUPATEN_COUNT kabupaten/kota (java $JAVA_OPTS; load average $(cut -d' ' -f1 /proc/loadavg))"
# shellcheck disable=SC2086
/usr/bin/time -v java $JAVA_OPTS -Xlog:gc:file="$WORK/gc.log" -jar "$JAR" refresh --period "$PERIOD" --data-dir "$DATA" \
    >"$WORK/refresh.log" 2>"$WORK/refresh.time"
REPORT=$(ls "$DATA/reports/$PERIOD"/run-*.json | head -1)

echo "Province $PROVINCE: $KABUPATEN_COUNT kabupaten/kota, $RESIDENTS residents ($SPREAD, scale $SCALE), period $PERIOD; $(nproc) cores, java $JAVA_OPTS; $(date -u '+%Y-%m-%d %H:%M UTC')"
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
