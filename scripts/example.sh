#!/usr/bin/env bash
# Runs one handbook example of the examples module, e.g.
#   scripts/example.sh withdowntime.DumpAndImport          # against embedded servers started for the run
#   scripts/example.sh withdowntime.DumpAndImport --source root@10.0.0.5 --target admin@aurora... --schema shop
# Examples: withdowntime.DumpAndImport, troubleshooting.DefinerError, flatfile.CsvExportImport,
# mydumper.ParallelImport, nearzero.MainJob (the README's main job; it runs the aurora-migrate command line).
# Builds what is needed first (quietly; no tests), then runs the example with plain java: its exit status is the
# example's, and a failure prints its own diagnosis, not Maven's.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ $# -lt 1 ]]; then
  sed -n '2,8p' "$0" >&2
  exit 2
fi
example=$1
shift
if [[ ! -f "examples/src/main/java/io/github/auroramigrate/examples/${example//./\/}.java" ]]; then
  echo "example.sh: no example named $example (see the list: sed -n 2,8p $0)" >&2
  exit 2
fi
command -v java >/dev/null 2>&1 || { echo "example.sh: install a JDK 17+ (Debian: apt-get install openjdk-17-jdk-headless)" >&2; exit 2; }
echo "Building the examples and the aurora-migrate distribution (a minute the first time) ..." >&2
./mvnw -B -ntp -q -pl examples -am package dependency:build-classpath -DskipTests -Dmaven.javadoc.skip=true \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime >&2
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
exec java -cp "examples/target/classes:$(cat examples/target/classpath.txt)" \
  -Daurora.migrate.cli="$PWD/cli/target/aurora-migrate-$version/aurora-migrate/bin/aurora-migrate" \
  -Daurora.migrate.report="$PWD/main-job-report" \
  "io.github.auroramigrate.examples.$example" "$@"
