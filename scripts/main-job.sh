#!/usr/bin/env bash
# The main job: builds the aurora-migrate command (cli/target/aurora-migrate-<version>/aurora-migrate) and the
# examples, then runs the near-zero-downtime example (io.github.auroramigrate.examples.nearzero.MainJob), which drives
# that command against two embedded servers - or against yours:
#   scripts/main-job.sh --source root@10.0.0.5 --target admin@mycluster... --schema shop
#   (passwords: AURORA_MIGRATE_SOURCE_PASSWORD / AURORA_MIGRATE_TARGET_PASSWORD, or --source-password-file FILE)
# The report is written to ./main-job-report/ (report.html, report.md, events.jsonl).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-os-deps.sh
exec bash scripts/example.sh nearzero.MainJob "$@"
