#!/usr/bin/env bash
# The main job: starts embedded servers and runs io.github.auroramigrate.examples.MainJob.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-os-deps.sh
exec ./mvnw -B -ntp -q -Pmain-job -pl examples -am verify -DskipTests "$@"
