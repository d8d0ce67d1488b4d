#!/usr/bin/env bash
# Runs session-lint over every package of the TypeScript/JavaScript corpus (corpus/ts/, fetched
# by tools/fetch-ts-corpus.sh) and prints one summary row per package: files analysed, wall time
# and peak RSS (from /usr/bin/time -v), findings per rule and severity, input errors, and the TypeScript mode
# reported by --verbose (type-aware when a tsconfig.json is found, syntax-only otherwise).
# Every finding is written as one JSON line ({"package": …, …the finding…}) to
# $OUT/findings.jsonl, and the raw reports and stderr to $OUT/<package>.{json,err,time}.
# A findings cell reads "N (a warning, b info)" when N > 0.
# The tool is copied to a temporary directory first, so a rebuild during the run cannot change it.
# Usage: bash tools/run-ts-corpus.sh [package...]   (default: every npm package below)
#   OUT=/tmp/ts-corpus-run (default) — where the reports go
#   CORPUS=<dir> — where the packages are (default corpus/ts/). The applications checked out
#     from source (APP_COMMIT below: `git archive <commit>` of the public repository per folder,
#     no node_modules, no .fetched stamp) are run from their repository root with `check .`,
#     as a new user would; name them to run them (CORPUS=/work/corpus/ts).
#   SKIP_BUILD=1 — use cli/out as it is, without `npx tsc -b && node esbuild.mjs`
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
OUT="${OUT:-/tmp/ts-corpus-run}"
# The physical path: corpus/ may be a symlink, and a --config path reached through a symlink
# is resolved against the logical directory while the tool's cwd is the physical one, which
# makes the configuration's `ignore` globs match nothing.
C="$(realpath "${CORPUS:-$ROOT/corpus/ts}")"

# package -> paths given to `check` (relative to corpus/ts/<package>)
declare -A PATHS=(
  [ghost]="core/server core/shared core/frontend core/boot.js"
  [medusa]="dist"
  [directus-api]="dist"
  [uptime-kuma]="server"
  [verdaccio]="build"
  [backstage-catalog]="dist"
  [backstage-scaffolder]="dist"
  [strapi-core]="dist"
  [strapi-database]="dist"
  [payload]="dist"
  [parse-server]="lib"
  [graphile-worker]="dist"
)
# Applications from source (issue 10, docs/corpus-review.md): the commit each folder holds.
declare -A APP_COMMIT=(
  [umami]=c0ea3ae [hoppscotch]=afc2cf1 [documenso]=7533016 [logto]=1fbc554 [dub]=1de955f
  [novu]=74a2e9a [medusa]=59e6747 [comp]=09aa8ba
)
ORDER=(ghost medusa directus-api uptime-kuma verdaccio
       backstage-catalog backstage-scaffolder strapi-core strapi-database payload parse-server graphile-worker)
# Strapi ships each module twice (dist/x.js CommonJS and dist/x.mjs ESM): only the .mjs copy
# is analysed, so that a finding is not counted twice.
declare -A CONFIG_IGNORE=(
  [strapi-core]='["dist/**/*.js"]'
  [strapi-database]='["dist/**/*.js"]'
)

