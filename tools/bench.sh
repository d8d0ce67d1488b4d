#!/usr/bin/env bash
# `npm run bench`: installs what the benchmark needs, builds, and runs tools/bench.mjs, which
# writes docs/benchmarks.md and docs/benchmarks.json. Not part of `npm test`.
#   - Debian packages: ripgrep (the floor), php-codesniffer (phpcs), time (GNU time: CPU and
#     peak memory of every run); installed only when missing.
#   - npm packages for the tools compared (@ast-grep/cli, eslint, @typescript-eslint/parser):
#     pinned devDependencies of the project, installed with `npm ci` when missing.
#   - the corpora: the four-project PHP corpus (tools/fetch-corpus.sh) and the TypeScript
#     sources of effect 3, rxjs 7 and zod 4 (tools/fetch-bench-ts-corpus.sh).
# Usage: npm run bench -- [--runs N] [--budget SECONDS] [--row-limit SECONDS] [--max-minutes M]
#                         [--skip-slow] [--only php,ts,generated,lsp] [--out DIR]
#   (tools/bench.mjs says what each does.)
#   BENCH_PHP_CORPUS / BENCH_TS_CORPUS: folders that already hold the corpora (fetched there
#   when missing).
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
cd "$REPO"

missing=()
command -v rg >/dev/null || missing+=(ripgrep)
command -v phpcs >/dev/null || missing+=(php-codesniffer)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
  echo "bench: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -x node_modules/.bin/eslint ] || [ ! -x node_modules/.bin/ast-grep ] || [ ! -d node_modules/@typescript-eslint/parser ]; then
  echo "bench: installing the project's devDependencies (the compared tools are among them)" >&2
  npm ci --no-audit --no-fund --loglevel=error
fi

PHP_CORPUS="${BENCH_PHP_CORPUS:-$REPO/corpus}"
TS_CORPUS="${BENCH_TS_CORPUS:-$REPO/corpus/bench-ts}"
bash tools/fetch-corpus.sh --dir "$PHP_CORPUS" >&2
bash tools/fetch-bench-ts-corpus.sh "$TS_CORPUS" >&2

npm run build --silent
exec node tools/bench.mjs --php-corpus "$PHP_CORPUS" --ts-corpus "$TS_CORPUS" "$@"
