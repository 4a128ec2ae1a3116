#!/usr/bin/env bash
# Builds the Maven Central publishing bundle the way a release does, without uploading it and without signing
# (no key here), and checks what is inside: for every published module its POM (flattened, with the metadata
# Central requires), jar, sources jar, Javadoc jar and their checksums; nothing of the modules that are never
# published.
#
# The Central plugin bundles release versions only (it stages a SNAPSHOT for the snapshot repository instead),
# so the build runs in a temporary copy of the working tree whose POMs carry the release form of the version
# (0.1.0-SNAPSHOT becomes 0.1.0). The working tree and the local repository (~/.m2) are left as they were.
#
# Usage: bash .ci/release-bundle.sh [--keep]   (--keep: leave the copy and print where it is)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$(pwd)"

published=(fiff-core fiff-testkit fiff-anonymize)
group_path="io/github/fiffkit"

keep=false
[ "${1:-}" = "--keep" ] && keep=true

fail() {
    echo "release bundle: $*" >&2
    exit 1
}

snapshot="$(sed -n 's|^  <version>\(.*\)</version>$|\1|p' pom.xml | head -n 1)"
[ -n "$snapshot" ] || fail "no <version> in pom.xml"
version="${snapshot%-SNAPSHOT}"

work="$(mktemp -d)"
if $keep; then
    echo "copy kept in $work"
else
    trap 'rm -rf "$work"' EXIT
fi

# The sources as they are (committed or not), without build outputs and ignored files.
git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do
    [ -e "$f" ] && printf '%s\0' "$f"
done | (cd "$root" && xargs -0 cp --parents -t "$work")
chmod +x "$work/mvnw"
find "$work" -name pom.xml -print0 | xargs -0 sed -i "s|<version>${snapshot}</version>|<version>${version}</version>|"

# The documented release command (README "Releasing"), with the upload skipped. Not -o: the plugin skips
# itself in offline mode; with everything in ~/.m2 and no upload it downloads nothing.
(cd "$work" && ./mvnw ${MAVEN_ARGS:-} -Prelease -DskipTests -Dcentral.skipUpload=true deploy) \
    > "$work/build.log" 2>&1 || { tail -n 60 "$work/build.log" >&2; fail "the release build failed"; }

bundle="$work/target/central-publishing/central-bundle.zip"
[ -f "$bundle" ] || { tail -n 30 "$work/build.log" >&2; fail "no bundle at target/central-publishing/central-bundle.zip"; }

listing="$(unzip -Z1 "$bundle" | sort)"
extract="$work/bundle"
mkdir -p "$extract"
unzip -q "$bundle" -d "$extract"

expected=""
for m in "${published[@]}"; do
    dir="$group_path/$m/$version"
    for file in "$m-$version.pom" "$m-$version.jar" "$m-$version-sources.jar" "$m-$version-javadoc.jar"; do
        expected+="$dir/$file"$'\n'
        for sum in md5 sha1 sha256 sha512; do
            expected+="$dir/$file.$sum"$'\n'
        done
    done
done
expected="$(printf '%s' "$expected" | sort)"

if [ "$listing" != "$expected" ]; then
    echo "--- expected" >&2; echo "$expected" >&2
    echo "--- found" >&2; echo "$listing" >&2
    diff <(echo "$expected") <(echo "$listing") >&2 || true
    fail "the bundle does not hold exactly the published modules' files"
fi

for m in "${published[@]}"; do
    dir="$extract/$group_path/$m/$version"
    # checksums match their files
    for f in "$dir"/*.pom "$dir"/*.jar; do
        [ "$(cat "$f.md5")" = "$(md5sum < "$f" | cut -d' ' -f1)" ] || fail "bad MD5 for ${f#"$extract"/}"
        [ "$(cat "$f.sha1")" = "$(sha1sum < "$f" | cut -d' ' -f1)" ] || fail "bad SHA-1 for ${f#"$extract"/}"
        [ "$(cat "$f.sha256")" = "$(sha256sum < "$f" | cut -d' ' -f1)" ] || fail "bad SHA-256 for ${f#"$extract"/}"
        [ "$(cat "$f.sha512")" = "$(sha512sum < "$f" | cut -d' ' -f1)" ] || fail "bad SHA-512 for ${f#"$extract"/}"
    done
    # the jars hold what they say
    unzip -Z1 "$dir/$m-$version.jar" | grep -q '^module-info\.class$' || fail "$m jar: no module-info.class"
    unzip -Z1 "$dir/$m-$version.jar" | grep -q '\.class$' || fail "$m jar: no classes"
    unzip -Z1 "$dir/$m-$version-sources.jar" | grep -q '\.java$' || fail "$m sources jar: no sources"
    unzip -Z1 "$dir/$m-$version-javadoc.jar" | grep -q '^index\.html$' || fail "$m Javadoc jar: no index.html"
    # the POM stands alone and carries what Central requires
    pom="$dir/$m-$version.pom"
    for element in name description url licenses developers scm; do
        grep -Eq "<$element[ >]" "$pom" || fail "$m POM: no <$element>"
    done
    grep -q "<parent>" "$pom" && fail "$m POM: refers to a parent POM that is not published"
    grep -q -- "-SNAPSHOT" "$pom" && fail "$m POM: names a SNAPSHOT"
    grep -q '\${' "$pom" && fail "$m POM: holds an unresolved \${...}"
    grep -q "<url>https://github.com/fiffkit/fiffkit</url>" "$pom" || fail "$m POM: the url is not the repository's"
done

for m in "${published[@]}"; do
    [ -e "$HOME/.m2/repository/$group_path/$m/$version" ] && fail "the build installed $m $version into ~/.m2"
done

echo "release bundle OK: $(echo "$listing" | wc -l) files for ${published[*]} $version (unsigned: no key)"
