#!/usr/bin/env bash
# Builds the self-contained mne_anonymize: an application image with its own Java runtime, trimmed by jlink to the
# modules the application needs (jdeps tells which), and from it a native package (a Debian package on Linux).
# The Maven profile `jpackage` of examples/mne-anonymize runs it after `package` (see
# docs/building-and-releasing.md); it can also run alone after a build that made target/mne-anonymize.jar.
#
# Output, in examples/mne-anonymize/target/jpackage/:
#   runtime/                  the jlink runtime (java.base, java.desktop, ... as jdeps found them)
#   image/mne_anonymize/      the application image: bin/ (jpackage's native launchers), lib/bin/ (the POSIX
#                             launchers of target/bin), lib/app, lib/runtime
#                             (and for deb: lib/man/man1, the man pages made from picocli's help)
#   mne-anonymize_<version>-1_amd64.deb   (or the package of --type)
#   sizes.txt                 sizes of the runtime, the image and the package
#
# Needs a JDK 17+ with jmods (JAVA_HOME, else the one on the PATH), and for deb: fakeroot and dpkg-dev (jpackage
# calls dpkg-deb, and dpkg -S on what ldd finds to name the packages it depends on; objdump, from binutils, which
# dpkg-dev brings, finds the glibc version they need), asciidoctor (adoc -> man page) and
# picocli-codegen's jar (--codegen; the Maven profile fetches it). Windows (exe, msi) and macOS (dmg, pkg) use the
# same script in a POSIX shell on those systems; those packages are untested (no such machine in CI).
#
# Usage: jpackage.sh --version VERSION [--type deb|app-image|rpm|exe|msi|dmg|pkg] [--codegen picocli-codegen.jar]
set -euo pipefail

module="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
root="$(cd "$module/../.." && pwd)"
target="$module/target"
out="$target/jpackage"
jar="$target/mne-anonymize.jar"

version=""
codegen=""
case "$(uname -s)" in
    Linux) type=deb ;;
    Darwin) type=dmg ;;
    *) type=msi ;;
esac
while [ $# -gt 0 ]; do
    case "$1" in
        --version) version="$2"; shift 2 ;;
        --type) type="$2"; shift 2 ;;
        --codegen) codegen="$2"; shift 2 ;;
        *) echo "usage: jpackage.sh --version VERSION [--type TYPE] [--codegen picocli-codegen.jar]" >&2; exit 2 ;;
    esac
done

fail() {
    echo "jpackage.sh: $*" >&2
    exit 1
}

[ -n "$version" ] || fail "no --version (the Maven profile passes the project's version)"
[ -f "$jar" ] || fail "no $jar: build the module first (./mvnw -DskipTests package -pl examples/mne-anonymize -am)"

tool() {
    if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/$1" ]; then
        echo "$JAVA_HOME/bin/$1"
    elif command -v "$1" >/dev/null; then
        command -v "$1"
    else
        fail "no $1: set JAVA_HOME to a JDK 17 or newer"
    fi
}
java="$(tool java)"
jdeps="$(tool jdeps)"
jlink="$(tool jlink)"
jpackage="$(tool jpackage)"

name=mne_anonymize
package_name=mne-anonymize
main_class=io.github.fiffkit.app.cli.MneAnonymize
install_parent=/opt
app_dir="$install_parent/$package_name"
description="mne_anonymize and fiff-dump: remove the personal health information from MEG/EEG FIFF files (command line and desktop window), with their own Java runtime"
vendor="The FiffKit developers"
homepage="https://github.com/fiffkit/fiffkit"
# The project has no mail address; Debian's Maintainer field names the issue tracker instead.
# Give a real address with FIFFKIT_DEB_MAINTAINER=someone@example.org when there is one.
maintainer="${FIFFKIT_DEB_MAINTAINER:-$homepage/issues}"

# jpackage wants a plain version on Windows and macOS; Debian orders 0.1.0~SNAPSHOT before 0.1.0, as Maven does.
case "$type" in
    deb) package_version="${version/-SNAPSHOT/~SNAPSHOT}" ;;
    *) package_version="${version%-SNAPSHOT}" ;;
