// The benchmark of issues 12 and 13: session-lint against the floor (touching the files,
// parsing them) and against what users would run instead, on the PHP and TypeScript corpora,
// one large generated file of each language, and the language server's editor rows.
// Every figure is a median over several runs, and every comparison a ratio within this one
// run (these machines are shared and noisy). Writes benchmarks.json (raw runs) and
// benchmarks.md (table, targets and reading, computed from the numbers by bench-report.mjs)
// after every row, so a run cut short still leaves what it measured.
//
// Bounded in time, also on a loaded machine:
//   - every run has a hard limit (--row-limit, and never more than the time left); a run
//     that overstays it is stopped and its row says so, with what it had used by then;
//   - first every row is measured once, in order of importance; only then are rows repeated
//     (up to --runs, while a row's runs took less than --budget seconds and time is left), so
//     a slow machine gets one run of every row rather than three of the first ones;
//   - the whole benchmark starts no run after --max-minutes; a row that could not run says why.
//
// Usage (after tools/bench.sh installed the tools and corpora):
//   node tools/bench.mjs --php-corpus DIR --ts-corpus DIR [--runs 3] [--budget 40]
//        [--row-limit 600] [--max-minutes 60] [--skip-slow] [--only php,ts,generated,lsp] [--out DIR]
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { astGrepFound, eslintFound, linesFound, phpcsFound, sessionLintFound } from './bench-found.mjs';
import { astGrepRelationalRule, eslintConfig, generatedPhp, generatedTs, phpLockNames, phpcsRuleset, tsLockModules } from './bench-inputs.mjs';
import { measure } from './bench-measure.mjs';
import { markdown } from './bench-report.mjs';

const require = createRequire(import.meta.url);
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at === -1 ? fallback : args[at + 1];
};
const settings = {
  runs: Number(option('--runs', '3')),
  budget: Number(option('--budget', '40')),
  rowLimit: Number(option('--row-limit', '600')),
  maxMinutes: Number(option('--max-minutes', '60')),
};
const skipSlow = args.includes('--skip-slow');
const only = option('--only', undefined)?.split(',');
const outDir = path.resolve(option('--out', path.join(repo, 'docs')));
const phpCorpus = path.resolve(option('--php-corpus', path.join(repo, 'corpus')));
const tsCorpus = path.resolve(option('--ts-corpus', path.join(repo, 'corpus/bench-ts')));
const phpProjects = ['wordpress', 'mediawiki', 'mediawiki-classes', 'phpmyadmin', 'roundcube-core'].map((name) => path.join(phpCorpus, name));
const sessionLint = path.join(repo, 'cli/out/session-lint.js');
const parseOnly = path.join(repo, 'tools/bench-parse-only.mjs');
const benchLsp = path.join(repo, 'tools/bench-lsp.mjs');
// Everything a run writes (generated files, rules, caches, the servers' temporary folders).
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'session-lint-bench-'));
const childEnv = { TMPDIR: scratch };
const cpus = os.availableParallelism?.() ?? os.cpus().length;
const started = Date.now();
const deadline = started + settings.maxMinutes * 60_000;
/** No run is started with less time than this (seconds): it could not measure anything. */
const SHORTEST_RUN = 30;

/** The native ast-grep binary when its platform package is installed (no wrapper per run). */
function astGrepBinary() {
  for (const suffix of ['-gnu', '-musl', '']) {
    try {
      return require.resolve(`@ast-grep/cli-${process.platform}-${process.arch}${suffix}/ast-grep`);
    } catch {
      // Not this variant.
    }
  }
  return path.join(repo, 'node_modules/.bin/ast-grep');
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Files under the folders with one of the extensions (and not ending in an excluded suffix). */
function filesUnder(folders, extensions, excluded = []) {
  const out = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && extensions.some((ext) => entry.name.endsWith(ext)) && !excluded.some((ext) => entry.name.endsWith(ext))) out.push(full);
    }
  };
  folders.filter((folder) => fs.existsSync(folder)).forEach(walk);
  return out;
}
const bytesOf = (files) => files.reduce((sum, file) => sum + fs.statSync(file).size, 0);

