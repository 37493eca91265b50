#!/usr/bin/env bash
# Takes a screenshot of an aurora-migrate HTML report in headless Chromium, as a person would see it (1280 px wide).
#   scripts/report-screenshot.sh [REPORT_HTML] [OUT_PNG]
# Defaults: main-job-report/report.html (written by scripts/main-job.sh) -> docs/images/main-job-report.png
set -euo pipefail
cd "$(dirname "$0")/.."
html=${1:-main-job-report/report.html}
png=${2:-docs/images/main-job-report.png}
[[ -f "$html" ]] || { echo "report-screenshot: $html does not exist (run scripts/main-job.sh first)" >&2; exit 2; }
command -v chromium >/dev/null 2>&1 || { echo "report-screenshot: install chromium (scripts/install-os-deps.sh)" >&2; exit 2; }
mkdir -p "$(dirname "$png")"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --disable-sync --no-first-run --hide-scrollbars --user-data-dir="$profile" --window-size=1280,${HEIGHT:-1900} \
  --screenshot="$PWD/$png" "file://$(cd "$(dirname "$html")" && pwd)/$(basename "$html")" >/dev/null 2>&1
echo "$png"
