#!/usr/bin/env bash
# The long fault suite: kill -9 of the loader at 60 random moments of a load (DDL, data, indexes, post-data objects),
# each resumed and compared with the source. Not part of scripts/test.sh (it takes about 15 minutes on 2 cores).
# Pass a seed to replay a run: scripts/faults.sh -Dkill.seed=12345
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-os-deps.sh
exec ./mvnw -B -ntp -Pfaults -pl core -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test='KillAnywhereIT,KillLoaderIT' "$@"
