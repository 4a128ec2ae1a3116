#!/usr/bin/env bash
# The Debian package's round trip, run by .ci/run after `./mvnw -Pjpackage ... package` made it (see
# docs/building-and-releasing.md, "The Debian package"): installs the package with dpkg, uses both installed commands
# on the sample, opens the window once under Xvfb (screenshot kept in examples/mne-anonymize/target/package-check/),
# removes the package and checks that nothing of it is left on the PATH, in the man pages or under /opt. Changes
# the system (dpkg -i): for CI machines, or a developer's own machine when wanted. Needs root or sudo, and xvfb,
# xauth, x11-utils, x11-apps and netpbm (for the window) plus the package's dependencies, which .ci/run installs.
#
# Usage: bash .ci/package-check.sh PACKAGE.deb
set -euo pipefail

# Run under xvfb-run by the check below: opens the installed window on the sample, saves a screenshot of it and
# checks the window's class (the desktop entry's StartupWMClass, which lets a desktop give the window its icon).
if [ "${1:-}" = --window ]; then
    png="$2"
    sample="$3"
    mne_anonymize -i "$sample" >"${png%.png}.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 120); do
        if xwininfo -name mne_anonymize >/dev/null 2>&1; then
            break
        fi
        kill -0 "$pid" 2>/dev/null || { cat "${png%.png}.log" >&2; echo "the window's process ended" >&2; exit 1; }
        sleep 0.5
    done
    xwininfo -name mne_anonymize >/dev/null 2>&1 || { kill "$pid"; echo "no window after 60 s" >&2; exit 1; }
    sleep 2   # let it paint
    xwd -name mne_anonymize -silent > "${png%.png}.xwd"
    xwdtopnm "${png%.png}.xwd" 2>/dev/null | pnmtopng > "$png"
    rm -f "${png%.png}.xwd"
    wm_class="$(xprop -name mne_anonymize WM_CLASS)"
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    echo "window: $wm_class"
    grep -q '"io-github-fiffkit-app-cli-MneAnonymize"' <<< "$wm_class" \
        || { echo "the window's class is not the desktop entry's StartupWMClass" >&2; exit 1; }
    exit 0
fi

cd "$(dirname "${BASH_SOURCE[0]}")/.."
deb="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
[ -f "$deb" ] || { echo "usage: bash .ci/package-check.sh PACKAGE.deb" >&2; exit 2; }

fail() {
    echo "package check: $*" >&2
    exit 1
}

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
fi
tools=(mne_anonymize fiff-dump)
package="$(dpkg-deb -f "$deb" Package)"
snapshot="$(sed -n 's|^  <version>\(.*\)</version>$|\1|p' pom.xml | head -n 1)"
sample="$(pwd)/examples/mne-anonymize/sample/sample_raw.fif"
his="NIC-1984-0229-AL"   # the sample's invented hospital id
out="$(pwd)/examples/mne-anonymize/target/package-check"
rm -rf "$out"
mkdir -p "$out"

# Self-contained: the package brings its Java; it depends on system libraries only (X11, fonts, sound, xdg-utils).
depends="$(dpkg-deb -f "$deb" Depends)"
echo "Depends: $depends"
if grep -Eiq 'jdk|jre|java' <<< "$depends"; then
    fail "the package depends on a system Java: $depends"
fi
echo "package: ${deb##*/}, $(( $(wc -c < "$deb") / 1024 )) KiB"

# a package left installed by an earlier, interrupted check goes first
if dpkg-query -W -f '${Status}' "$package" 2>/dev/null | grep -q installed; then
    echo "removing the $package installed before this check"
    $sudo dpkg -P "$package"
fi
for tool in "${tools[@]}"; do
    if [ -e "/usr/bin/$tool" ]; then
        fail "/usr/bin/$tool exists before the installation"
    fi
done

# The menu: postinst registers the window's desktop entry with xdg-desktop-menu, which needs a menu folder that a
# server has not; dpkg hands its environment to the package's scripts, so the menu goes to folders of the check's.
menu_env=(XDG_CONFIG_DIRS="$out/xdg/config" XDG_DATA_DIRS="$out/xdg/data")
mkdir -p "$out/xdg/config/menus" "$out/xdg/data/applications" "$out/xdg/data/desktop-directories"
entry="$out/xdg/data/applications/$package-mne_anonymize.desktop"

installed=false
cleanup() {
    if $installed; then
        $sudo env "${menu_env[@]}" dpkg -P "$package" >/dev/null 2>&1 || true
    fi
}
trap cleanup EXIT

$sudo env "${menu_env[@]}" dpkg -i "$deb"
installed=true

[ -f "$entry" ] || fail "postinst registered no menu entry ($entry)"
icon="$(sed -n 's/^Icon=//p' "$entry")"
launcher="$(sed -n 's/^Exec=//p' "$entry")"
[ -f "$icon" ] && [ -x "$launcher" ] || fail "the menu entry's icon '$icon' or command '$launcher' is missing"
grep -qx 'NoDisplay=true' "$out/xdg/data/applications/$package-fiff-dump.desktop" \
    || fail "fiff-dump, a terminal command, is shown in the menu"