esac

rm -rf "$out"
mkdir -p "$out/input" "$out/resources" "$out/work"
cp "$jar" "$out/input/"

# 1. the modules the application needs, and a runtime of only those
modules="$("$jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 "$jar")"
echo "jdeps: $modules"
"$jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 --output "$out/runtime"

# 2. the application image, with both commands. The launchers' JVM flags are those of target/bin's launchers
# (docs/performance.md): the client compiler and the serial collector, and the class-data sharing archive, which
# the deb's postinst makes next to the jar ($APPDIR is lib/app); without it the JVM starts without one, silently.
jvm_options='-XX:SharedArchiveFile=$APPDIR/mne-anonymize.jsa -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off -XX:TieredStopAtLevel=1 -XX:+UseSerialGC'
cat > "$out/work/fiff-dump.properties" <<EOF
main-class=io.github.fiffkit.app.dump.FiffDump
java-options=$jvm_options
EOF
case "$type" in
    exe|msi) echo "win-console=true" >> "$out/work/fiff-dump.properties" ;;
esac
icon_args=()
if [ "$type" = deb ] || [ "$type" = rpm ] || [ "$type" = app-image ]; then
    # the same drawing as the window's icon (AppIcon); Windows and macOS would need .ico and .icns files
    "$java" -Djava.awt.headless=true -cp "$jar" io.github.fiffkit.app.gui.AppIcon "$out/resources/$name.png" 128
    icon_args=(--icon "$out/resources/$name.png")
fi
platform_args=()
case "$type" in
    exe|msi) platform_args=(--win-console --win-menu --win-menu-group FiffKit --win-dir-chooser) ;;
    dmg|pkg) platform_args=(--mac-package-identifier io.github.fiffkit.mne-anonymize --mac-package-name mne_anonymize) ;;
esac
"$jpackage" --type app-image --dest "$out/image" --name "$name" --app-version "$package_version" \
    --vendor "$vendor" --description "$description" --copyright "Copyright (c) 2026, $vendor. BSD-3-Clause" \
    --input "$out/input" --main-jar mne-anonymize.jar --main-class "$main_class" \
    --runtime-image "$out/runtime" --java-options "$jvm_options" \
    --add-launcher "fiff-dump=$out/work/fiff-dump.properties" ${icon_args[@]+"${icon_args[@]}"} \
    ${platform_args[@]+"${platform_args[@]}"}
image="$out/image/$name"
[ -d "$image" ] || image="$out/image/$name.app/Contents"   # macOS
app="$image/lib/app"
[ -d "$app" ] || app="$image/app"                             # Windows and macOS
runtime_java="$image/lib/runtime/bin/java"
[ -x "$runtime_java" ] || runtime_java="$image/runtime/bin/java"

# The commands on the PATH are the POSIX launchers of target/bin, in lib/bin: they find lib/app's jar and
# lib/runtime's java. jpackage 17's native launchers (bin/) ask rpm and dpkg which package owns them at every
# start (about 0.3 s; docs/building-and-releasing.md), so the package uses them only where no shell is.
if [ -d "$image/lib/app" ]; then
    mkdir -p "$image/lib/bin"
    cp "$target/bin/mne_anonymize" "$target/bin/fiff-dump" "$image/lib/bin/"
    chmod 755 "$image/lib/bin/"*
fi

# 3. the classes one run loads (the sample, anonymized), from which postinst makes the class-data sharing archive
# (the same training run as target/mne-anonymize.jsa's, with the image's runtime)
"$runtime_java" -Xshare:off -XX:DumpLoadedClassList="$app/classes.lst" -cp "$app/mne-anonymize.jar" "$main_class" \
    --no-gui --silent -i "$module/sample/sample_raw.fif" -o "$out/work/sample_anonymized_raw.fif"
[ -s "$app/classes.lst" ] || fail "the training run left no class list"
# the list makes a usable archive (checked here against the image's own paths, then thrown away)
"$runtime_java" -Xshare:dump -Xlog:cds=off -XX:SharedClassListFile="$app/classes.lst" \
    -XX:SharedArchiveFile="$out/work/check.jsa" -cp "$app/mne-anonymize.jar" >/dev/null
