#!/usr/bin/env bash
# Downloads the PHP code of real projects from Debian's packages into corpus/ (gitignored),
# for the precision review in docs/corpus-review.md:
#   corpus/wordpress, corpus/mediawiki, corpus/mediawiki-classes, corpus/phpmyadmin,
#   corpus/roundcube-core
# Each .deb is fetched with `apt-get download` (no install, no maintainer scripts, no
# dependencies) and unpacked with `dpkg -x`. Idempotent: a package already unpacked is
# skipped; `apt-get update` runs once, only when something is missing.
# Usage: bash tools/fetch-corpus.sh [package...]   (default: all five)
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=("$@")
if [ ${#PACKAGES[@]} -eq 0 ]; then
  PACKAGES=(wordpress mediawiki mediawiki-classes phpmyadmin roundcube-core)
fi
CORPUS="$PWD/corpus"
mkdir -p "$CORPUS"

for tool in apt-get dpkg; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "fetch-corpus: '$tool' is missing: this script needs a Debian-based system" >&2
    exit 1
  fi
done

missing=()
for pkg in "${PACKAGES[@]}"; do
  if [ -f "$CORPUS/$pkg/.fetched" ]; then
    echo "fetch-corpus: $pkg already in corpus/$pkg ($(cat "$CORPUS/$pkg/.fetched")), skipping"
  else
    missing+=("$pkg")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "fetch-corpus: nothing to do"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "fetch-corpus: 'apt-get update' needs root (or sudo)" >&2
    exit 1
  fi
fi

echo "fetch-corpus: apt-get update"
$SUDO apt-get update -qq

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
chmod 777 "$TMP"   # apt-get download may drop privileges to the _apt user

for pkg in "${missing[@]}"; do
  echo "fetch-corpus: downloading $pkg"
  if ! (cd "$TMP" && apt-get download -qq "$pkg"); then
    echo "fetch-corpus: could not download '$pkg' (is it in this system's apt sources?)" >&2
    exit 1
  fi
  deb="$(ls "$TMP"/"${pkg}"_*.deb 2>/dev/null | head -n 1 || true)"
  if [ -z "$deb" ]; then
    echo "fetch-corpus: apt-get download gave no .deb for '$pkg'" >&2
    exit 1
  fi
  rm -rf "$CORPUS/$pkg.partial"
  mkdir -p "$CORPUS/$pkg.partial"
  dpkg -x "$deb" "$CORPUS/$pkg.partial"
  version="$(dpkg-deb -f "$deb" Version)"
  echo "$pkg $version" > "$CORPUS/$pkg.partial/.fetched"
  rm -rf "$CORPUS/$pkg"
  mv "$CORPUS/$pkg.partial" "$CORPUS/$pkg"
  rm -f "$deb"
  n="$(find "$CORPUS/$pkg" -name '*.php' | wc -l)"
  echo "fetch-corpus: $pkg $version unpacked into corpus/$pkg ($n .php files)"
done
echo "fetch-corpus: done"
