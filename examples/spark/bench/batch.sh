#!/usr/bin/env bash
# The Spark job's batch benchmark, on demand: N copies (default 1000) of one file, then cp -r + sync, the library
# on one machine (one JVM, two threads), the application's batch mode (mne_anonymize -i FOLDER -o FOLDER) and
# the Spark job in local[2], timed in one run.
#   examples/spark/bench/batch.sh [FILE] [COPIES]
# With --stage: the job's anonymizing stage against the library's batch, ROUNDS (default 5) alternating runs of
# each on COPIES (default 300) copies, medians and min-max (StageBenchmark):
#   examples/spark/bench/batch.sh --stage [FILE] [COPIES] [ROUNDS]
# FILE defaults to a corpus raw file of about 500 KB (needs ../shared/corpus beside the repository).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
stage=
if [ "${1:-}" = --stage ]; then
    stage=1
    shift
fi
file="${1:-../shared/corpus/real/mne-testing-data/CTF__somMDYO-18av.ds_raw.fif}"
copies="${2:-$([ -n "$stage" ] && echo 300 || echo 1000)}"
rounds="${3:-5}"
if [ ! -f "$file" ]; then
    echo "no such file: $file (give one: batch.sh FILE [COPIES])" >&2
    exit 1
fi
file="$(cd "$(dirname "$file")" && pwd)/$(basename "$file")"
if [ -z "$stage" ]; then
    ./mvnw -q -B -DskipTests -pl examples/mne-anonymize -am package
fi
./mvnw -q -B -Pspark -pl examples/spark -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$PWD/examples/spark/target/bench-classpath.txt"
cp="examples/spark/target/test-classes:examples/spark/target/classes:fiff-anonymize/target/classes"
cp="$cp:fiff-core/target/classes:$(cat examples/spark/target/bench-classpath.txt)"
opens="$(sed -n 's:.*<spark.test.jvmArgs>\(.*\)</spark.test.jvmArgs>.*:\1:p' examples/spark/pom.xml)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ -n "$stage" ]; then
    set -- io.github.fiffkit.spark.StageBenchmark "$file" "$work" "$copies" "$rounds"
else
    set -- io.github.fiffkit.spark.BatchBenchmark "$file" "$work" "$copies" \
        "$PWD/examples/mne-anonymize/target/bin/mne_anonymize"
fi
# shellcheck disable=SC2086
SPARK_LOCAL_IP=127.0.0.1 java $opens -Dlog4j2.configurationFile=log4j2-test.properties -cp "$cp" "$@"
