#!/usr/bin/env bash
# Installs the Debian packages the test suite uses. Idempotent and quiet when done.
# - php-cli: cross-checks that every PHP fixture (and every fixed file) is valid PHP;
# - php-cgi: runs fixed pages as concurrent web requests (rules/test/fix-runtime.test.ts);
# - neovim: a second real LSP client of the bundled server (server/test/neovim.test.ts);
# - chromium, fonts-liberation: the browser the code-server test drives with playwright-core;
# - libkrb5-dev, pkg-config, ripgrep: what code-server's install needs to build offline
#   (tools/install-code-server.sh).
set -euo pipefail

missing=()
need() { # need <command-or-file> <package>
  if ! command -v "$1" >/dev/null 2>&1 && [ ! -e "$1" ]; then missing+=("$2"); fi
}
need php php-cli
need php-cgi php-cgi
need nvim neovim
need chromium chromium
need /usr/share/fonts/truetype/liberation fonts-liberation
need /usr/include/gssapi/gssapi.h libkrb5-dev
need pkg-config pkg-config
need rg ripgrep
if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "session-lint: ${missing[*]} missing and this user cannot install them (run as root or install them)" >&2
    exit 1
  fi
fi
echo "session-lint: installing ${missing[*]} from Debian's packages" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