// ---------------------------------------------------------------------------------------
// The plan: every row, in order of importance. A row is { id, group, label, command, args,
// found, cwd?, before?, repeat?, ready? }: `found` reads what the tool found from a finished
// run; `before` runs untimed before each run; `repeat: false` measures it once (it takes
// minutes); `ready()` says why the row cannot run now (or nothing).
// ---------------------------------------------------------------------------------------

const help = (await measure('node', [sessionLint, 'check', '--help'], { limitSeconds: 60 })).stdout;
const features = { jobs: help.includes('--jobs'), cache: help.includes('--cache'), onDemand: help.includes('--on-demand') };
const astGrep = astGrepBinary();
const phpNames = await phpLockNames(repo);
const tsModules = await tsLockModules(repo);

/** session-lint's rows for one corpus: cold on every core (filling an empty cache), warm, cold on one thread. */
/** How session-lint runs over a corpus: every file, as the other tools see them. */
const corpusFlags = ['--include-vendor', '--include-tests', '--no-ignore'];

function sessionLintRows(group, what, targets, gate = () => undefined) {
  const check = [sessionLint, 'check', '--format', 'json', ...corpusFlags];
  const location = path.join(scratch, `${group}-cache`);
  const cached = features.cache ? ['--cache', '--cache-location', location] : [];
  const jobs = features.jobs ? ['--jobs', String(cpus)] : [];
  // Set when a cold run filled the cache to the end: the warm runs read it.
  let filled = false;
  const rows = [
    {
      id: `${group}-cold`,
      group,
      label: `session-lint, ${what}, cold${features.jobs ? `, --jobs ${cpus}` : ' (one thread: no --jobs in this build)'}${features.cache ? ', filling an empty --cache' : ''}`,
      command: 'node',
      args: [...check, ...jobs, ...cached, ...targets],
      found: sessionLintFound,
      ready: gate,
      before: () => {
        fs.rmSync(location, { recursive: true, force: true });
        filled = false;
      },
      after: (one) => (filled = one.outcome === 'done'),
    },
  ];
  rows.push({
    id: `${group}-warm`,
    group,
    label: `session-lint, ${what}, warm --cache, nothing changed`,
    command: 'node',
    args: [...check, ...jobs, ...cached, ...targets],
    found: sessionLintFound,
    ready: () => gate() ?? (!features.cache ? 'this build has no --cache' : filled ? undefined : 'no cold run filled the cache (see the cold row)'),
  });
  rows.push({
    id: `${group}-cold-1`,
    group,
    label: `session-lint, ${what}, cold, --jobs 1`,
    command: 'node',
    args: [...check, '--jobs', '1', ...targets],
    found: sessionLintFound,
    ready: () => gate() ?? (features.jobs ? undefined : 'this build has no --jobs'),
  });
  // PHP files parsed on demand (off by default): against the cold row, same findings, less parsed.
  if (group === 'php') {
    rows.push({
      id: `${group}-on-demand`,
      group,
      label: `session-lint, ${what}, cold, --on-demand${features.jobs ? `, --jobs ${cpus}` : ''}`,
      command: 'node',
      args: [...check, ...jobs, '--on-demand', ...targets],
      found: sessionLintFound,
      ready: () => gate() ?? (features.onDemand ? undefined : 'this build has no --on-demand'),
    });
  }
  return rows;
}

/**
 * The PHP corpus one application at a time (cold, every core): where the corpus's time goes.
 * MediaWiki is one application that Debian ships as two packages (its classes apart): they
 * run together, as in the corpus run. Slowest last.
 */
