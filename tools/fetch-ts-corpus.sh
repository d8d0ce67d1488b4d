#!/usr/bin/env bash
# Downloads the JavaScript/TypeScript sources of real Node server codebases from the npm
# registry into corpus/ts/ (corpus/ is gitignored), for the TypeScript and JavaScript part of
# the precision review in docs/corpus-review.md:
#   corpus/ts/ghost             ghost@6.65.0             (express + knex/bookshelf, express-session)
#   corpus/ts/medusa            @medusajs/medusa@1.20.8  (express + typeorm, compiled dist/)
#   corpus/ts/directus-api      @directus/api@39.2.1     (express + knex, compiled dist/)
#   corpus/ts/uptime-kuma       uptime-kuma@2.0.0-dev.0  (express + socket.io + knex/redbean)
#   corpus/ts/verdaccio         verdaccio@6.10.4         (express, compiled build/)
# and, for the second pass (packages chosen because they hold pooled clients, transactions or
# locks near routes or job handlers):
#   corpus/ts/backstage-catalog    @backstage/plugin-catalog-backend@4.0.0     (express + knex transactions, compiled CommonJS dist/)
#   corpus/ts/backstage-scaffolder @backstage/plugin-scaffolder-backend@4.2.0  (express + knex, task runner, compiled CommonJS dist/)
#   corpus/ts/strapi-core          @strapi/core@5.54.0      (koa routes, db.transaction, dist/ in both .js and .mjs)
#   corpus/ts/strapi-database      @strapi/database@5.54.0  (knex wrapper: transactions, connection handling)
#   corpus/ts/payload              payload@3.90.2           (transactions opened and committed across hooks, compiled ESM dist/)
#   corpus/ts/parse-server         parse-server@9.10.0      (express + pg-promise tx/task + MongoDB sessions, compiled lib/)
#   corpus/ts/graphile-worker      graphile-worker@0.17.3   (pg pool.connect, job runner, compiled CommonJS dist/)
# Each package is fetched with `npm pack <name>@<version>` in a temporary directory: only the
# package's own tarball, no dependencies, no install scripts. The tarball is unpacked into
# corpus/ts/<dir>. Ghost's prebuilt admin client (core/built, ~42 MB of bundled front-end
# assets) is removed after unpacking: it is not server code and makes the package > 50 MB.
# Idempotent: a package already unpacked (corpus/ts/<dir>/.fetched) is skipped.
# Usage: bash tools/fetch-ts-corpus.sh [dir...]   (default: all twelve)
set -euo pipefail
cd "$(dirname "$0")/.."

declare -A SPEC=(
  [ghost]="ghost@6.65.0"
  [medusa]="@medusajs/medusa@1.20.8"
  [directus-api]="@directus/api@39.2.1"
  [uptime-kuma]="uptime-kuma@2.0.0-dev.0"
  [verdaccio]="verdaccio@6.10.4"
  [backstage-catalog]="@backstage/plugin-catalog-backend@4.0.0"
  [backstage-scaffolder]="@backstage/plugin-scaffolder-backend@4.2.0"
  [strapi-core]="@strapi/core@5.54.0"
  [strapi-database]="@strapi/database@5.54.0"
  [payload]="payload@3.90.2"
  [parse-server]="parse-server@9.10.0"
  [graphile-worker]="graphile-worker@0.17.3"
)
DIRS=("$@")
if [ ${#DIRS[@]} -eq 0 ]; then
  DIRS=(ghost medusa directus-api uptime-kuma verdaccio
        backstage-catalog backstage-scaffolder strapi-core strapi-database payload parse-server graphile-worker)
fi
CORPUS="$PWD/corpus/ts"
mkdir -p "$CORPUS"

if ! command -v npm >/dev/null 2>&1; then
  echo "fetch-ts-corpus: 'npm' is missing" >&2
  exit 1
fi

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

for dir in "${DIRS[@]}"; do
  spec="${SPEC[$dir]:-}"
  if [ -z "$spec" ]; then
    echo "fetch-ts-corpus: unknown package '$dir' (known: ${!SPEC[*]})" >&2
    exit 1
  fi
  if [ -f "$CORPUS/$dir/.fetched" ]; then
    echo "fetch-ts-corpus: $dir already in corpus/ts/$dir ($(cat "$CORPUS/$dir/.fetched")), skipping"
    continue
  fi
  echo "fetch-ts-corpus: npm pack $spec"
  tarball="$(cd "$TMP" && npm pack "$spec" --ignore-scripts --silent 2>/dev/null | tail -n 1)"
  if [ -z "$tarball" ] || [ ! -f "$TMP/$tarball" ]; then
    echo "fetch-ts-corpus: could not download '$spec'" >&2
    exit 1
  fi
  rm -rf "${CORPUS:?}/$dir"
  mkdir -p "$CORPUS/$dir"
  tar -xzf "$TMP/$tarball" -C "$CORPUS/$dir" --strip-components=1   # drop the leading package/
  if [ "$dir" = ghost ]; then
    rm -rf "$CORPUS/$dir/core/built"
  fi
  echo "$spec" > "$CORPUS/$dir/.fetched"
  echo "fetch-ts-corpus: $spec -> corpus/ts/$dir ($(du -sh "$CORPUS/$dir" | cut -f1))"
done
