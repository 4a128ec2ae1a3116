#!/usr/bin/env bash
# The long form of the crash-safety tests: ROUNDS (default 20) kills with SIGKILL of a JVM anonymizing a file of
# MB megabytes (default 300), at random moments, once through the library (CrashSafetyTest, slowed-down disk so
# that every kill lands mid-write) and once through the mne_anonymize application (AppCrashSafetyTest). Every round checks that the input is unchanged, the target is
# absent or complete, only recognizable temporary files remain, and the next run removes them.
#   scripts/crash-loop.sh [ROUNDS] [MB] [SEED]
# A failure prints the seed and the round; rerun with that SEED to repeat the same kill moments.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
rounds="${1:-20}"
mb="${2:-300}"
seed_arg=()
if [ -n "${3:-}" ]; then
    seed_arg=(-Dfiff.crash.seed="$3")
fi
./mvnw ${MAVEN_OFFLINE:+-o} test -pl fiff-anonymize,examples/mne-anonymize -am \
    -Dtest='CrashSafetyTest,AppCrashSafetyTest' -Dsurefire.failIfNoSpecifiedTests=false \
    -Dfiff.crash.rounds="$rounds" -Dfiff.crash.mb="$mb" "${seed_arg[@]}"
