#!/usr/bin/env bash
# The release checks, run by .ci/run. Without a key there is no signing; nothing is uploaded.
#
# 1. Bundle: builds the Maven Central publishing bundle with the documented release command
#    (docs/building-and-releasing.md, "Releasing") and checks what is inside: for every published module its POM
#    (flattened, with the metadata Central requires), jar, sources jar, Javadoc jar and their checksums; nothing
#    of the modules that are never published (the parent POM, examples/*).
# 2. Reproducible: a second clean build of the same sources, in another folder, gives the same jars byte for
#    byte (class jars, sources and Javadoc jars, the application's runnable jar), thanks to
#    project.build.outputTimestamp in the parent POM.
#
# The Central plugin bundles release versions only (it stages a SNAPSHOT for the snapshot repository instead),
# so the builds run in temporary copies of the working tree whose POMs carry the release form of the version
# (0.1.0-SNAPSHOT becomes 0.1.0). The working tree and the local repository (~/.m2) are left as they were.
#
# Usage: bash .ci/release-check.sh [--bundle-only | --reproducible-only] [--keep]
#   --keep: leave the temporary copies and print where they are
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$(pwd)"

published=(fiff-core fiff-testkit fiff-anonymize)
group_path="io/github/fiffkit"

keep=false
bundle=true
reproducible=true
for arg in "$@"; do
    case "$arg" in
        --keep) keep=true ;;
        --bundle-only) reproducible=false ;;
        --reproducible-only) bundle=false ;;
        *) echo "usage: bash .ci/release-check.sh [--bundle-only | --reproducible-only] [--keep]" >&2; exit 1 ;;
    esac
done

fail() {
    echo "release check: $*" >&2
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

# A copy of the sources as they are (committed or not), without build outputs and ignored files, with the
# release version.
copy() {
    mkdir -p "$1"
    git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do
        [ -e "$f" ] && printf '%s\0' "$f"
    done | (cd "$root" && xargs -0 cp --parents -t "$1")
    chmod +x "$1/mvnw"
    find "$1" -name pom.xml -print0 | xargs -0 sed -i "s|<version>${snapshot}</version>|<version>${version}</version>|"
}

# run DIR ARGS...: Maven in the copy DIR, its output in DIR.log
run() {
    local dir="$1"
    shift
    (cd "$dir" && ./mvnw "$@") > "$dir.log" 2>&1 \
        || { tail -n 60 "$dir.log" >&2; fail "the build in $dir failed: mvnw $*"; }
}

# both copies first, so that both builds see the same sources even when the working tree changes meanwhile
a="$work/a"
b="$work/b"
copy "$a"
$reproducible && copy "$b"
if $bundle; then
    # The documented release command, with the upload skipped. Not -o: the plugin skips itself in offline
    # mode; with everything in ~/.m2 and no upload it downloads nothing.
    run "$a" -Prelease -DskipTests -Dcentral.skipUpload=true deploy
else
    run "$a" -o -Prelease -DskipTests package
fi

if $bundle; then
    bundle_zip="$a/target/central-publishing/central-bundle.zip"
    [ -f "$bundle_zip" ] || { tail -n 30 "$a.log" >&2; fail "no bundle at target/central-publishing/central-bundle.zip"; }

    listing="$(unzip -Z1 "$bundle_zip" | sort)"
    extract="$work/bundle"
    mkdir -p "$extract"
    unzip -q "$bundle_zip" -d "$extract"

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
        # (listings in variables: a grep -q that ends a pipe early fails the pipe under pipefail)
        classes="$(unzip -Z1 "$dir/$m-$version.jar")"
        sources="$(unzip -Z1 "$dir/$m-$version-sources.jar")"
        javadoc="$(unzip -Z1 "$dir/$m-$version-javadoc.jar")"
        grep -q '^module-info\.class$' <<< "$classes" || fail "$m jar: no module-info.class"
        [ "$(grep -c '\.class$' <<< "$classes")" -gt 1 ] || fail "$m jar: no classes"
        grep -q '\.java$' <<< "$sources" || fail "$m sources jar: no sources"
        grep -q '^index\.html$' <<< "$javadoc" || fail "$m Javadoc jar: no index.html"
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
fi

if $reproducible; then
    run "$b" -o -Prelease -DskipTests package

    jars_in() {
        (cd "$1" && find . -path '*/target/*' -name '*.jar' -not -path '*/target/*/*' | sort)
    }
    jars="$(jars_in "$a")"
    [ -n "$jars" ] || fail "the build made no jar"
    [ "$jars" = "$(jars_in "$b")" ] || fail "the two builds made different sets of jars"
    differ=0
    count=0
    while IFS= read -r jar; do
        count=$((count + 1))
        if ! cmp -s "$a/$jar" "$b/$jar"; then
            echo "differs: ${jar#./}" >&2
            differ=$((differ + 1))
        fi
    done <<< "$jars"
    [ "$differ" -eq 0 ] || fail "$differ of $count jars differ between two clean builds"
    echo "reproducible OK: $count jars identical in two clean builds:" $(echo "$jars" | sed 's|.*/||')
fi