const phpApplications = [
  ['WordPress', ['wordpress']],
  ['phpMyAdmin', ['phpmyadmin']],
  ['Roundcube', ['roundcube-core']],
  ['MediaWiki', ['mediawiki', 'mediawiki-classes']],
];
const applicationRows = phpApplications.map(([name, folders]) => ({
  id: `php-app-${name.toLowerCase()}`,
  group: 'php',
  label: `session-lint, ${name} alone, cold${features.jobs ? `, --jobs ${cpus}` : ''}`,
  command: 'node',
  args: [sessionLint, 'check', '--format', 'json', ...corpusFlags, ...(features.jobs ? ['--jobs', String(cpus)] : []), ...folders.map((folder) => path.join(phpCorpus, folder))],
  found: sessionLintFound,
}));
// The corpus contains every application: when one alone did not finish, the corpus cannot either.
const corpusGate = () => {
  const unfinished = applicationRows.find((row) => results.get(row.id)?.status === 'stopped');
  return unfinished ? `${results.get(unfinished.id).label.split(',')[1].trim()} did not finish within its limit (see its row), so the corpus that contains it cannot` : undefined;
};

const plan = [];
// PHP corpus: the floor and ast-grep first (quick), then session-lint one application at a
// time, then over the whole corpus, then the slow other tools.
plan.push(
  { id: 'php-rg', group: 'php', label: 'floor: rg -l for the catalog names, PHP corpus', command: 'rg', args: ['-l', '--no-ignore', '-t', 'php', ...phpNames.flatMap((n) => ['-e', n]), ...phpProjects], found: linesFound('files') },
  { id: 'php-parse', group: 'php', label: 'floor: parse only (web-tree-sitter), PHP corpus', command: 'node', args: [parseOnly, 'php', ...phpProjects], found: linesFound('files parsed') },
  { id: 'php-ast-grep', group: 'php', label: "ast-grep 'session_start($$$)', PHP corpus", command: astGrep, args: ['run', '--pattern', 'session_start($$$)', '--lang', 'php', '--json=stream', ...phpProjects], found: astGrepFound },
  ...applicationRows,
  ...sessionLintRows('php', 'PHP corpus', phpProjects, corpusGate),
  {
    id: 'php-ast-grep-relational',
    group: 'php',
    label: 'ast-grep relational rule (session_start + slow call, no close, one function), PHP corpus',
    command: astGrep,
    args: ['scan', '--rule', astGrepRelationalRule(path.join(scratch, 'held-session.yml')), '--json=stream', ...phpProjects],
    found: astGrepFound,
    repeat: false,
    ready: () => (skipSlow ? 'left out (--skip-slow)' : undefined),
  },
  {
    id: 'php-phpcs',
    group: 'php',
    label: 'phpcs Generic.PHP.ForbiddenFunctions (session functions), PHP corpus',
    command: 'phpcs',
    args: ['-d', 'memory_limit=-1', `--standard=${phpcsRuleset(path.join(scratch, 'phpcs.xml'))}`, '--report=json', '-q', '--extensions=php', ...phpProjects],
    found: phpcsFound,
    repeat: false,
    ready: () => (skipSlow ? 'left out (--skip-slow)' : undefined),
  },
);

// TypeScript corpus. ESLint runs from the corpus (its files must lie under the working
// directory of a --config run).
const eslintVersion = JSON.parse(fs.readFileSync(path.join(repo, 'node_modules/eslint/package.json'), 'utf8')).version;
plan.push(
  { id: 'ts-rg', group: 'ts', label: 'floor: rg -l for the catalog modules, TS corpus', command: 'rg', args: ['-l', '--no-ignore', '-t', 'ts', '-F', ...tsModules.flatMap((n) => ['-e', `'${n}'`, '-e', `"${n}"`]), tsCorpus], found: linesFound('files') },
  { id: 'ts-parse', group: 'ts', label: 'floor: parse only (typescript createSourceFile), TS corpus', command: 'node', args: [parseOnly, 'ts', tsCorpus], found: linesFound('files parsed') },
  {
    id: 'ts-eslint',
    group: 'ts',
    label: `ESLint ${eslintVersion} no-await-in-loop (@typescript-eslint/parser), TS corpus`,
    command: path.join(repo, 'node_modules/.bin/eslint'),
    args: ['--config', eslintConfig(path.join(scratch, 'eslint.config.mjs'), require.resolve('@typescript-eslint/parser')), '--no-ignore', '--format', 'json', '.'],
    cwd: tsCorpus,
    found: eslintFound,
  },
  ...sessionLintRows('ts', 'TS corpus', [tsCorpus]),
);

