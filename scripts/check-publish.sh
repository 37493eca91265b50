#!/usr/bin/env bash
# What a release publishes, checked: deploys the whole build (tests skipped) into a throw-away file repository
# instead of a remote one, without installing anything into ~/.m2 (whose snapshots other checkouts share), then
# checks that
#   - every published jar artifact comes with a -sources.jar and a -javadoc.jar (the javadoc built without errors),
#   - every jar of them (classes, sources, javadoc) holds META-INF/LICENSE and META-INF/NOTICE,
#   - the parent pom carries url, licenses, scm and developers, which every module inherits,
#   - the BOM is there, has the parent's version, and manages exactly the published jar artifacts (nothing else),
#   - examples and benchmarks are not published,
#   - Connector/J's protobuf dependency (X DevAPI only) does not reach users of core.
# Takes about two minutes; not part of scripts/test.sh or .ci/run. Usage: scripts/check-publish.sh [extra mvn args]
set -euo pipefail
cd "$(dirname "$0")/.."

repo=$(mktemp -d /tmp/am-repo.XXXXXX)
trap 'rm -rf "$repo"' EXIT
# dependency:list after each module's deploy: the runtime class path a user of that module gets
./mvnw -B -ntp -q deploy org.apache.maven.plugins:maven-dependency-plugin:3.8.1:list -DskipTests \
    -Dmaven.install.skip=true -DaltDeploymentRepository="local::file:$repo" \
    -DincludeScope=runtime -DoutputFile=target/runtime-dependencies.txt "$@"

failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok:   $*"; }

group="$repo/io/github/auroramigrate"
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
[ -d "$group" ] || { echo "FAIL: nothing deployed under $group"; exit 1; }

newest() { ls -1 "$1"/$2 2>/dev/null | sort | tail -1; }   # the latest timestamped snapshot file

published_jars=()
for dir in "$group"/*/; do
    artifact=$(basename "$dir")
    vdir="$dir$version"
    [ -d "$vdir" ] || { fail "$artifact: no version $version deployed"; continue; }
    main=$(ls -1 "$vdir"/*.jar 2>/dev/null | grep -v -e '-sources\.jar$' -e '-javadoc\.jar$' | sort | tail -1 || true)
    if [ -z "$main" ]; then
        ok "$artifact: pom only"
        continue
    fi
    published_jars+=("$artifact")
    sources=$(newest "$vdir" '*-sources.jar')
    javadoc=$(newest "$vdir" '*-javadoc.jar')
    [ -n "$sources" ] || fail "$artifact: no -sources.jar"
    [ -n "$javadoc" ] || fail "$artifact: no -javadoc.jar"
    for jar in "$main" $sources $javadoc; do
        entries=$(jar tf "$jar")
        for f in META-INF/LICENSE META-INF/NOTICE; do
            grep -qx "$f" <<<"$entries" || fail "$(basename "$jar"): no $f"
        done
    done
    if [ -n "$javadoc" ] && ! jar tf "$javadoc" | grep -qx 'index.html'; then
        fail "$(basename "$javadoc"): no index.html"
    fi
    ok "$artifact: jar, sources, javadoc, LICENSE and NOTICE in each"
done

for artifact in aurora-migrate-examples aurora-migrate-benchmarks; do
    if [ -e "$group/$artifact" ]; then fail "$artifact is published"; else ok "$artifact not published"; fi
done

parent=$(newest "$group/aurora-migrate-parent/$version" '*.pom')
if [ -z "$parent" ]; then
    fail "the parent pom is not published"
else
    for tag in url licenses scm developers; do
        grep -q "<$tag>" "$parent" || fail "parent pom: no <$tag>"
    done
    ok "parent pom: url, licenses, scm, developers"
fi

bom=$(newest "$group/aurora-migrate-bom/$version" '*.pom')
if [ -z "$bom" ]; then
    fail "the BOM is not published"
else
    bom_version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$bom" | head -1)
    [ "$bom_version" = "$version" ] || fail "BOM version $bom_version, parent $version"
    grep -q '^  <parent>' "$bom" && fail "the BOM has a parent: importing it would pin third-party versions"
    section=$(sed -n '/<dependencyManagement>/,/<\/dependencyManagement>/p' "$bom")
    managed=$(sed -n 's:.*<artifactId>\(.*\)</artifactId>.*:\1:p' <<<"$section" | sort -u)
    others=$(sed -n 's:.*<groupId>\(.*\)</groupId>.*:\1:p' <<<"$section" | grep -v -x io.github.auroramigrate || true)
    [ -z "$others" ] || fail "BOM manages other groups: $others"
    expected=$(printf '%s\n' "${published_jars[@]}" | sort -u)
    if [ "$managed" = "$expected" ]; then
        ok "BOM $version manages exactly: $(echo $managed)"
    else
        fail "BOM manages [$(echo $managed)], published jars are [$(echo $expected)]"
    fi
fi

deps=core/target/runtime-dependencies.txt
if [ -f "$deps" ] && grep -q 'mysql-connector-j' "$deps"; then
    if grep -q 'protobuf' "$deps"; then fail "core's runtime dependencies include protobuf"; else ok "core's runtime dependencies: Connector/J without protobuf"; fi
else
    fail "no list of core's runtime dependencies in $deps"
fi

if [ "$failures" -gt 0 ]; then
    echo "check-publish: $failures failure(s)"
    exit 1
fi
echo "check-publish: all checks passed (deployed to $repo, removed on exit)"
