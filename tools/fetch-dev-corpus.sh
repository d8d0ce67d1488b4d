#!/usr/bin/env bash
# Downloads the development corpus of issue 9 from Debian's packages: PHP web applications
# that were not used while tuning on the four-project corpus (tools/fetch-corpus.sh), for the
# precision review in docs/corpus-review.md:
#   dokuwiki, postfixadmin, adminer, gosa, ganglia-webfrontend, php-horde-core,
#   php-horde-imp, php-icinga
# Same method as fetch-corpus.sh: `apt-get download` (no install, no maintainer scripts, no
# dependencies) + `dpkg -x` into TARGET_DIR/<package>/. Idempotent.
# Usage: bash tools/fetch-dev-corpus.sh [TARGET_DIR] [package...]
#   TARGET_DIR defaults to corpus/ in the repository (gitignored); packages default to all.
# Some of these packages rely on code Debian ships in other packages; their symlinks into
# /usr/share/php dangle and are skipped by session-lint (see tools/README.md).
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
CORPUS="$REPO/corpus"
if [ $# -gt 0 ]; then
  mkdir -p "$1"; CORPUS="$(cd "$1" && pwd)"; shift
fi

PACKAGES=("$@")
if [ ${#PACKAGES[@]} -eq 0 ]; then
  PACKAGES=(dokuwiki postfixadmin adminer gosa ganglia-webfrontend php-horde-core php-horde-imp
            php-icinga)
fi

. "$REPO/tools/lib/fetch-debs.sh"
fetch_debs fetch-dev-corpus "$CORPUS" "${PACKAGES[@]}"