// One large generated file of each language.
const single = [sessionLint, 'check', '--format', 'json'];
const bigPhp = generatedPhp(path.join(scratch, 'generated.php'), 5 * 1024 * 1024);
const bigTs = generatedTs(path.join(scratch, 'generated.ts'), 5 * 1024 * 1024);
plan.push(
  { id: 'php-generated', group: 'generated', label: 'session-lint, one generated 5 MB PHP file', command: 'node', args: [...single, bigPhp], found: sessionLintFound },
  { id: 'php-generated-parse', group: 'generated', label: 'floor: parse only, the same 5 MB PHP file', command: 'node', args: [parseOnly, 'php', bigPhp], found: linesFound('files parsed') },
  { id: 'ts-generated', group: 'generated', label: 'session-lint, one generated 5 MB TS file', command: 'node', args: [...single, bigTs], found: sessionLintFound },
  { id: 'ts-generated-parse', group: 'generated', label: 'floor: parse only, the same 5 MB TS file', command: 'node', args: [parseOnly, 'ts', bigTs], found: linesFound('files parsed') },
);

// The language server (issue 13): its measures are JSON lines, not a tool's findings.
const lspFound = (one) => ({ measures: one.stdout.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line)) });
const serverBuilt = () => (fs.existsSync(path.join(repo, 'server/out/server.js')) ? undefined : 'the language server is not built (server/out/server.js)');
const wordpress = path.join(phpCorpus, 'wordpress');
plan.push(
  { id: 'lsp-edits-php', group: 'lsp', label: 'language server: typing in a 5,000-line PHP handler file', command: 'node', args: [benchLsp, 'edits', '--language', 'php'], found: lspFound, repeat: false, ready: serverBuilt },
  { id: 'lsp-edits-ts', group: 'lsp', label: 'language server: typing in a 5,000-line TS handler file', command: 'node', args: [benchLsp, 'edits', '--language', 'ts'], found: lspFound, repeat: false, ready: serverBuilt },
  {
    id: 'lsp-index',
    group: 'lsp',
    label: 'language server: the PHP corpus opened as a workspace, cold and on a second start',
    command: 'node',
    args: [benchLsp, 'index', ...phpProjects.flatMap((folder) => ['--folder', folder]), '--open', path.join(wordpress, 'usr/share/wordpress/wp-admin/index.php')],
    found: lspFound,
    repeat: false,
    ready: serverBuilt,
  },
);

const phpFiles = filesUnder(phpProjects, ['.php']);
const tsFiles = filesUnder([tsCorpus], ['.ts'], ['.d.ts']);
const corpus = {
  php: { files: phpFiles.length, bytes: bytesOf(phpFiles), projects: phpProjects.map((p) => path.basename(p)) },
  ts: { files: tsFiles.length, bytes: bytesOf(tsFiles), projects: fs.existsSync(tsCorpus) ? fs.readdirSync(tsCorpus).filter((name) => !name.startsWith('.')) : [] },
};

// ---------------------------------------------------------------------------------------
// Measuring.
// ---------------------------------------------------------------------------------------

