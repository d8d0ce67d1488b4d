#!/usr/bin/env bash
# `npm run bench`: installs what the benchmark needs, builds, and runs tools/bench.mjs, which
# writes docs/benchmarks.md and docs/benchmarks.json. Not part of `npm test`.
#   - Debian packages: ripgrep (the floor), php-codesniffer (phpcs), time (GNU time: CPU and
#     peak memory of every run); installed only when missing.
#   - npm packages for the tools compared, in .bench/ (gitignored), never in the project's
#     own lock file: @ast-grep/cli, eslint, @typescript-eslint/parser, typescript.
#   - the corpora: the four-project PHP corpus (tools/fetch-corpus.sh) and the TypeScript
#     sources of effect 3, rxjs 7 and zod 4 (tools/fetch-bench-ts-corpus.sh).
# Usage: npm run bench -- [--runs N] [--php-corpus DIR] [--ts-corpus DIR] [--skip-slow]
#   BENCH_PHP_CORPUS / BENCH_TS_CORPUS: folders that already hold the corpora.
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
cd "$REPO"

missing=()
command -v rg >/dev/null || missing+=(ripgrep)
command -v phpcs >/dev/null || missing+=(php-codesniffer)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
  echo "bench: installing ${missing[*]}" >&2
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -f .bench/node_modules/.bench-installed ]; then
  echo "bench: installing the compared tools into .bench/" >&2
  mkdir -p .bench
  [ -f .bench/package.json ] || echo '{ "private": true }' > .bench/package.json
  npm install --prefix .bench --no-audit --no-fund --loglevel=error \
    @ast-grep/cli@0.51.1 eslint@^9 @typescript-eslint/parser@8.73.0 typescript@6.0.3
  touch .bench/node_modules/.bench-installed
fi

PHP_CORPUS="${BENCH_PHP_CORPUS:-$REPO/corpus}"
TS_CORPUS="${BENCH_TS_CORPUS:-$REPO/corpus/bench-ts}"
bash tools/fetch-corpus.sh --dir "$PHP_CORPUS" >&2
bash tools/fetch-bench-ts-corpus.sh "$TS_CORPUS" >&2

npm run build --silent
exec node tools/bench.mjs --php-corpus "$PHP_CORPUS" --ts-corpus "$TS_CORPUS" "$@"
