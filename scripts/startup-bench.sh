#!/usr/bin/env bash
# Start-up of the aurora-migrate command (docs/benchmarks/startup.md): --version and a dump's time to first row, with
# and without the AppCDS archive made by bin/aurora-migrate-cds, against an embedded MySQL 8.0 server.
#   scripts/startup-bench.sh [RUNS]     (default 7; about a minute)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-os-deps.sh --server-only
./mvnw -B -ntp -q -pl cli -am package dependency:build-classpath -DskipTests -Dmaven.javadoc.skip=true \
  -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
exec java -cp "cli/target/test-classes:cli/target/classes:$(cat cli/target/test-classpath.txt)" \
  io.github.auroramigrate.cli.bench.StartupBench "cli/target/aurora-migrate-$version/aurora-migrate" "${1:-7}"