"$runtime_java" -Xshare:on -XX:SharedArchiveFile="$out/work/check.jsa" -cp "$app/mne-anonymize.jar" "$main_class" \
    --version >/dev/null || fail "the class-data sharing archive made from classes.lst does not load"

if [ "$type" = app-image ]; then
    :
elif [ "$type" = deb ]; then
    # 4. man pages from picocli's help: picocli-codegen writes AsciiDoc, asciidoctor turns it into roff
    [ -f "$codegen" ] || fail "no picocli-codegen jar (--codegen); the Maven profile jpackage fetches it"
    command -v asciidoctor >/dev/null || fail "no asciidoctor (Debian: apt-get install asciidoctor)"
    command -v fakeroot >/dev/null && command -v dpkg-deb >/dev/null \
        || fail "no fakeroot or dpkg-deb (Debian: apt-get install fakeroot dpkg-dev)"
    "$java" -cp "$codegen:$jar" picocli.codegen.docgen.manpage.ManPageGenerator -d "$out/work/man" \
        "$main_class" io.github.fiffkit.app.dump.FiffDump
    mkdir -p "$image/lib/man/man1"
    for page in mne_anonymize fiff-dump; do
        asciidoctor -b manpage -d manpage -a manmanual=FiffKit -a mansource="FiffKit $version" \
            -o "$out/work/man/$page.1" "$out/work/man/$page.adoc"
        gzip -9n < "$out/work/man/$page.1" > "$image/lib/man/man1/$page.1.gz"
    done

    # 5. the package: postinst and prerm put the commands on the PATH (jpackage 17 installs under /opt only).
    # jpackage 17 gives every launcher a desktop entry (it ignores linux-shortcut=false for an added launcher):
    # fiff-dump's says NoDisplay, so menus do not show a terminal command.
    for f in postinst prerm mne_anonymize.desktop fiff-dump.desktop; do
        sed "s|@APP_DIR@|$app_dir|g" "$module/src/package/linux/$f" > "$out/resources/$f"
    done
    chmod 755 "$out/resources/postinst" "$out/resources/prerm"
    # jpackage 17 names the packages of the libraries the image links to (ldd, dpkg -S) without versions; the
    # runtime built here needs the glibc it was built against (or newer), which its ELF files' symbol versions say
    command -v objdump >/dev/null || fail "no objdump (Debian: apt-get install binutils)"
    glibc="$(find "$image" -type f \( -name '*.so' -o -perm -u+x \) -exec objdump -T {} + 2>/dev/null \
        | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/^GLIBC_//' | sort -uV | tail -n 1 || true)"
    [ -n "$glibc" ] || fail "found no glibc symbol version in the image's libraries"
    "$jpackage" --type deb --dest "$out" --app-image "$image" --name "$name" --app-version "$package_version" \
        --linux-package-deps "libc6 (>= $glibc)" \
        --vendor "$vendor" --description "$description" --about-url "$homepage" \
        --license-file "$root/LICENSE" --resource-dir "$out/resources" --install-dir "$install_parent" \
        --linux-package-name "$package_name" --linux-deb-maintainer "$maintainer" --linux-app-category science \
        --linux-menu-group "Science;MedicalSoftware;" --linux-shortcut
else
    "$jpackage" --type "$type" --dest "$out" --app-image "$out/image/$name"* --name "$name" \
        --app-version "$package_version" --vendor "$vendor" --description "$description" \
        --about-url "$homepage" --license-file "$root/LICENSE" ${platform_args[@]+"${platform_args[@]}"}
fi

{
    echo "modules: $modules"
    echo "runtime: $(du -sk "$out/runtime" | cut -f1) KiB"
    echo "image: $(du -sk "$out/image" | cut -f1) KiB"
    for p in "$out"/*.deb "$out"/*.rpm "$out"/*.msi "$out"/*.exe "$out"/*.dmg "$out"/*.pkg; do
        if [ -f "$p" ]; then
            echo "package: ${p##*/} $(( $(wc -c < "$p") / 1024 )) KiB"
        fi
    done
} | tee "$out/sizes.txt"
