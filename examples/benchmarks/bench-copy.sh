#!/usr/bin/env bash
# Copy benchmark: the ways the anonymizer could copy bulk data and write its output back to disk, measured apart
# from everything else it does (CopyStrategies), in turns with cp + sync and dd bs=1M + sync, on the raw file that
# bench-e2e.sh generates. Each copy but cp and dd starts 3 bytes into the input, as an anonymized output whose
# header got 3 bytes shorter does (except "aligned"); every variant ends with its output forced to disk.
#
#   examples/benchmarks/bench-copy.sh [-n RUNS] [-s SIZE] [-g testkit|bench] [-w WORKDIR] [VARIANT...]
#
# VARIANTs (default: all): sendfile-wb64 (the anonymizer's way: transferTo in 64 MiB pieces, fdatasync from a
# background thread every 64 MiB), sendfile-wb64-skiplast (the same, a write-back still waiting at the end left to
# the final force), sendfile-wb16, sendfile-wb256, sendfile-nowb (forced only at the end), sendfile-whole (one
# transferTo for the whole file, no write-back), sendfile-wb64-aligned (no 3-byte shift), readwrite-wb64 and
# readwrite-nowb (positional read/write through one reused 1 MiB direct buffer). Build first:
# ./mvnw -o -pl examples/benchmarks -am package -DskipTests
set -euo pipefail
. "$(dirname -- "${BASH_SOURCE[0]}")/bench-common.sh"

runs=5
size=1536M
work=${TMPDIR:-/tmp}/fiffkit-bench
generator=bench
while [ $# -gt 0 ]; do
    case $1 in
        -n) runs=$2; shift 2 ;;
        -s) size=$2; shift 2 ;;
        -g) generator=$2; shift 2 ;;
        -w) work=$2; shift 2 ;;
        -*) sed -n '2,14p' "$0" >&2; exit 2 ;;
        *) break ;;
    esac
done
variants="${*:-sendfile-wb64 sendfile-wb64-skiplast sendfile-wb16 sendfile-wb256 sendfile-nowb sendfile-whole
    sendfile-wb64-aligned readwrite-wb64 readwrite-nowb}"
need_tools
mkdir -p "$work"
results=$work/copy-results.txt
: >"$results"
big_input
echo "input: $in ($(stat -c %s "$in") bytes); $runs runs each, in turns; $(nproc) cores; load average $(load)"
cat "$in" >/dev/null
out=$work/copy-out.fif
copy=("$java_cmd" -Xmx64m -cp "$bench_jar" io.github.fiffkit.bench.CopyStrategies "$in" "$out")
for i in $(seq 1 "$runs"); do
    echo "run $i/$runs (load average $(load))"
    for t in cp dd $variants; do
        rm -f "$out"
        settle
        case $t in
            cp) timed "cp+sync" "$out" cp -- "$in" "$out" ;;
            dd) timed "dd+sync" "$out" dd if="$in" of="$out" bs=1M status=none ;;
            sendfile-wb64) timed "$t" "$out" "${copy[@]}" --shift 3 ;;
            sendfile-wb64-skiplast) timed "$t" "$out" "${copy[@]}" --shift 3 --last skip ;;
            sendfile-wb16) timed "$t" "$out" "${copy[@]}" --shift 3 --writeback 16 ;;
            sendfile-wb256) timed "$t" "$out" "${copy[@]}" --shift 3 --writeback 256 ;;
            sendfile-nowb) timed "$t" "$out" "${copy[@]}" --shift 3 --writeback none ;;
            sendfile-whole) timed "$t" "$out" "${copy[@]}" --shift 3 --writeback none --piece 4096 ;;
            sendfile-wb64-aligned) timed "$t" "$out" "${copy[@]}" ;;
            readwrite-wb64) timed "$t" "$out" "${copy[@]}" --shift 3 --method readwrite --piece 1 ;;
            readwrite-nowb) timed "$t" "$out" "${copy[@]}" --shift 3 --method readwrite --piece 1 --writeback none ;;
            *) echo "unknown variant $t" >&2; exit 2 ;;
        esac
        sed 's/^/      /' "$work/out.txt"
    done
done
rm -f "$out"
summary "cp+sync" "dd+sync"
