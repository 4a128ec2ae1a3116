#!/usr/bin/env bash
# Long fuzzing campaigns with Jazzer, one target after the other, each for DURATION (default 1h):
#   scripts/fuzz-long.sh [DURATION] [ROUNDS]      e.g. scripts/fuzz-long.sh 30m 4
# Each round continues from the corpus Jazzer keeps in <module>/.cifuzz-corpus/ (ignored by git). A finding stops
# the campaign: Jazzer writes it as crash-<sha1> into the target's seed folder
# (src/test/resources/.../<Class>Inputs/<method>/). Fix the bug, then rename the file after what it found
# (e.g. damaged-gzip-invalid-distance.fif.gz): from then on it runs as a regression test in every build.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

duration="${1:-1h}"
rounds="${2:-1}"
targets=("fiff-core FiffReaderFuzzTest" "fiff-anonymize AnonymizerFuzzTest")

for ((round = 1; round <= rounds; round++)); do
    for target in "${targets[@]}"; do
        read -r module test <<<"$target"
        printf '\n==== round %d/%d: %s (%s), %s ====\n' "$round" "$rounds" "$test" "$module" "$duration"
        # One fuzz test per JVM (Jazzer's rule), hence -Dtest; -am builds fiff-core first without running its tests.
        if ! JAZZER_FUZZ=1 JAZZER_MAX_DURATION="$duration" ./mvnw ${MAVEN_OFFLINE:+-o} test -pl "$module" -am -Djazzer.hooks=true \
                -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false; then
            echo "finding in $test: see the crash-* file under $module/src/test/resources" >&2
            find "$module/src/test/resources" -name 'crash-*' -newer pom.xml -print >&2 || true
            exit 1
        fi
    done
done
echo "no findings"
