#!/usr/bin/env bash
# The whole test suite: unit tests (surefire) and integration tests against real MySQL 8.0.31, MySQL 5.7.22
# and MariaDB 11.4.5 servers (failsafe). Installs what the OS needs first (libaio1 and the peer tools).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-os-deps.sh
# javadoc jars cost a minute here and are checked by scripts/check-publish.sh; `mvn install`/`deploy` build them
exec ./mvnw -B -ntp verify -Dmaven.javadoc.skip=true "$@"
