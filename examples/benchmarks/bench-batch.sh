#!/usr/bin/env bash
# Batch benchmark: COPIES copies of a small raw file in one folder; cp -r + sync of every copy against FiffKit
# anonymizing the folder in one process in parallel (library; and the application's batch mode,
# mne_anonymize -i DIR -o DIR --jobs N, once it exists) + sync of every output.
#
#   examples/benchmarks/bench-batch.sh [-n RUNS] [-c COPIES] [-j JOBS] [-f FILE] [-w WORKDIR] [-b OTHER_APP]
#
# OTHER_APP: another build's mne_anonymize launcher (for example main's), timed in the same turns, for an A/B
# comparison within one run.
# FILE defaults to the corpus raw file real/mne-testing-data/CTF__somMDYO-18av.ds_raw.fif (516 KB) when
# FIFF_CORPUS names the corpus folder, else to a generated raw file of 440 KB.
set -euo pipefail
. "$(dirname -- "${BASH_SOURCE[0]}")/bench-common.sh"

runs=3
copies=1000
jobs=$(nproc)
file=
work=${TMPDIR:-/tmp}/fiffkit-bench
other_app=
heap=128m
while [ $# -gt 0 ]; do
    case $1 in
        -n) runs=$2; shift 2 ;;
        -c) copies=$2; shift 2 ;;
        -j) jobs=$2; shift 2 ;;
        -f) file=$2; shift 2 ;;
        -w) work=$2; shift 2 ;;
        -b) other_app=$2; shift 2 ;;
        *) sed -n '2,12p' "$0" >&2; exit 2 ;;
    esac
done
need_tools
mkdir -p "$work"
results=$work/batch-results.txt
: >"$results"
if [ -z "$file" ]; then
    if [ -n "${FIFF_CORPUS:-}" ] && [ -f "$FIFF_CORPUS/real/mne-testing-data/CTF__somMDYO-18av.ds_raw.fif" ]; then
        file=$FIFF_CORPUS/real/mne-testing-data/CTF__somMDYO-18av.ds_raw.fif
    else
        file=$work/small_440k_raw.fif
        [ -f "$file" ] || "$java_cmd" -cp "$bench_jar" io.github.fiffkit.bench.RawFileGenerator "$file" \
            --size 440k --sfreq 330 >/dev/null
    fi
fi
in=$work/batch-in
rm -rf "$in"
mkdir -p "$in"
for i in $(seq -w 1 "$copies"); do
    cp -- "$file" "$in/copy${i}_raw.fif"
done
sync -- "$in"/*
echo "input: $copies copies of $file ($(stat -c %s "$file") bytes); $runs runs each, in turns; $jobs jobs;" \
    "load average $(load)"

tools="cp lib"
if app_works && "$app" --help 2>&1 | grep -q -- '--jobs'; then
    tools="$tools app"
else
    echo "(mne_anonymize batch mode (--jobs) not there yet: skipped)"
fi
[ -n "$other_app" ] && tools="$tools other"
out=$work/batch-out
for i in $(seq 1 "$runs"); do
    echo "run $i/$runs"
    for t in $tools; do
        rm -rf "$out"
        settle
        case $t in
            cp) timed "cp-r+sync" "$out" cp -r -- "$in" "$out" ;;
            lib) timed "fiffkit-library+sync" "$out" "$java_cmd" "-Xmx$heap" -cp "$bench_jar" \
                io.github.fiffkit.bench.BatchAnonymize "$in" "$out" "$jobs" ;;
            app) mkdir -p "$out"
                FIFFKIT_JAVA_OPTS="-Xmx$heap ${FIFFKIT_JAVA_OPTS:-}" timed "mne_anonymize-app+sync" "$out" \
                "$app" --no-gui --silent -i "$in" -o "$out" --jobs "$jobs" ;;
            other) mkdir -p "$out"
                FIFFKIT_JAVA_OPTS="-Xmx$heap ${FIFFKIT_JAVA_OPTS:-}" timed "other-app+sync" "$out" \
                "$other_app" --no-gui --silent -i "$in" -o "$out" --jobs "$jobs" ;;
        esac
    done
done
rm -rf "$out"
summary "cp-r+sync"
