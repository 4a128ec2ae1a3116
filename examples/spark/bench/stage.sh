#!/usr/bin/env bash
# The Spark job's anonymizing stage against the library's batch, on demand: COPIES copies (default 300) of one
# file, ROUNDS (default 5) alternating runs of each, same machine, same JVM; prints each round, medians and min-max.
#   examples/spark/bench/stage.sh [FILE] [COPIES] [ROUNDS]
# FILE defaults to a corpus raw file of about 500 KB (needs ../shared/corpus beside the repository).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
file="${1:-../shared/corpus/real/mne-testing-data/CTF__somMDYO-18av.ds_raw.fif}"
copies="${2:-300}"
rounds="${3:-5}"
if [ ! -f "$file" ]; then
    echo "no such file: $file (give one: stage.sh FILE [COPIES] [ROUNDS])" >&2
    exit 1
fi
file="$(cd "$(dirname "$file")" && pwd)/$(basename "$file")"
./mvnw -q -B -Pspark -pl examples/spark -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$PWD/examples/spark/target/bench-classpath.txt"
cp="examples/spark/target/test-classes:examples/spark/target/classes:fiff-anonymize/target/classes"
cp="$cp:fiff-core/target/classes:$(cat examples/spark/target/bench-classpath.txt)"
opens="$(sed -n 's:.*<spark.test.jvmArgs>\(.*\)</spark.test.jvmArgs>.*:\1:p' examples/spark/pom.xml)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# shellcheck disable=SC2086
SPARK_LOCAL_IP=127.0.0.1 java $opens -Dlog4j2.configurationFile=log4j2-test.properties -cp "$cp" \
    io.github.fiffkit.spark.StageBenchmark "$file" "$work" "$copies" "$rounds"
