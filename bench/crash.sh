#!/usr/bin/env bash
# Issue 10: the full crash suite. CrashRestartIT with 20 trials (every `./mvnw verify` runs 3): a
# refresh of the packaged jar killed with SIGKILL at a seeded random moment of a random step, a
# reader polling the published warehouse all along, then `restart`; every table must equal a clean
# run's. Also the clean run's readers and second writer, and the full disk during the build (needs
# root, for `mount -t tmpfs`). Prints the trials and writes them to jobs/target/crash-trials.txt.
#
#   bench/crash.sh [--trials N] [--seed S]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRIALS=20
SEED=20261129
while [[ $# -gt 0 ]]; do
    case "$1" in
        --trials) TRIALS="$2"; shift 2 ;;
        --seed) SEED="$2"; shift 2 ;;
        -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done
cd "$ROOT"
START=$(date +%s)
STATUS=0
./mvnw -B -ntp -q verify -pl jobs -am -Dit.test=CrashRestartIT -Dtest=none \
    -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
    -Dspotless.check.skip=true -Dcrash.trials="$TRIALS" -Dcrash.seed="$SEED" || STATUS=$?
cat jobs/target/crash-trials.txt
grep -h 'Tests run:' jobs/target/failsafe-reports/id.satupintu.jobs.refresh.CrashRestartIT.txt
echo "wall $(( $(date +%s) - START )) s, load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
exit $STATUS
