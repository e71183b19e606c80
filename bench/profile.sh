#!/usr/bin/env bash
# Issue 9, profiling: one SatuPintu refresh under Java Flight Recorder on a generated month, then
# where the Java time goes (top frames of jdk.ExecutionSample, the first SatuPintu frame of each
# sample, samples per thread, threads sitting in native code = DuckDB) and, per warehouse model and
# data test, DuckDB's time with EXPLAIN ANALYZE of the slowest (bench/floor ExplainModels).
#
#   bench/profile.sh [--scale F] [--jar SATUPINTU_JAR] [--keep] [--work DIR]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PERIOD=2026-10
SCALE=""; JAR=""; KEEP=0; WORK=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --scale) SCALE="$2"; shift 2 ;;
        --jar) JAR="$(realpath "$2")"; shift 2 ;;
        --keep) KEEP=1; shift ;;
        --work) WORK="$2"; shift 2 ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done
WORK="${WORK:-$(mktemp -d /tmp/satupintu-profile.XXXXXX)}"
mkdir -p "$WORK"
cleanup() { if [[ $KEEP -eq 0 ]]; then rm -rf "$WORK"; else echo "work folder kept: $WORK" >&2; fi; }
trap cleanup EXIT
cd "$ROOT"
if [[ -z "$JAR" ]]; then ./mvnw -q package -DskipTests; JAR="$ROOT/jobs/target/satupintu.jar"; fi
./mvnw -q -f bench/floor/pom.xml package

GEN=(generate --kabupaten 32.09 --period "$PERIOD" --months 1 --out "$WORK/data")
[[ -n "$SCALE" ]] && GEN+=(--scale "$SCALE")
java -jar "$JAR" "${GEN[@]}" >"$WORK/generate.log" 2>&1
rm -rf "$WORK/data/truth"

echo "load average before: $(cut -d' ' -f1 /proc/loadavg)"
/usr/bin/time -v -o "$WORK/refresh.time" java -XX:+FlightRecorder \
    "-XX:StartFlightRecording=filename=$WORK/refresh.jfr,settings=profile,dumponexit=true" \
    -jar "$JAR" refresh --period "$PERIOD" --data-dir "$WORK/data" >"$WORK/refresh.log" 2>&1
echo "load average after: $(cut -d' ' -f1 /proc/loadavg)"
grep -E 'Elapsed|Maximum resident' "$WORK/refresh.time"

jfr summary "$WORK/refresh.jfr" | grep -E 'jdk.ExecutionSample|jdk.NativeMethodSample|Duration' || true
jfr print --stack-depth 64 --events jdk.ExecutionSample "$WORK/refresh.jfr" >"$WORK/execution.txt"
jfr print --stack-depth 64 --events jdk.NativeMethodSample "$WORK/refresh.jfr" >"$WORK/native.txt"

# top_frames FILE: count the top frame, the first id.satupintu frame, and the thread of each sample
top_frames() {
    awk -v out="$WORK/frames" '
        /sampledThread = / { thread = $0; sub(/.*sampledThread = "?/, "", thread); sub(/".*/, "", thread); gsub(/-[0-9]+$/, "-N", thread) }
        /stackTrace = \[/ { inStack = 1; first = 1; app = ""; next }
        inStack && /^[[:space:]]*\]/ { inStack = 0; samples++; threads[thread]++;
            apps[app == "" ? "(no SatuPintu frame)" : app]++; next }
        inStack && !/\.\.\./ { f = $0; sub(/^[[:space:]]+/, "", f); sub(/[[:space:]]+line:.*/, "", f)
            if (first) { tops[f]++; first = 0 }
            if (app == "" && f ~ /^id\.satupintu\./) app = f }
        END {
            printf "samples: %d\n", samples
            printf "\n-- top frames --\n"; for (k in tops) printf "%6d %5.1f%% %s\n", tops[k], 100*tops[k]/samples, k | "sort -rn | head -25"
            close("sort -rn | head -25")
            printf "\n-- first SatuPintu frame --\n"; for (k in apps) printf "%6d %5.1f%% %s\n", apps[k], 100*apps[k]/samples, k | "sort -rn | head -20"
            close("sort -rn | head -20")
            printf "\n-- threads --\n"; for (k in threads) printf "%6d %5.1f%% %s\n", threads[k], 100*threads[k]/samples, k | "sort -rn | head -12"
        }' "$1"
}
echo; echo "== Java execution samples (jdk.ExecutionSample; Java code only, DuckDB native work is not here)"
top_frames "$WORK/execution.txt"
echo; echo "== native method samples (jdk.NativeMethodSample: threads inside native code; DuckDBNative.* is DuckDB at work,"
echo "   sun.nio.ch.Net.accept is the job repository's idle H2 TCP server thread, not CPU)"
top_frames "$WORK/native.txt"

echo; echo "== warehouse models and data tests, re-run one by one on the refreshed lake"
java -cp "bench/floor/target/duckdb-floor.jar:$(ls bench/floor/target/lib/duckdb_jdbc-*.jar)" \
    id.satupintu.bench.floor.ExplainModels "$WORK/data" pipeline/src/main/resources/id/satupintu/pipeline/warehouse 2
