#!/usr/bin/env bash
# Issue 11: throughput and latency of the aggregate endpoints of `satupintu serve`, from a second JVM
# on loopback. Generates Buleleng (51.08) for two months at a scale, refreshes both, adds a planner
# with an API key, starts the server on a loopback port, runs ServeLoad (bounded in requests and
# seconds), stops the server. Prints ServeLoad's line. Not part of `./mvnw verify` (ServeApiIT runs a
# tiny bounded version of the same load).
#
#   bench/serve-load.sh [--scale F] [--requests N] [--concurrency C] [--seconds S] [--port P] [--work DIR] [--keep]
#
# --keep keeps the work folder; a second run with the same --work reuses its refreshed data directory.
# Needs: JDK 17+. Builds this tree (jar and test classes) with the Maven Wrapper.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SCALE=0.25
REQUESTS=4000
CONCURRENCY=8
SECONDS_MAX=120
PORT=18470
WORK=""
KEEP=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --scale) SCALE="$2"; shift 2 ;;
        --requests) REQUESTS="$2"; shift 2 ;;
        --concurrency) CONCURRENCY="$2"; shift 2 ;;
        --seconds) SECONDS_MAX="$2"; shift 2 ;;
        --port) PORT="$2"; shift 2 ;;
        --work) WORK="$2"; shift 2 ;;
        --keep) KEEP=1; shift ;;
        -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done
WORK="${WORK:-$(mktemp -d -t satupintu-serve-load-XXXXXX)}"
mkdir -p "$WORK"
DATA="$WORK/data"
SERVER=""
cleanup() {
    if [[ -n "$SERVER" ]]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi
    if [[ "$KEEP" == 0 ]]; then rm -rf "$WORK"; fi
}
trap cleanup EXIT

cd "$ROOT"
./mvnw -q -B -ntp package -DskipTests -Dspotless.check.skip=true
JAR="$ROOT/jobs/target/satupintu.jar"
satupintu() { java -jar "$JAR" "$@" --data-dir "$DATA"; }

if [[ ! -f "$DATA/warehouse/satupintu.duckdb" ]]; then
    satupintu generate --kabupaten 51.08 --period 2026-09 --months 2 --scale "$SCALE" --seed 20261129 > "$WORK/generate.log"
    satupintu refresh --period 2026-09 > "$WORK/refresh-1.log"
    satupintu refresh --period 2026-10 > "$WORK/refresh-2.log"
    satupintu user add --name bench --role planner > /dev/null
fi
KEY="$(satupintu user key --name bench | sed 's/.*: //')"
echo "warehouse: $(du -h "$DATA/warehouse/satupintu.duckdb" | cut -f1), recipients rows: $(satupintu query "SELECT count(*) FROM enrollment" | sed -n 3p | tr -d ' ')"

java -jar "$JAR" serve --data-dir "$DATA" --port "$PORT" --address 127.0.0.1 > "$WORK/serve.log" 2>&1 &
SERVER=$!
for _ in $(seq 120); do
    grep -q "http://" "$WORK/serve.log" && break
    sleep 1
done
grep -q "http://" "$WORK/serve.log" || { cat "$WORK/serve.log" >&2; exit 1; }

# a short warm-up (JIT, the warehouse opened once), then the measured run
java -cp "$ROOT/jobs/target/test-classes" id.satupintu.jobs.serve.ServeLoad \
    "http://127.0.0.1:$PORT" "$KEY" 400 "$CONCURRENCY" 30 > /dev/null
java -cp "$ROOT/jobs/target/test-classes" id.satupintu.jobs.serve.ServeLoad \
    "http://127.0.0.1:$PORT" "$KEY" "$REQUESTS" "$CONCURRENCY" "$SECONDS_MAX"
