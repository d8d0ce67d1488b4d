#!/usr/bin/env bash
# Installs the Debian packages the test suite uses: php-cli, to cross-check that every
# PHP fixture (and, later, every fixed file) is valid PHP. Idempotent and quiet when done.
set -euo pipefail

if command -v php >/dev/null 2>&1; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "session-lint: php-cli is missing and this user cannot install it (run as root or install php-cli)" >&2
    exit 1
  fi
fi
echo "session-lint: installing php-cli from Debian's packages" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends php-cli >/dev/null