const chosen = plan.filter((row) => !only || only.includes(row.group));
const results = new Map(chosen.map((row) => [row.id, { id: row.id, group: row.group, label: row.label, status: 'not-run', reason: 'not reached yet', runs: 0, samples: [] }]));
const secondsLeft = () => (deadline - Date.now()) / 1000;
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s so far`;

/** One run of a row within `limitSeconds`; folds it into the row's result. */
async function runOnce(row, limitSeconds) {
  const result = results.get(row.id);
  row.before?.();
  const one = await measure(row.command, row.args, { cwd: row.cwd ?? repo, limitSeconds, env: childEnv });
  row.after?.(one);
  if (one.outcome === 'stopped') {
    // A repeat that overstays keeps the row's finished runs; a first run says what it took.
    if (result.runs > 0) return;
    Object.assign(result, { status: 'stopped', reason: `stopped after ${limitSeconds.toFixed(0)} s (its time limit)`, limit: limitSeconds, wall: limitSeconds, cpu: one.cpu, rssMb: one.rssMb });
    // What the language server's probe measured before it was stopped.
    if (row.group === 'lsp') result.measures = lspFound(one).measures;
    return;
  }
  let found;
  try {
    found = row.found(one);
  } catch (err) {
    if (result.runs > 0) return;
    Object.assign(result, { status: 'failed', reason: `unreadable output (exit ${one.exit}): ${String(err.message ?? err).slice(0, 200)} ${one.stderr.trim().split('\n').slice(-3).join(' ').slice(0, 300)}`, wall: one.wall, cpu: one.cpu, rssMb: one.rssMb });
    return;
  }
  result.samples.push({ wall: one.wall, cpu: one.cpu, rssMb: one.rssMb });
  Object.assign(result, {
    status: 'measured',
    reason: undefined,
    runs: result.samples.length,
    wall: median(result.samples.map((s) => s.wall)),
    cpu: median(result.samples.map((s) => s.cpu)),
    rssMb: median(result.samples.map((s) => s.rssMb)),
    exit: one.exit,
    ...found,
  });
}

function log(row) {
  const r = results.get(row.id);
  const figures = r.wall === undefined ? '' : `${r.wall.toFixed(2)} s wall, ${r.cpu?.toFixed(2)} s CPU, ${r.rssMb?.toFixed(0)} MB, `;
  console.error(`bench: ${row.label}: ${figures}${r.status === 'measured' ? (r.text ?? JSON.stringify(r.measures)) : `${r.status}: ${r.reason}`} (${r.runs} run(s), ${elapsed()})`);
}

// Pass 1: every row once, in order; each gets the time left minus the shortest run of each row after it.
for (const [i, row] of chosen.entries()) {
  const result = results.get(row.id);
  const notReady = row.ready?.();
  if (notReady) {
    Object.assign(result, { status: 'not-run', reason: notReady });
  } else {
    const limit = Math.min(settings.rowLimit, secondsLeft() - SHORTEST_RUN * (chosen.length - i - 1));
    if (limit < SHORTEST_RUN) Object.assign(result, { status: 'not-run', reason: `the benchmark's ${settings.maxMinutes} minutes (--max-minutes) were spent before this row` });
    else await runOnce(row, limit);
  }
  log(row);
  writeReport(true);
}

// Pass 2: the repetitions, while each row's runs stay within its budget and time is left.
for (let round = 1; round < settings.runs; round++) {
  for (const row of chosen) {
    const result = results.get(row.id);
    const spent = result.samples.reduce((sum, s) => sum + s.wall, 0);
    if (row.repeat === false || result.status !== 'measured' || spent >= settings.budget || row.ready?.()) continue;
    const limit = Math.min(settings.rowLimit, secondsLeft());
    if (limit < SHORTEST_RUN) break;
    await runOnce(row, limit);
    log(row);
    writeReport(true);
  }
}

fs.rmSync(scratch, { recursive: true, force: true });
writeReport(false);
console.error(`bench: wrote ${path.relative(repo, outDir)}/benchmarks.md and benchmarks.json in ${((Date.now() - started) / 60000).toFixed(1)} min`);

/** benchmarks.json and .md from the rows so far; `partial` while rows are still to come. */
function writeReport(partial) {
  const raw = {
    date: new Date().toISOString(),
    node: process.version,
    cpus,
    loadAverage: os.loadavg(),
    settings,
    minutes: (Date.now() - started) / 60000,
    ...(partial ? { partial: true } : {}),
    features,
    corpusFlags,
    corpus,
    names: { php: phpNames, ts: tsModules },
    rows: [...results.values()],
  };
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'benchmarks.json'), `${JSON.stringify(raw, null, 2)}\n`);
  fs.writeFileSync(path.join(outDir, 'benchmarks.md'), markdown(raw));
}
