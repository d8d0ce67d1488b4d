#!/usr/bin/env bash
# From a fresh clone: install, build, and run session-lint over the example app.
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund --loglevel=error
npm run build --silent
# Exit code 1 means "findings found", which is the point of the example.
node cli/out/session-lint.js check examples/ || [ $? -eq 1 ]
