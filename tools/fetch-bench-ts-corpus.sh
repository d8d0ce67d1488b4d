#!/usr/bin/env bash
# The TypeScript corpus of the benchmark (issue 12): the `.ts` sources (no `.d.ts`) of effect 3,
# rxjs 7 and zod 4 from the npm registry, each fetched with `npm pack` (the package's own
# tarball: no dependencies, no install scripts) and unpacked into TARGET/<name>/.
# Idempotent: a package already unpacked (TARGET/<name>/.fetched) is skipped.
# Usage: bash tools/fetch-bench-ts-corpus.sh [TARGET]   (default: corpus/bench-ts)
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
TARGET="${1:-$REPO/corpus/bench-ts}"
mkdir -p "$TARGET"
declare -A SPEC=([effect]="effect@3" [rxjs]="rxjs@7" [zod]="zod@4")
for name in effect rxjs zod; do
  dir="$TARGET/$name"
  [ -f "$dir/.fetched" ] && continue
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack "${SPEC[$name]}" --silent >/dev/null)
  rm -rf "$dir" && mkdir -p "$dir"
  tar -xzf "$tmp"/*.tgz -C "$dir" --strip-components=1
  rm -rf "$tmp"
  # Only the TypeScript sources: compiled output and declaration files are not what a user
  # would lint.
  find "$dir" -type f ! -name '*.ts' -delete
  find "$dir" -type f -name '*.d.ts' -delete
  find "$dir" -type d -empty -delete
  mkdir -p "$dir" && touch "$dir/.fetched"
  echo "fetch-bench-ts-corpus: $name: $(find "$dir" -name '*.ts' | wc -l) files" >&2
done
