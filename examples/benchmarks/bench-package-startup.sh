#!/usr/bin/env bash
# Start-up of the installed Debian package against the built launcher: `--version` of
#   installed     /usr/bin/mne_anonymize (the package's POSIX launcher, its jlink runtime and the class-data
#                 sharing archive its postinst made)
#   native        /opt/mne-anonymize/bin/mne_anonymize (jpackage 17's native launcher, which asks rpm and dpkg
#                 which package owns it at every start)
#   built         examples/mne-anonymize/target/bin/mne_anonymize (the system's Java, target/mne-anonymize.jsa)
#   built, CDS off  the same with FIFFKIT_CDS=off
# in turns, RUNS rounds (after one warm-up round); prints median and min-max of the wall time of each.
#
#   examples/benchmarks/bench-package-startup.sh [-n RUNS]
#
# Needs the package installed (docs/building-and-releasing.md, "The Debian package") and the module built.
set -euo pipefail

runs=15
while [ $# -gt 0 ]; do
    case $1 in
        -n) runs=$2; shift 2 ;;
        *) sed -n '2,13p' "$0" >&2; exit 2 ;;
    esac
done
repo_dir=$(cd "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)
built=$repo_dir/examples/mne-anonymize/target/bin/mne_anonymize
native=/opt/mne-anonymize/bin/mne_anonymize
[ -x "$built" ] || { echo "build first: ./mvnw -o -DskipTests package -pl examples/mne-anonymize -am" >&2; exit 2; }
[ -x "$native" ] && [ -x /usr/bin/mne_anonymize ] || { echo "install the package first" >&2; exit 2; }

results=$(mktemp)
trap 'rm -f "$results"' EXIT
one() {
    local label=$1 t0 t1
    shift
    t0=$(date +%s%N)
    "$@" --version >/dev/null
    t1=$(date +%s%N)
    printf '%s\t%d\n' "$label" $(((t1 - t0) / 1000000)) >>"$results"
}
for i in $(seq 0 "$runs"); do
    one installed /usr/bin/mne_anonymize
    one native "$native"
    one built "$built"
    FIFFKIT_CDS=off one "built, CDS off" "$built"
    [ "$i" -eq 0 ] && : >"$results"   # round 0 warms the file cache
done
echo "$runs rounds in turns; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
awk -F '\t' '
    { n[$1]++; t[$1, n[$1]] = $2; if (!($1 in seen)) { seen[$1]; order[++k] = $1 } }
    END {
        printf "| %-16s | %4s | %10s | %16s |\n", "--version", "runs", "median (s)", "min-max (s)"
        printf "|------------------|------|------------|------------------|\n"
        for (i = 1; i <= k; i++) {
            l = order[i]; m = n[l]
            for (a = 1; a <= m; a++) v[a] = t[l, a]
            for (a = 1; a <= m; a++) for (b = a + 1; b <= m; b++) if (v[b] < v[a]) { x = v[a]; v[a] = v[b]; v[b] = x }
            med = (m % 2) ? v[(m + 1) / 2] : (v[m / 2] + v[m / 2 + 1]) / 2
            printf "| %-16s | %4d | %10.3f | %7.3f-%-8.3f |\n", l, m, med / 1000, v[1] / 1000, v[m] / 1000
        }
    }' "$results"
