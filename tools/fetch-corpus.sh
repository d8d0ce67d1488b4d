#!/usr/bin/env bash
# Downloads the PHP code of real projects from Debian's packages into corpus/ (gitignored),
# for the precision review in docs/corpus-review.md:
#   corpus/wordpress, corpus/mediawiki, corpus/mediawiki-classes, corpus/phpmyadmin,
#   corpus/roundcube-core
# Each .deb is fetched with `apt-get download` (no install, no maintainer scripts, no
# dependencies) and unpacked with `dpkg -x`. Idempotent: a package already unpacked is
# skipped; `apt-get update` runs once, only when something is missing.
# Usage: bash tools/fetch-corpus.sh [--dir TARGET_DIR] [package...]
#   TARGET_DIR defaults to corpus/ in the repository; packages default to all five.
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
CORPUS="$REPO/corpus"
if [ "${1:-}" = "--dir" ]; then
  [ -n "${2:-}" ] || { echo "fetch-corpus: --dir needs a directory" >&2; exit 1; }
  mkdir -p "$2"; CORPUS="$(cd "$2" && pwd)"; shift 2
fi

PACKAGES=("$@")
if [ ${#PACKAGES[@]} -eq 0 ]; then
  PACKAGES=(wordpress mediawiki mediawiki-classes phpmyadmin roundcube-core)
fi

. "$REPO/tools/lib/fetch-debs.sh"
fetch_debs fetch-corpus "$CORPUS" "${PACKAGES[@]}"
