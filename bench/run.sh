#!/usr/bin/env bash
# Issue 9: SatuPintu's monthly refresh side by side with the DuckDB floor and the Spark peer, on the
# same generated rosters. Prints a Markdown table. Not part of `./mvnw verify`.
#
#   bench/run.sh [--scale F] [--kabupaten PP.KK] [--jar SATUPINTU_JAR] [--java-opts OPTS] [--cds] [--no-spark] [--keep] [--work DIR]
#
# --jar     measure a SatuPintu jar built elsewhere instead of building this tree
# --java-opts  JVM options of the SatuPintu refresh (default -Xmx1g, as docs/operations.md advises;
#             without a limit the heap grows to a quarter of RAM: about 1 GiB more peak RSS, same result)
# --cds     run the refresh as docs/operations.md deploys it for a quick start: the jar extracted
#           (`-Djarmode=tools extract`) with a class-data-sharing archive made by a refresh of a tiny
#           generated month (not timed)
# --no-spark  skip the Spark peer (it takes minutes)
# --keep    keep the work folder (generated rosters, lakes, logs); default: deleted at the end
# Needs: JDK 17+, /usr/bin/time (GNU), jq. Everything else is built or fetched by Maven.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KABUPATEN=32.09
PERIOD=2026-10
SCALE=""
JAR=""
SPARK=1
KEEP=0
WORK=""
SATUPINTU_JAVA_OPTS="-Xmx1g"
CDS=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --scale) SCALE="$2"; shift 2 ;;
        --kabupaten) KABUPATEN="$2"; shift 2 ;;
        --jar) JAR="$(realpath "$2")"; shift 2 ;;
        --no-spark) SPARK=0; shift ;;
        --cds) CDS=1; shift ;;
        --java-opts) SATUPINTU_JAVA_OPTS="$2"; shift 2 ;;
        --keep) KEEP=1; shift ;;
        --work) WORK="$2"; shift 2 ;;
        -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done
for tool in /usr/bin/time jq java; do
    command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 2; }
done

WORK="${WORK:-$(mktemp -d /tmp/satupintu-bench.XXXXXX)}"
mkdir -p "$WORK"
cleanup() { if [[ $KEEP -eq 0 ]]; then rm -rf "$WORK"; else echo "work folder kept: $WORK" >&2; fi; }
trap cleanup EXIT
log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }
load() { cut -d' ' -f1 /proc/loadavg; }

# Spark 4.2's own JVM options (org.apache.spark.launcher.JavaModuleOptions), which spark-submit adds
# and `java -jar` does not. Spark local mode also ran on Java 17 without them in our runs; they keep
# Spark's off-heap and Netty paths on their intended (reflective) implementation.
SPARK_JAVA_OPTS=(
    -XX:+IgnoreUnrecognizedVMOptions --add-modules=jdk.incubator.vector
    --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
    --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
    --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
    --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
    --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
    --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
    --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED
    -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true
    -Dio.netty.allocator.type=pooled --enable-native-access=ALL-UNNAMED
)

# ---- build ---------------------------------------------------------------------------------------
cd "$ROOT"
if [[ -z "$JAR" ]]; then
    log "building SatuPintu (./mvnw -q package -DskipTests)"
    ./mvnw -q package -DskipTests
    JAR="$ROOT/jobs/target/satupintu.jar"
fi
log "building the DuckDB floor (bench/floor)"
./mvnw -q -f bench/floor/pom.xml package
if [[ $SPARK -eq 1 ]]; then
    log "building the Spark peer (bench/spark)"
    ./mvnw -q -f bench/spark/pom.xml package
fi

