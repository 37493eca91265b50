#!/usr/bin/env bash
# The benchmarks of issue #7: aurora-migrate's dump, load and copy side by side with mydumper/myloader and
# mariadb-dump/mariadb, and with the server's own ceilings (SELECT INTO OUTFILE, LOAD DATA INFILE), on a generated
# dataset held by two private MySQL 8.0.31 servers. Not part of the test suite.
#   scripts/bench.sh [--rows N] [--reps N] [--suites dump,load,load-big,copy,memory,s3-dump,s3-load] [--out DIR] [--jfr] [--help]
# Results (results.md, results.csv, ratios.png) go to build-output/bench/<timestamp>/ unless --out is given.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-os-deps.sh                    # libaio1, mydumper/myloader, mariadb-client, percona-toolkit
if [[ ! -x /usr/bin/time ]]; then                  # GNU time measures every tool's peak RSS the same way
  SUDO=(); [[ "$(id -u)" -ne 0 ]] && SUDO=(sudo -n)
  ${SUDO[@]+"${SUDO[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
fi
./mvnw -B -ntp -q -pl benchmarks -am package -DskipTests
exec java -Xmx1g -Ds3mock.jar=benchmarks/target/s3mock/s3mock.jar -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
  io.github.auroramigrate.benchmarks.BenchMain --command "scripts/bench.sh${*:+ $*}" "$@"
