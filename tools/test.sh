#!/usr/bin/env bash
# The whole test suite from a fresh clone: system packages, npm packages, build, tests.
# The last line of output is "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-system-deps.sh
npm ci --no-audit --no-fund --loglevel=error
npm test