PKGS=("$@")
if [ ${#PKGS[@]} -eq 0 ]; then PKGS=("${ORDER[@]}"); fi

if [ -z "${SKIP_BUILD:-}" ]; then
  (npx tsc -b && node esbuild.mjs) >/dev/null
fi
TOOL="$(mktemp -d)"
trap 'rm -rf "$TOOL"' EXIT
cp -r "$ROOT/cli/out/." "$TOOL/"
mkdir -p "$OUT"
: > "$OUT/findings.jsonl"

echo "session-lint $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- core rules cli 2>/dev/null || echo '+dirty'), $(date -u +%Y-%m-%dT%H:%MZ)"
printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' Package 'Files analysed' Time 'Peak RSS' \
  held-across-slow-call stale-write-after-await 'Input errors' Mode
echo '|---|---:|---:|---:|---:|---:|---:|---|'
for pkg in "${PKGS[@]}"; do
  paths="${PATHS[$pkg]:-}"
  # A source checkout (no .fetched stamp) of an application: the whole repository.
  if [ ! -f "$C/$pkg/.fetched" ] && [ -n "${APP_COMMIT[$pkg]:-}" ] && [ -d "$C/$pkg" ]; then paths="."; fi
  if [ -z "$paths" ]; then echo "run-ts-corpus: unknown package '$pkg'" >&2; exit 1; fi
  if [ -f "$C/$pkg/.fetched" ]; then spec="$(cat "$C/$pkg/.fetched")"
  elif [ "$paths" = "." ]; then spec="$pkg@${APP_COMMIT[$pkg]}"
  else echo "run-ts-corpus: $pkg not fetched (bash tools/fetch-ts-corpus.sh $pkg)" >&2; exit 1; fi
  cfg=()
  if [ -n "${CONFIG_IGNORE[$pkg]:-}" ]; then
    # --config makes the file's folder the project root: put it at the package root.
    cfgfile="$C/$pkg/.session-lint-corpus.json"
    printf '{ "ignore": %s }\n' "${CONFIG_IGNORE[$pkg]}" > "$cfgfile"
    cfg=(--config "$cfgfile")
  fi
  # shellcheck disable=SC2086
  (cd "$C/$pkg" && /usr/bin/time -v -o "$OUT/$pkg.time" node "$TOOL/session-lint.js" check $paths \
      --format json --verbose --include-vendor --no-ignore "${cfg[@]}" > "$OUT/$pkg.json" 2> "$OUT/$pkg.err") || true
  # shellcheck disable=SC2086
  node - "$pkg" "$spec" "$OUT" "$C/$pkg" $paths <<'EOF'
const fs = require('fs');
const path = require('path');
const [pkg, spec, out, dir, ...given] = process.argv.slice(2);
let report = { findings: [], errors: [] };
try { report = JSON.parse(fs.readFileSync(`${out}/${pkg}.json`, 'utf8')); } catch (e) { report.errors = [{ message: 'no JSON report: ' + e.message }]; }
const time = fs.readFileSync(`${out}/${pkg}.time`, 'utf8');
const wall = (time.match(/Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (.*)/) || [])[1] || '?';
const rss = Number((time.match(/Maximum resident set size \(kbytes\): (\d+)/) || [])[1] || 0);
const err = fs.readFileSync(`${out}/${pkg}.err`, 'utf8');
// Files analysed: neither report prints it when there are findings (the pretty summary's
// "in N files" then counts the files *with* findings, and the JSON has no count). So: every
// regular file under the given paths (symbolic links followed, each real file once, as the CLI
// walks), minus what --verbose says was skipped (a skipped directory takes its content along:
// other extensions, .d.ts, .git, config `ignore`), minus the files that could not be read or
// were too large or binary (reported as input errors of kind unreadable/skipped).
const skipped = [...err.matchAll(/^skipped (.*?): /gm)].map((m) => path.resolve(dir, m[1]));
const unreadFiles = new Set(report.errors.filter((e) => e.kind === 'unreadable' || e.kind === 'skipped').map((e) => path.resolve(dir, e.file)));
const isSkipped = (abs) => unreadFiles.has(abs) || skipped.some((s) => abs === s || abs.startsWith(s + path.sep));
const seen = new Set();
let analysed = 0;
const visit = (abs, explicit) => {
  let st;
  try { st = fs.statSync(abs); } catch { return; }
  if (st.isDirectory()) {
    const real = fs.realpathSync(abs);
    if (seen.has('dir:' + real) || (!explicit && isSkipped(abs))) return;
    seen.add('dir:' + real);
    for (const e of fs.readdirSync(abs).sort()) visit(path.join(abs, e), false);
  } else if (st.isFile() && !seen.has(abs) && !isSkipped(abs)) { seen.add(abs); analysed++; }
};
for (const g of given) visit(path.resolve(dir, g), true);
const files = analysed.toLocaleString('en-US');
const typeAware = (err.match(/type-aware \(tsconfig[^\n]*for (\d+) file/g) || []);
const mode = typeAware.length ? `type-aware for ${typeAware.map((m) => m.match(/for (\d+)/)[1]).join('+')} file(s), syntax-only for the rest` : 'syntax-only';
const byRule = {};
const bySev = {};
for (const f of report.findings) {
  const r = f.ruleId || f.rule;
  byRule[r] = (byRule[r] || 0) + 1;
  bySev[r] = bySev[r] || {};
  bySev[r][f.severity] = (bySev[r][f.severity] || 0) + 1;
}
const cell = (r) => !byRule[r] ? '0' : `${byRule[r]} (${['error', 'warning', 'info'].filter((v) => bySev[r][v]).map((v) => `${bySev[r][v]} ${v}`).join(', ')})`;
const secs = wall.split(':').reduce((a, b) => a * 60 + Number(b), 0);
console.log(`| ${spec} | ${files} | ${secs.toFixed(1)} s | ${Math.round(rss / 1024)} MiB | ${cell('held-across-slow-call')} | ${cell('stale-write-after-await')} | ${report.errors.length} | ${mode} |`);
const other = Object.keys(byRule).filter((r) => r !== 'held-across-slow-call' && r !== 'stale-write-after-await');
if (other.length) console.log(`|   (other rules: ${other.map((r) => `${r} ${byRule[r]}`).join(', ')}) | | | | | | | |`);
for (const f of report.findings) fs.appendFileSync(`${out}/findings.jsonl`, JSON.stringify({ package: pkg, ...f }) + '\n');
for (const e of report.errors) fs.appendFileSync(`${out}/findings.jsonl`, JSON.stringify({ package: pkg, inputError: e }) + '\n');
EOF
done
echo "findings: $OUT/findings.jsonl ($(wc -l < "$OUT/findings.jsonl") line(s)); raw reports in $OUT/"
