# Shared by bench-e2e.sh and bench-batch.sh (sourced, not run).
# Timing: wall clock (date +%s%N) around the command AND the sync of its output; peak resident memory from
# /usr/bin/time -f %M (GNU time, package "time"). Results are appended as "label<TAB>millis<TAB>rss_kb<TAB>cpu_millis" to $results.

bench_dir=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
repo_dir=$(cd -- "$bench_dir/../.." && pwd -P)
bench_jar=${BENCH_JAR:-$bench_dir/target/benchmarks.jar}
app=${MNE_ANONYMIZE:-$repo_dir/examples/mne-anonymize/target/bin/mne_anonymize}
java_cmd=${JAVA_HOME:+$JAVA_HOME/bin/}java
python=${PYTHON:-/usr/bin/python3}

need_tools() {
    if [ ! -f "$bench_jar" ]; then
        echo "no $bench_jar: build it first with ./mvnw -o -pl examples/benchmarks -am package -DskipTests" >&2
        exit 2
    fi
    if [ ! -x /usr/bin/time ]; then
        echo "GNU time (/usr/bin/time) is needed for peak memory: apt-get install time" >&2
        exit 2
    fi
}

# app_works: the mne_anonymize application exists and is more than the placeholder
app_works() {
    [ -x "$app" ] && "$app" --version >/dev/null 2>&1
}

mne_works() {
    [ -x "$python" ] && "$python" -c 'import mne' >/dev/null 2>&1
}

# big_input: sets $in to the big raw file of $size made by $generator ("testkit": fiff-testkit's BigFile, 367
# channels; "bench": RawFileGenerator, 309 channels) in $work, and makes it the first time
big_input() {
    case $generator in
        testkit | bench) in=$work/${generator}_${size}_raw.fif ;;
        *) echo "unknown generator $generator: testkit or bench" >&2; exit 2 ;;
    esac
    if [ ! -f "$in" ]; then
        echo "generating $in ..."
        if [ "$generator" = testkit ]; then
            "$java_cmd" -Xmx64m -cp "$bench_jar" io.github.fiffkit.testkit.BigFile "$in" "$size" float32
        else
            "$java_cmd" -Xmx64m -cp "$bench_jar" io.github.fiffkit.bench.RawFileGenerator "$in" --size "$size"
        fi
    fi
}

# timed LABEL SYNC_TARGET COMMAND...: runs the command, then syncs SYNC_TARGET (a file, or every file of a
# folder; "-" for none), and records the wall time of both, the command's CPU time (user + system) and its
# peak RSS
# Lets the file system finish with what came before a run (deleting the last output: on a file system mounted
# with `discard`, its blocks are trimmed at the next journal commit), so that no run pays for the one before it.
settle() {
    sync
}

timed() {
    local label=$1 target=$2
    shift 2
    local t0 t1
    t0=$(date +%s%N)
    if ! /usr/bin/time -f '%M %U %S' -o "$work/rss.txt" "$@" >"$work/out.txt" 2>"$work/err.txt"; then
        echo "  $label FAILED:" >&2
        tail -5 "$work/err.txt" >&2
        return 1
    fi
    if [ "$target" = - ]; then
        :
    elif [ -d "$target" ]; then
        find "$target" -type f -exec sync -- {} +
    else
        sync -- "$target"
    fi
    t1=$(date +%s%N)
    local ms=$(((t1 - t0) / 1000000)) rss cpu
    rss=$(tail -1 "$work/rss.txt" | awk '{print $1}')
    cpu=$(tail -1 "$work/rss.txt" | awk '{printf "%d", ($2 + $3) * 1000}')
    printf '%s\t%s\t%s\t%s\n' "$label" "$ms" "$rss" "$cpu" >>"$results"
    awk -v l="$label" -v ms="$ms" -v rss="$rss" -v cpu="$cpu" \
        'BEGIN { printf "  %-34s %8.3f s  cpu %7.3f s  %7.1f MB\n", l, ms / 1000, cpu / 1000, rss / 1024 }'
}

# load: the load average (1, 5, 15 minutes), printed with the results: on a shared machine it says how far a
# run's wall times can be trusted
load() {
    cut -d ' ' -f 1-3 /proc/loadavg
}

# summary BASELINE_LABEL [OTHER_BASELINE...]: per label, the median wall time and its spread (fastest-slowest of
# the runs), the ratio of the median to each baseline's median (measured in the same run, in turns), the
# slowest run over the median, the median CPU time (user + system) and the peak RSS (max over runs)
summary() {
    local bases b
    bases=$(IFS=';'; echo "$*")
    echo
    echo "load average at the end: $(load)"
    local head="| what | runs | median (s) | min-max (s) |" rule="|---|---|---|---|"
    for b in "$@"; do
        head="$head x $b |"
        rule="$rule---|"
    done
    echo "$head slowest / median | median CPU (s) | peak RSS (MB) |"
    echo "$rule---|---|---|"
    awk -F '\t' -v bases="$bases" '
        { n[$1]++; t[$1, n[$1]] = $2; c[$1, n[$1]] = $4; if ($3 > rss[$1]) rss[$1] = $3
          if (!($1 in seen)) { seen[$1]; order[++k] = $1 } }
        function sorted(arr, l, a,    i, j, m, tmp) {
            m = n[l]; for (i = 1; i <= m; i++) a[i] = arr[l, i]
            for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (a[j] < a[i]) { tmp = a[i]; a[i] = a[j]; a[j] = tmp }
            return m
        }
        function median(arr, l,    a, m) {
            m = sorted(arr, l, a)
            return (m % 2) ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2
        }
        END {
            nb = split(bases, b, ";")
            for (j = 1; j <= nb; j++) bm[j] = median(t, b[j])
            for (i = 1; i <= k; i++) {
                l = order[i]; m = median(t, l); cnt = sorted(t, l, s)
                line = sprintf("| %s | %d | %.3f | %.3f-%.3f |", l, n[l], m / 1000, s[1] / 1000, s[cnt] / 1000)
                for (j = 1; j <= nb; j++) line = line sprintf(" %.2f |", bm[j] > 0 ? m / bm[j] : 0)
                printf "%s %.2f | %.3f | %.1f |\n", line, (m > 0 ? s[cnt] / m : 0), median(c, l) / 1000, rss[l] / 1024
            }
        }' "$results"
}
