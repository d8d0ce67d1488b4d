#!/usr/bin/env bash
# Installs code-server 4.100.3 (VS Code 1.100.3, the newest that runs on Node 20) into
# .cache/code-server/, for the real-editor test (client/test/code-server.test.ts).
# Idempotent: prints the path of the code-server launcher and returns at once when it is there.
# Offline apart from the npm registry: each workaround below replaces a download that fails
# (see the code-server recipe in the project's tooling notes).
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=4.100.3
DIR="$PWD/.cache/code-server"
BIN="$DIR/node_modules/.bin/code-server"
if [ -x "$BIN" ] && [ -f "$DIR/installed-$VERSION" ]; then
  echo "$BIN"
  exit 0
fi
bash tools/install-system-deps.sh # libkrb5-dev (kerberos builds), pkg-config, ripgrep
rm -rf "$DIR"
mkdir -p "$DIR/tmp"
# @vscode/ripgrep's postinstall downloads rg from GitHub: seed its cache with Debian's rg.
RG_CACHE="$DIR/tmp/vscode-ripgrep-cache-1.15.11"
mkdir -p "$RG_CACHE"
tar czf "$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$(command -v rg)")" rg
# Its own package.json, so the repository's .npmrc (ignore-scripts) does not apply: code-server
# needs its install scripts. unsafe-perm: its postinstall refuses root without it; yes: node-pty's
# postinstall runs `npx node-gyp`.
echo '{ "name": "session-lint-code-server", "private": true }' > "$DIR/package.json"
echo "session-lint: installing code-server $VERSION into $DIR (about 2 minutes, once)" >&2
(
  cd "$DIR"
  TMPDIR="$DIR/tmp" npm_config_yes=true npm_config_unsafe_perm=true npm_config_ignore_scripts=false \
    npm install "code-server@$VERSION" --no-audit --no-fund --loglevel=error --foreground-scripts >"$DIR/install.log" 2>&1
) || { echo "session-lint: code-server install failed; see $DIR/install.log" >&2; tail -20 "$DIR/install.log" >&2; exit 1; }
touch "$DIR/installed-$VERSION"
echo "$BIN"