# ---- helpers -------------------------------------------------------------------------------------
# timed NAME CMD... : runs CMD under /usr/bin/time -v; stdout+stderr to $WORK/NAME.log, time to $WORK/NAME.time
timed() {
    local name="$1"; shift
    local before; before="$(load)"
    log "running $name (load average $before)"
    /usr/bin/time -v -o "$WORK/$name.time" "$@" >"$WORK/$name.log" 2>&1 || {
        echo "$name failed; last lines of $WORK/$name.log:" >&2; tail -20 "$WORK/$name.log" >&2; KEEP=1; exit 1; }
    echo "$before $(load)" >"$WORK/$name.load"
}
wall_seconds() { # GNU time's "h:mm:ss" or "m:ss.ss" to seconds
    awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; printf "%.1f", s}' "$WORK/$1.time"
}
rss_mib() { awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$WORK/$1.time"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
thousands() { echo "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }
per_s() { thousands "$(awk -v r="$1" -v s="$2" 'BEGIN { printf "%.0f", r / s }')"; }

# ---- generate ------------------------------------------------------------------------------------
GEN_ARGS=(generate --kabupaten "$KABUPATEN" --period "$PERIOD" --months 1 --out "$WORK/generated")
[[ -n "$SCALE" ]] && GEN_ARGS+=(--scale "$SCALE")
timed generate java -jar "$JAR" "${GEN_ARGS[@]}"
INBOX="$WORK/generated/inbox/$PERIOD"
XLSX_ROWS=0
for f in "$INBOX"/*.xlsx; do
    [[ -e "$f" ]] || continue
    # the generator's own log line for the XLSX roster ("… N baris …" / "N rows")
    n=$(grep -F "$(basename "$f")" "$WORK/generate.log" | grep -oE '[0-9][0-9.,]* (baris|rows)' | head -1 | tr -dc '0-9')
    XLSX_ROWS=$((XLSX_ROWS + ${n:-0}))
done

# ---- the floor: DuckDB alone, read natively -> ZSTD Parquet (+ a second run that also dedups by NIK)
timed floor java -jar bench/floor/target/duckdb-floor.jar "$INBOX" "$WORK/floor"
FLOOR_ROWS=$(sed -n 's/^FLOOR rows=\([0-9]*\).*/\1/p' "$WORK/floor.log")
rm -rf "$WORK/floor"
timed floor_dedup java -jar bench/floor/target/duckdb-floor.jar "$INBOX" "$WORK/floor" --dedup
rm -rf "$WORK/floor"

# ---- SatuPintu: the monthly refresh on a fresh data directory holding only the inbox -------------
mkdir -p "$WORK/satupintu/inbox"
cp -r "$INBOX" "$WORK/satupintu/inbox/"
RUN_JAR="$JAR"
if [[ $CDS -eq 1 ]]; then
    # docs/operations.md, "Start-up": the extracted jar and a class-data-sharing archive trained on a
    # tiny month, so the timed refresh loads its classes from the archive
    log "class-data-sharing archive (extract, train on a tiny month)"
    rm -rf "$WORK/cds"
    java -Djarmode=tools -jar "$JAR" extract --destination "$WORK/cds/app" >/dev/null
    RUN_JAR="$WORK/cds/app/$(basename "$JAR")"
    java -jar "$RUN_JAR" generate --kabupaten 51.08 --scale 0.01 --period "$PERIOD" --out "$WORK/cds/train" >/dev/null 2>&1
    # shellcheck disable=SC2086
    java $SATUPINTU_JAVA_OPTS -XX:ArchiveClassesAtExit="$WORK/cds/satupintu.jsa" -jar "$RUN_JAR" \
        refresh --period "$PERIOD" --data-dir "$WORK/cds/train" >"$WORK/cds/train.log" 2>&1
    SATUPINTU_JAVA_OPTS="$SATUPINTU_JAVA_OPTS -XX:SharedArchiveFile=$WORK/cds/satupintu.jsa"
fi
# shellcheck disable=SC2086
timed satupintu java $SATUPINTU_JAVA_OPTS -jar "$RUN_JAR" refresh --period "$PERIOD" --data-dir "$WORK/satupintu"
REPORT="$(ls "$WORK/satupintu/reports/$PERIOD"/run-*.json 2>/dev/null | head -1 || true)"
ROSTER_RE='^(pkh|bpnt|blt_dd|pbi_jk|listrik|bansos_daerah)_'
if [[ -n "$REPORT" ]]; then
    SP_ROWS=$(jq "[.files[] | select(.status == \"INGESTED\") | .rowsRead] | add // 0" "$REPORT")
    SP_ROSTER_ROWS=$(jq "[.files[] | select(.status == \"INGESTED\" and (.file | test(\"$ROSTER_RE\"))) | .rowsRead] | add // 0" "$REPORT")
    SP_REFUSED=$(jq -r '[.files[] | select(.status != "INGESTED") | .file] | join(", ")' "$REPORT")
else # older jars: the log's "Ingested FILE (PROGRAM): N rows read" lines
    SP_ROWS=$(grep -oE 'Ingested .* ([0-9]+) rows read' "$WORK/satupintu.log" | grep -oE '[0-9]+ rows read' | awk '{s+=$1} END {print s+0}')
    SP_ROSTER_ROWS=$(grep -E 'Ingested (pkh|bpnt|blt_dd|pbi_jk|listrik|bansos_daerah)_' "$WORK/satupintu.log" | grep -oE '[0-9]+ rows read' | awk '{s+=$1} END {print s+0}')
    SP_REFUSED=$(grep -oE 'Refused [^ :]*' "$WORK/satupintu.log" | cut -d' ' -f2 | paste -sd, - || true)
fi

# ---- the Spark peer: local[2], same CSV/JSON ingest, dedup by NIK, Parquet ----------------------
if [[ $SPARK -eq 1 ]]; then
    timed spark java "${SPARK_JAVA_OPTS[@]}" -jar bench/spark/target/spark-peer.jar "$INBOX" "$WORK/spark"
    SPARK_ROWS=$(sed -n 's/^SPARK rows=\([0-9]*\).*/\1/p' "$WORK/spark.log")
    rm -rf "$WORK/spark"
fi

# ---- report --------------------------------------------------------------------------------------
F_WALL=$(wall_seconds floor); FD_WALL=$(wall_seconds floor_dedup); S_WALL=$(wall_seconds satupintu)
echo
echo "Kabupaten $KABUPATEN, period $PERIOD${SCALE:+, scale $SCALE}; $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1); $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "Generated: $(wall_seconds generate) s, peak RSS $(rss_mib generate) MiB. XLSX roster rows (DuckDB and Spark cannot read them offline): $(thousands "$XLSX_ROWS")."
echo
echo "| run | rows | wall (s) | rows/s | peak RSS (MiB) | load avg before → after |"
echo "|---|---:|---:|---:|---:|---|"
row() { # name label rows
    local w; w=$(wall_seconds "$1")
    echo "| $2 | $(thousands "$3") | $w | $(per_s "$3" "$w") | $(rss_mib "$1") | $(sed 's/ / → /' "$WORK/$1.load") |"
}
row floor "DuckDB floor: CSV + JSON lines → ZSTD Parquet (JDBC, 2 threads)" "$FLOOR_ROWS"
row floor_dedup "DuckDB floor + one row per NIK" "$FLOOR_ROWS"
row satupintu "SatuPintu refresh (ingest, link, build, tests, publish, report; java $SATUPINTU_JAVA_OPTS)" "$SP_ROWS"
[[ $SPARK -eq 1 ]] && row spark "Spark 4.2 local[2]: CSV + JSON lines → Parquet, one row per NIK" "$SPARK_ROWS"
echo
echo "SatuPintu read $(thousands "$SP_ROWS") rows, $(thousands "$SP_ROSTER_ROWS") of them program rosters (the rest reference extracts)${SP_REFUSED:+; refused files: $SP_REFUSED}."
if [[ -n "$REPORT" ]]; then
    echo
    echo "| SatuPintu step | seconds |"
    echo "|---|---:|"
    jq -r '.steps[] | "| \(.step) | \(.durationMillis / 1000) |"' "$REPORT"
    jq -r '.files[] | "| ingest \(.file) (\(.status), \(.rowsRead) rows; files run 2 at a time) | \(.durationMillis / 1000) |"' "$REPORT"
    jq -r '"| whole job (Spring Batch; the rest of the wall time is JVM and Spring start) | \(.durationMillis / 1000) |"' "$REPORT"
fi
echo
SP_RATE=$(awk -v r="$SP_ROWS" -v s="$S_WALL" 'BEGIN { print r / s }')
F_RATE=$(awk -v r="$FLOOR_ROWS" -v s="$F_WALL" 'BEGIN { print r / s }')
SATU_FLOOR=$(ratio "$S_WALL" "$F_WALL")
SATU_FLOOR_PER_ROW=$(ratio "$F_RATE" "$SP_RATE")
echo "| target | measured | met |"
echo "|---|---|---|"
met() { awk -v a="$1" -v b="$2" 'BEGIN { print (a <= b) ? "yes" : "no" }'; }
echo "| full refresh ≤ 60 s wall | $S_WALL s | $(met "$S_WALL" 60) |"
echo "| peak RSS ≤ 4 GiB | $(rss_mib satupintu) MiB | $(met "$(rss_mib satupintu)" 4096) |"
echo "| end-to-end ≤ 3× the DuckDB floor | ${SATU_FLOOR}× by wall time (${SATU_FLOOR_PER_ROW}× per row) | $(met "$SATU_FLOOR" 3) |"
if [[ $SPARK -eq 1 ]]; then
    S_SPARK=$(wall_seconds spark)
    SPARK_SATU=$(ratio "$S_SPARK" "$S_WALL")
    SPARK_RATE=$(awk -v r="$SPARK_ROWS" -v s="$S_SPARK" 'BEGIN { print r / s }')
    echo "| ≥ 5× faster than Spark | Spark/SatuPintu ${SPARK_SATU}× by wall time ($(ratio "$SP_RATE" "$SPARK_RATE")× per row) | $(met 5 "$SPARK_SATU") |"
fi
echo
echo "Ratios by wall time compare whole processes on the same inbox; 'per row' divides rows/s, since SatuPintu also reads the XLSX roster and the reference extracts the floor and Spark skip. Logs: $WORK (--keep to keep them)."