echo "menu entry: $(grep -E '^(Name|Exec|Icon|Categories)=' "$entry" | tr '\n' ' ')"

for tool in "${tools[@]}"; do
    [ "$(command -v "$tool")" = "/usr/bin/$tool" ] || fail "$tool is not /usr/bin/$tool on the PATH"
    zcat "/usr/share/man/man1/$tool.1.gz" | grep -q '^\.TH' || fail "no man page /usr/share/man/man1/$tool.1.gz"
done
version="$(mne_anonymize --version)"
echo "installed: $version"
[ "$version" = "mne_anonymize (FiffKit) $snapshot" ] || fail "mne_anonymize --version says '$version', not $snapshot"
# jpackage's native launcher too (the PATH has the POSIX one; see docs/building-and-releasing.md)
native="$("/opt/$package/bin/mne_anonymize" --version)"
[ "$native" = "$version" ] || fail "/opt/$package/bin/mne_anonymize --version says '$native'"

# the class-data sharing archive made by postinst, used by the installed command
[ -f /opt/"$package"/lib/app/mne-anonymize.jsa ] || fail "postinst made no class-data sharing archive"
# (the launcher reads no JDK_JAVA_OPTIONS; the JVM itself reads JAVA_TOOL_OPTIONS)
loaded="$(JAVA_TOOL_OPTIONS="-Xlog:class+load=info" mne_anonymize --version 2>/dev/null)"
grep -q '^\[.*io\.github\.fiffkit\.app\.cli\.MneAnonymize source: shared objects file' <<< "$loaded" \
    || fail "the installed mne_anonymize does not load its classes from the class-data sharing archive"
echo "class-data sharing: $(grep -c 'source: shared objects file' <<< "$loaded") classes from the archive"

# An upgrade (here: the same package installed again, which runs prerm upgrade and postinst configure) keeps the
# administrator's choice of alternative, the commands, the menu entry and the archive
$sudo update-alternatives --set mne_anonymize "/opt/$package/lib/bin/mne_anonymize" >/dev/null
$sudo env "${menu_env[@]}" dpkg -i "$deb" >/dev/null
update-alternatives --query mne_anonymize | grep -qx 'Status: manual' \
    || fail "installing over the package reset the administrator's choice of alternative for mne_anonymize"
for tool in "${tools[@]}"; do
    [ -x "/usr/bin/$tool" ] || fail "/usr/bin/$tool is gone after installing over the package"
done
[ -f "$entry" ] || fail "the menu entry is gone after installing over the package"
[ -f /opt/"$package"/lib/app/mne-anonymize.jsa ] || fail "no class-data sharing archive after installing over the package"
echo "installed over itself: alternatives (manual), commands, menu entry and archive kept"

# the installed commands at work, in a folder of their own
(
    cd "$out"
    mne_anonymize --no-gui -v -i "$sample" -o sample_anonymized_raw.fif > anonymize.log
    fiff-dump "$sample" > sample_raw.dump
    fiff-dump sample_anonymized_raw.fif > sample_anonymized_raw.dump
)
grep -q "$his" "$out/sample_raw.dump" || fail "fiff-dump does not show the sample's hospital id"
if grep -q "$his" "$out/sample_anonymized_raw.dump"; then
    fail "the installed mne_anonymize left the hospital id"
fi
echo "anonymized with the installed command: $(grep -c . "$out/sample_anonymized_raw.dump") lines of fiff-dump"

# the window, once, on a virtual display (HOME apart: the window remembers its last folder)
HOME="$out" xvfb-run -a -s "-screen 0 1280x800x24" bash "$(pwd)/.ci/package-check.sh" --window \
    "$out/window.png" "$sample"
[ "$(wc -c < "$out/window.png")" -gt 5000 ] || fail "the screenshot $out/window.png is empty"
echo "screenshot: $out/window.png"

$sudo env "${menu_env[@]}" dpkg -r "$package"
installed=false
for left in "$entry" "$out/xdg/data/applications/$package-fiff-dump.desktop"; do
    [ -e "$left" ] && fail "the menu entry $left is left after dpkg -r"
done
for tool in "${tools[@]}"; do
    hash -r
    if command -v "$tool" >/dev/null; then
        fail "$tool is still on the PATH after dpkg -r: $(command -v "$tool")"
    fi
    for left in "/usr/bin/$tool" "/etc/alternatives/$tool" "/usr/share/man/man1/$tool.1.gz"; do
        if [ -e "$left" ] || [ -L "$left" ]; then
            fail "$left is left after dpkg -r"
        fi
    done
done
if [ -e "/opt/$package" ]; then
    fail "/opt/$package is left after dpkg -r: $(find "/opt/$package" | head -n 5)"
fi
$sudo dpkg -P "$package" >/dev/null
echo "package round trip OK: installed, used, removed"
