#!/usr/bin/env bash
# End-to-end benchmark on one big raw recording: two plain copies, cp + sync of the copy and dd bs=1M (a read/write
# loop through one buffer) + sync, against FiffKit + sync (the library, and the mne_anonymize application once it
# is built); with --more also the library without writing the output back while it is written and the library
# with a class-data sharing archive; MNE-Python's read + anonymize + save when installed (--no-mne: not).
# Each tool runs RUNS times, in turns; the summary gives medians, fastest-slowest, ratios to cp + sync and to
# dd + sync, CPU time and peak RSS, and the load average.
#
#   examples/benchmarks/bench-e2e.sh [-n RUNS] [-s SIZE] [-g testkit|bench] [-w WORKDIR] [-x JAVA_HEAP] [--no-mne]
#                                    [--more] [-b OTHER_APP]
#
# SIZE of the generated file (default 1536M), written by GENERATOR: "testkit" (the default: fiff-testkit's
# BigFile, 367 channels float32 at 1 kHz) or "bench" (RawFileGenerator, 309 channels float32 at 1 kHz); WORKDIR
# (default ${TMPDIR:-/tmp}/fiffkit-bench) keeps the generated file between runs; JAVA_HEAP (default 64m) is
# the -Xmx of our runs; OTHER_APP, another build's mne_anonymize launcher (for example main's), timed in the same
# turns for an A/B comparison within one run. Build first: ./mvnw -o -pl examples/benchmarks -am package -DskipTests
set -euo pipefail
. "$(dirname -- "${BASH_SOURCE[0]}")/bench-common.sh"

runs=5
size=1536M
work=${TMPDIR:-/tmp}/fiffkit-bench
other_app=
heap=64m
generator=testkit
with_mne=1
more=0
while [ $# -gt 0 ]; do
    case $1 in
        -n) runs=$2; shift 2 ;;
        -s) size=$2; shift 2 ;;
        -g) generator=$2; shift 2 ;;
        -w) work=$2; shift 2 ;;
        -b) other_app=$2; shift 2 ;;
        -x) heap=$2; shift 2 ;;
        --no-mne) with_mne=0; shift ;;
        --more) more=1; shift ;;
        *) sed -n '2,16p' "$0" >&2; exit 2 ;;
    esac
done
need_tools
mkdir -p "$work"
results=$work/e2e-results.txt
: >"$results"

big_input
echo "input: $in ($(stat -c %s "$in") bytes); $runs runs each, in turns; java heap -Xmx$heap; $(nproc) cores;" \
    "load average $(load)"
cat "$in" >/dev/null # warm page cache, as for every tool

mne_script=$work/mne_anonymize.py
cat >"$mne_script" <<'PY'
import sys
import mne
raw = mne.io.read_raw_fif(sys.argv[1], preload=False, verbose="error")
raw.anonymize(verbose="error")
raw.save(sys.argv[2], overwrite=True, verbose="error")
PY
tools="cp dd lib"
[ "$more" = 1 ] && tools="$tools lib-nowb lib-cds"
# an application class-data sharing archive for the library runs (made once, by a run on a small file)
jsa=$work/benchmarks-app.jsa
if [ "$more" = 1 ] && [ ! -f "$jsa" ]; then
    small=$work/small_440k_raw.fif
    [ -f "$small" ] || "$java_cmd" -cp "$bench_jar" io.github.fiffkit.bench.RawFileGenerator "$small" \
        --size 440k --sfreq 330 >/dev/null
    "$java_cmd" -XX:ArchiveClassesAtExit="$jsa" -cp "$bench_jar" io.github.fiffkit.bench.AnonymizeFile "$small" \
        "$work/cds-out_raw.fif" >/dev/null 2>&1 || rm -f "$jsa"
    rm -f "$work/cds-out_raw.fif"
fi
if app_works; then tools="$tools app"; else echo "(mne_anonymize application not built or not there yet: skipped)"; fi
[ -n "$other_app" ] && tools="$tools other"
if [ "$with_mne" = 1 ] && mne_works; then
    tools="$tools mne"
elif [ "$with_mne" = 1 ]; then
    echo "(MNE-Python not installed: '$python -c \"import mne\"' fails; skipped)"
fi

out=$work/out_raw.fif
for i in $(seq 1 "$runs"); do
    echo "run $i/$runs"
    for t in $tools; do
        rm -f "$out"
        settle
        case $t in
            cp) timed "cp+sync" "$out" cp -- "$in" "$out" ;;
            dd) timed "dd+sync" "$out" dd if="$in" of="$out" bs=1M status=none ;;
            lib) timed "fiffkit-library+sync" "$out" "$java_cmd" "-Xmx$heap" -cp "$bench_jar" \
                io.github.fiffkit.bench.AnonymizeFile "$in" "$out" ;;
            lib-nowb) timed "fiffkit-library-no-writeback+sync" "$out" "$java_cmd" "-Xmx$heap" -cp "$bench_jar" \
                io.github.fiffkit.bench.AnonymizeFile "$in" "$out" --no-writeback ;;
            lib-cds) timed "fiffkit-library-cds+sync" "$out" "$java_cmd" "-Xmx$heap" -XX:SharedArchiveFile="$jsa" \
                -cp "$bench_jar" io.github.fiffkit.bench.AnonymizeFile "$in" "$out" ;;
            app) FIFFKIT_JAVA_OPTS="-Xmx$heap ${FIFFKIT_JAVA_OPTS:-}" timed "mne_anonymize-app+sync" "$out" \
                "$app" --no-gui --silent --in "$in" --out "$out" ;;
            other) FIFFKIT_JAVA_OPTS="-Xmx$heap ${FIFFKIT_JAVA_OPTS:-}" timed "other-app+sync" "$out" \
                "$other_app" --no-gui --silent --in "$in" --out "$out" ;;
            mne) timed "mne-python+sync" "$out" "$python" "$mne_script" "$in" "$out" ;;
        esac
    done
done
rm -f "$out"
summary "cp+sync" "dd+sync"
