#!/bin/sh
# @TOOL@: FiffKit launcher (POSIX sh). Runs @MAIN_CLASS@ from mne-anonymize.jar.
#
# The jar is found relative to this script's real location, also when the script is called through a
# symbolic link: next to the bin folder (bin/../mne-anonymize.jar), in a lib folder beside it
# (bin/../lib/mne-anonymize.jar), or, in the installed package, in jpackage's app folder (lib/bin/../app, with
# the script in /opt/mne-anonymize/lib/bin). There the package's own runtime (lib/bin/../runtime) runs it.
#
# Environment:
#   JAVA_HOME          the Java (17 or newer) to run; without it, `java` on the PATH (the package's own runtime
#                      comes first)
#   FIFFKIT_JAVA_OPTS  extra JVM flags, split at white space, e.g. "-Xmx2g"
#   FIFFKIT_CDS        "off": do not use the class-data sharing archive mne-anonymize.jsa beside the jar
#   FIFFKIT_JVM_DEFAULTS  JVM flags put before FIFFKIT_JAVA_OPTS (default: the client compiler and the serial
#                      collector, for fast start-up); empty: the JVM's own defaults

tool=@TOOL@

# Follow symbolic links to the real script (at most 40, as a guard against a loop of links).
self=$0
hops=0
while [ -h "$self" ]; do
    hops=$((hops + 1))
    if [ "$hops" -gt 40 ]; then
        echo "$tool: too many symbolic links from $0" >&2
        exit 1
    fi
    if command -v readlink >/dev/null 2>&1; then
        link=$(readlink -- "$self")
    else
        link=$(ls -ld -- "$self")
        link=${link#* -> }
    fi
    case $link in
        /*) self=$link ;;
        *)
            case $self in
                */*) self=${self%/*}/$link ;;
                *) self=$link ;;
            esac
            ;;
    esac
done
case $self in
    */*) bin_dir=${self%/*} ;;
    *) bin_dir=. ;;
esac
bin_dir=$(cd -P -- "$bin_dir" && pwd -P) || exit 1
home_dir=${bin_dir%/*}

jar=
for candidate in "$home_dir/mne-anonymize.jar" "$home_dir/lib/mne-anonymize.jar" "$home_dir/app/mne-anonymize.jar"; do
    if [ -f "$candidate" ]; then
        jar=$candidate
        break
    fi
done
if [ -z "$jar" ]; then
    echo "$tool: cannot find mne-anonymize.jar in $home_dir, $home_dir/lib or $home_dir/app" >&2
    exit 1
fi

if [ -x "$home_dir/runtime/bin/java" ]; then
    # the package's runtime, which its class-data sharing archive was made with
    java_cmd=$home_dir/runtime/bin/java
elif [ -n "${JAVA_HOME:-}" ]; then
    java_cmd=$JAVA_HOME/bin/java
    if [ ! -x "$java_cmd" ]; then
        echo "$tool: JAVA_HOME is set to '$JAVA_HOME', but $java_cmd is not an executable Java" >&2
        exit 1
    fi
else
    java_cmd=java
    if ! command -v java >/dev/null 2>&1; then
        echo "$tool: no java on the PATH; install Java 17 or newer, or set JAVA_HOME" >&2
        exit 1
    fi
fi

# FIFFKIT_JAVA_OPTS is split at white space on purpose; no file name patterns are expanded in it.
set -f

# JVM defaults for a short-lived, I/O-bound tool: the client compiler only and the serial collector start faster
# and use less CPU (measured: a 1000-file batch 2.4 s instead of 2.9 s; docs/performance.md). FIFFKIT_JVM_DEFAULTS
# replaces them (empty: the JVM's own defaults); FIFFKIT_JAVA_OPTS comes after them, so its flags win.
jvm_defaults=${FIFFKIT_JVM_DEFAULTS--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}

# Class-data sharing: the build leaves next to the jar an archive of the classes a run loads
# (mne-anonymize.jsa), which makes the JVM start faster. The JVM checks it and ignores, silently, an archive
# that is stale or was made by another Java; FIFFKIT_CDS=off does without it. (A ':' in the path would split it.)
archive=${jar%.jar}.jsa
if [ -f "$archive" ] && [ "${FIFFKIT_CDS:-on}" != off ]; then
    case $archive in
        *:*) ;;
        *)
            # shellcheck disable=SC2086
            exec "$java_cmd" -XX:SharedArchiveFile="$archive" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off \
                $jvm_defaults ${FIFFKIT_JAVA_OPTS:-} -cp "$jar" @MAIN_CLASS@ "$@"
            ;;
    esac
fi
# shellcheck disable=SC2086
exec "$java_cmd" $jvm_defaults ${FIFFKIT_JAVA_OPTS:-} -cp "$jar" @MAIN_CLASS@ "$@"
