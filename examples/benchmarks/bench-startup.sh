#!/usr/bin/env bash
# Start-up benchmark of the application: `java -jar mne-anonymize.jar --version` with and without the
# application class-data sharing archive that the build makes (target/mne-anonymize.jsa), the launcher (which
# uses the archive; FIFFKIT_CDS=off does without), and one anonymization of the bundled sample. Medians of RUNS
# runs each, in turns; CPU time (user + system) too, which a busy machine disturbs less than wall time.
#
#   examples/benchmarks/bench-startup.sh [-n RUNS] [-w WORKDIR]
#
# Build first: ./mvnw -o -pl examples/mne-anonymize,examples/benchmarks -am package -DskipTests
set -euo pipefail
. "$(dirname -- "${BASH_SOURCE[0]}")/bench-common.sh"

runs=10
work=${TMPDIR:-/tmp}/fiffkit-bench
while [ $# -gt 0 ]; do
    case $1 in
        -n) runs=$2; shift 2 ;;
        -w) work=$2; shift 2 ;;
        *) sed -n '2,9p' "$0" >&2; exit 2 ;;
    esac
done
app_jar=$repo_dir/examples/mne-anonymize/target/mne-anonymize.jar
jsa=${app_jar%.jar}.jsa
sample=$repo_dir/examples/mne-anonymize/sample/sample_raw.fif
if [ ! -f "$app_jar" ] || ! app_works; then
    echo "build the application first: ./mvnw -o -pl examples/mne-anonymize -am package -DskipTests" >&2
    exit 2
fi
[ -x /usr/bin/time ] || { echo "GNU time (/usr/bin/time) is needed: apt-get install time" >&2; exit 2; }
mkdir -p "$work"
results=$work/startup-results.txt
: >"$results"
echo "$runs runs each, in turns; $(nproc) cores; archive: $([ -f "$jsa" ] && echo "$jsa" || echo none)"
out=$work/startup_raw.fif
for i in $(seq 1 "$runs"); do
    echo "run $i/$runs"
    timed "java -jar --version" - "$java_cmd" -jar "$app_jar" --version
    if [ -f "$jsa" ]; then
        timed "java -jar --version, archive" - "$java_cmd" -XX:SharedArchiveFile="$jsa" -Xshare:auto \
            -Xlog:cds=off -Xlog:cds+dynamic=off -jar "$app_jar" --version
    fi
    timed "mne_anonymize --version" - "$app" --version
    FIFFKIT_CDS=off timed "mne_anonymize --version, CDS off" - "$app" --version
    rm -f "$out"
    timed "mne_anonymize sample" - "$app" --no-gui --silent -i "$sample" -o "$out"
    rm -f "$out"
    FIFFKIT_CDS=off timed "mne_anonymize sample, CDS off" - "$app" --no-gui --silent -i "$sample" -o "$out"
done
rm -f "$out"
summary "java -jar --version"
