#!/usr/bin/env bash
# The long fault suite: kill -9 of the loader at 60 random moments of a load (DDL, data, indexes, post-data objects),
# each resumed and compared with the source; and kill -9 of a migration plan's JVM 40 times (every step boundary and
# random moments inside long steps and the rollback), each rerun ending equal. Not part of scripts/test.sh (about 30
# minutes on 2 cores).
# Pass a seed to replay a run: scripts/faults.sh -Dkill.seed=12345
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-os-deps.sh
exec ./mvnw -B -ntp -Pfaults -pl core,plan -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
    -Dfailsafe.failIfNoSpecifiedTests=false -Dmaven.javadoc.skip=true -Dit.test='KillAnywhereIT,KillLoaderIT,PlanKillIT' "$@"
