// The benchmark of issue 12: session-lint against the floor (touching the files, parsing them)
// and against what users would run instead, on the PHP and TypeScript corpora plus one large
// generated file of each language. Every figure is a median over several runs, and every
// comparison a ratio within this one run (these machines are shared and noisy).
// Writes docs/benchmarks.md (table and reading) and docs/benchmarks.json (raw runs).
// Usage (after tools/bench.sh installed the tools and corpora):
//   node tools/bench.mjs --php-corpus DIR --ts-corpus DIR [--runs N] [--budget S] [--skip-slow]
//   --runs N     at most N runs per row (default 3)
//   --budget S   no further run of a row once its runs took S seconds of wall time (default 40),
//                so a slow row is measured once and the whole benchmark stays near 15 minutes
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { markdown } from './bench-report.mjs';

const require = createRequire(import.meta.url);
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at === -1 ? fallback : args[at + 1];
};
const runs = Number(option('--runs', '3'));
const budget = Number(option('--budget', '40'));
const skipSlow = args.includes('--skip-slow');
const phpCorpus = path.resolve(option('--php-corpus', path.join(repo, 'corpus')));
const tsCorpus = path.resolve(option('--ts-corpus', path.join(repo, 'corpus/bench-ts')));
const phpProjects = ['wordpress', 'mediawiki', 'mediawiki-classes', 'phpmyadmin', 'roundcube-core'].map((name) => path.join(phpCorpus, name));
const bin = (name) => path.join(repo, 'node_modules/.bin', name);
const sessionLint = path.join(repo, 'cli/out/session-lint.js');
const parseOnly = path.join(repo, 'tools/bench-parse-only.mjs');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'session-lint-bench-'));
const cpus = os.availableParallelism?.() ?? os.cpus().length;
const started = Date.now();

/** The native ast-grep binary when its platform package is installed (no wrapper per run). */
function astGrepBinary() {
  for (const suffix of ['-gnu', '-musl', '']) {
    try {
      return require.resolve(`@ast-grep/cli-${process.platform}-${process.arch}${suffix}/ast-grep`);
    } catch {
      // Not this variant.
    }
  }
  return bin('ast-grep');
}

/** One command under GNU time: wall, CPU (user + system) and peak RSS, plus its stdout. */
function timed(command, commandArgs, cwd = repo) {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', command, ...commandArgs], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const last = result.stderr.trim().split('\n').pop() ?? '';
  const [wall, user, system, rssKb] = last.split(' ').map(Number);
  if (!Number.isFinite(wall)) throw new Error(`${command} ${commandArgs.join(' ')} failed: ${result.stderr.slice(-2000)}`);
  return { wall, cpu: user + system, rssMb: rssKb / 1024, stdout: result.stdout, stderr: result.stderr, status: result.status };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * A row: the command up to `times` times (fewer once the runs took `budget` seconds), the
 * median of each measure, and what the tool found (from the last run's output). `before`
 * runs untimed before each run (emptying a cache folder).
 */
function row(id, label, command, commandArgs, found, { times = runs, cwd = repo, before } = {}) {
  const samples = [];
  let output;
  let spent = 0;
  for (let i = 0; i < times && (i === 0 || spent < budget); i++) {
    before?.();
    const one = timed(command, commandArgs, cwd);
    samples.push({ wall: one.wall, cpu: one.cpu, rssMb: one.rssMb });
    spent += one.wall;
    output = one;
  }
  let what;
  try {
    what = found(output);
  } catch (err) {
    what = `unreadable output (exit ${output.status}): ${String(err.message ?? err).slice(0, 200)}`;
  }
  const result = {
    id,
    label,
    runs: samples.length,
    wall: median(samples.map((s) => s.wall)),
    cpu: median(samples.map((s) => s.cpu)),
    rssMb: median(samples.map((s) => s.rssMb)),
    found: what,
    samples,
  };
  console.error(`bench: ${label}: ${result.wall.toFixed(2)} s wall, ${result.cpu.toFixed(2)} s CPU, ${result.rssMb.toFixed(0)} MB, ${result.found} (${result.runs} run(s), ${((Date.now() - started) / 1000).toFixed(0)} s so far)`);
  return result;
}

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
  folders.forEach(walk);
  return out;
}

const bytesOf = (files) => files.reduce((sum, file) => sum + fs.statSync(file).size, 0);

// What session-lint reports (and, when its report says, how many files it parsed or read
// from the cache), and what each other tool's output amounts to.
const findingsOf = (one) => {
  const report = JSON.parse(one.stdout);
  const bySeverity = {};
  for (const finding of report.findings) bySeverity[finding.severity] = (bySeverity[finding.severity] ?? 0) + 1;
  const severities = Object.entries(bySeverity).map(([severity, n]) => `${n} ${severity}`).join(', ');
  const stats = report.stats;
  const work = stats ? `; ${[`${stats.filesParsed} parsed`, stats.filesFromCache ? `${stats.filesFromCache} from the cache` : '', stats.filesNotParsed ? `${stats.filesNotParsed} not parsed` : ''].filter(Boolean).join(', ')}` : '';
  return `${report.findings.length} findings${severities ? ` (${severities})` : ''}${work}`;
};
const linesOf = (what) => (one) => `${one.stdout.split('\n').filter(Boolean).length} ${what}`;
const astGrepMatches = (one) => {
  const matches = one.stdout.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line));
  return `${matches.length} matches in ${new Set(matches.map((m) => m.file)).size} files`;
};
const phpcsFound = (one) => {
  const total = /A TOTAL OF (\d+) ERRORS? AND \d+ WARNINGS? WERE FOUND IN (\d+) FILES?/.exec(one.stdout);
  return total ? `${total[1]} calls flagged in ${total[2]} files` : '0 calls flagged';
};
const eslintFound = (one) => {
  const report = JSON.parse(one.stdout || '[]');
  const messages = report.flatMap((file) => file.messages);
  const fatal = messages.filter((m) => m.fatal).length;
  return `${messages.length - fatal} reports in ${report.filter((f) => f.messages.some((m) => !m.fatal)).length} files${fatal ? ` (${fatal} parse errors)` : ''}`;
};

/** The names the catalogs know that can start a lock: the floor searches for these. */
async function lockNames() {
  const { phpNativeCatalog } = await import(path.join(repo, 'build/rules/src/catalog/php-native.js'));
  const { allPresets } = await import(path.join(repo, 'build/rules/src/frameworks/index.js'));
  const names = new Set([phpNativeCatalog.sessionVariable]);
  for (const catalog of [phpNativeCatalog, ...allPresets.map((preset) => preset.catalog)]) {
    for (const table of [catalog.functions, catalog.methods]) {
      for (const [name, api] of Object.entries(table ?? {})) if (api?.effect === 'open') names.add(name.split('::').pop());
    }
  }
  return [...names].sort();
}

/**
 * A generated PHP file of `size` bytes: plain functions (loops, arrays, strings), and every
 * hundredth one a handler that holds the session across a sleep, as generated code mostly is.
 */
function generatedPhp(size) {
  const plain = (i) =>
    `function step_${i}(array $input): int {\n    $total = 0;\n    foreach ($input as $key => $value) {\n        $total += strlen((string) $value) * ${i};\n    }\n    return $total + count($input);\n}\n`;
  const handler = (i) => `function handler_${i}() {\n    session_start();\n    $_SESSION['n'] = ${i};\n    sleep(1);\n}\n`;
  const parts = ['<?php\n'];
  for (let i = 0, length = 6; length < size; i++) {
    const part = i % 100 === 0 ? handler(i) : plain(i);
    parts.push(part);
    length += part.length;
  }
  const file = path.join(scratch, 'generated.php');
  fs.writeFileSync(file, parts.join(''));
  return file;
}

/** The same for TypeScript: plain functions, every hundredth a handler holding the module's pooled client across a fetch. */
function generatedTs(size) {
  const plain = (i) =>
    `export function step${i}(input: readonly string[]): number {\n  let total = 0;\n  for (const value of input) {\n    total += value.length * ${i};\n  }\n  return total + input.length;\n}\n`;
  const handler = (i) =>
    `export async function handler${i}() {\n  const client = await pool.connect();\n  await fetch('https://example.com/${i}');\n  client.release();\n}\n`;
  const parts = ["import { Pool } from 'pg';\n\nconst pool = new Pool();\n"];
  for (let i = 0, length = parts[0].length; length < size; i++) {
    const part = i % 100 === 0 ? handler(i) : plain(i);
    parts.push(part);
    length += part.length;
  }
  const file = path.join(scratch, 'generated.ts');
  fs.writeFileSync(file, parts.join(''));
  return file;
}

// What this build of session-lint offers (the benchmark also runs on older builds).
const help = spawnSync('node', [sessionLint, 'check', '--help'], { encoding: 'utf8' }).stdout;
const features = { jobs: help.includes('--jobs'), cache: help.includes('--cache') };

/**
 * session-lint's rows for one corpus: cold with one thread and with every core (when --jobs
 * exists), then warm runs over the unchanged tree (when --cache exists).
 */
function sessionLintRows(prefix, what, targets) {
  const check = [sessionLint, 'check', '--format', 'json', '--include-vendor', '--no-ignore'];
  const location = path.join(scratch, `${prefix}-cache`);
  const cached = features.cache ? ['--cache', '--cache-location', location] : [];
  const empty = () => fs.rmSync(location, { recursive: true, force: true });
  const out = [];
  if (features.jobs) {
    out.push(row(`${prefix}-cold-1`, `session-lint, ${what}, cold, --jobs 1`, 'node', [...check, '--jobs', '1', ...targets], findingsOf));
  }
  // The cold run with every core also fills the cache (emptied before each run): what a first
  // --cache run costs, and what the warm runs read.
  const jobs = features.jobs ? ['--jobs', String(cpus)] : [];
  const label = `session-lint, ${what}, cold${features.jobs ? `, --jobs ${cpus}` : ' (one thread: no --jobs in this build)'}${features.cache ? ', filling an empty --cache' : ''}`;
  out.push(row(`${prefix}-cold`, label, 'node', [...check, ...jobs, ...cached, ...targets], findingsOf, { before: empty }));
  if (features.cache) {
    out.push(row(`${prefix}-warm`, `session-lint, ${what}, warm --cache, nothing changed`, 'node', [...check, ...jobs, ...cached, ...targets], findingsOf));
  }
  return out;
}

const phpFiles = filesUnder(phpProjects, ['.php']);
const tsFiles = filesUnder([tsCorpus], ['.ts'], ['.d.ts']);
const corpus = {
  php: { files: phpFiles.length, bytes: bytesOf(phpFiles), projects: phpProjects.map((p) => path.basename(p)) },
  ts: { files: tsFiles.length, bytes: bytesOf(tsFiles), projects: fs.readdirSync(tsCorpus).filter((name) => !name.startsWith('.')) },
};
const names = await lockNames();
const astGrep = astGrepBinary();
const rows = [];
/** Adds rows and writes the report so far: a run cut short still leaves what it measured. */
function add(...measured) {
  rows.push(...measured);
  writeReport(true);
}

// PHP corpus: the floor and the other tools first (quick), then session-lint, so a run cut
// short still has the comparisons.
add(row('php-rg', 'floor: rg -l for the catalog names, PHP corpus', 'rg', ['-l', '--no-ignore', '-t', 'php', ...names.flatMap((n) => ['-e', n]), ...phpProjects], linesOf('files')));
add(row('php-parse', 'floor: parse only (web-tree-sitter), PHP corpus', 'node', [parseOnly, 'php', ...phpProjects], linesOf('files parsed')));
add(row('php-ast-grep', "ast-grep 'session_start($$$)', PHP corpus", astGrep, ['run', '--pattern', 'session_start($$$)', '--lang', 'php', '--json=stream', ...phpProjects], astGrepMatches));
const relational = path.join(scratch, 'held-session.yml');
fs.writeFileSync(
  relational,
  [
    'id: session-held-across-slow-call',
    'language: php',
    'severity: warning',
    'message: session_start() in a function that also does slow work and never closes the session',
    'rule:',
    '  pattern: session_start($$$)',
    '  inside:',
    '    stopBy: end',
    '    any: [{ kind: function_definition }, { kind: method_declaration }]',
    '    has:',
    '      stopBy: end',
    '      any: [{ pattern: sleep($$$) }, { pattern: curl_exec($$$) }, { pattern: file_get_contents($$$) }]',
    '    not:',
    '      has: { stopBy: end, pattern: session_write_close() }',
    '',
  ].join('\n'),
);
if (!skipSlow) add(row('php-ast-grep-relational', 'ast-grep relational rule (session_start + slow call, no close, one function), PHP corpus', astGrep, ['scan', '--rule', relational, '--json=stream', ...phpProjects], astGrepMatches, { times: 1 }));
const phpcsRuleset = path.join(scratch, 'phpcs.xml');
fs.writeFileSync(
  phpcsRuleset,
  `<?xml version="1.0"?>\n<ruleset name="sessions">\n  <rule ref="Generic.PHP.ForbiddenFunctions">\n    <properties>\n      <property name="forbiddenFunctions" type="array">\n        <element key="session_start" value="null"/>\n      </property>\n    </properties>\n  </rule>\n</ruleset>\n`,
);
if (!skipSlow) add(row('php-phpcs', 'phpcs Generic.PHP.ForbiddenFunctions (session_start), PHP corpus', 'phpcs', ['-d', 'memory_limit=-1', '--standard=' + phpcsRuleset, '--report=summary', '-q', '--extensions=php', ...phpProjects], phpcsFound, { times: 1 }));

add(...sessionLintRows('php', 'PHP corpus', phpProjects));

// TypeScript corpus.
add(row('ts-parse', 'floor: parse only (typescript createSourceFile), TS corpus', 'node', [parseOnly, 'ts', tsCorpus], linesOf('files parsed')));
const eslintConfig = path.join(scratch, 'eslint.config.mjs');
fs.writeFileSync(
  eslintConfig,
  `import parser from ${JSON.stringify(require.resolve('@typescript-eslint/parser'))};\nexport default [{ files: ['**/*.ts'], languageOptions: { parser }, rules: { 'no-await-in-loop': 'error' } }];\n`,
);
const eslintVersion = JSON.parse(fs.readFileSync(path.join(repo, 'node_modules/eslint/package.json'), 'utf8')).version;
// ESLint runs from the corpus (its files must lie under the working directory of a --config run).
add(row('ts-eslint', `ESLint ${eslintVersion} no-await-in-loop (@typescript-eslint/parser), TS corpus`, bin('eslint'), ['--config', eslintConfig, '--no-ignore', '--format', 'json', '.'], eslintFound, { cwd: tsCorpus }));
add(...sessionLintRows('ts', 'TS corpus', [tsCorpus]));

// One large generated file of each language.
const bigPhp = generatedPhp(5 * 1024 * 1024);
const single = [sessionLint, 'check', '--format', 'json'];
add(row('php-generated', 'session-lint, one generated 5 MB PHP file', 'node', [...single, bigPhp], findingsOf));
add(row('php-generated-parse', 'floor: parse only, the same 5 MB PHP file', 'node', [parseOnly, 'php', bigPhp], linesOf('files parsed')));
const bigTs = generatedTs(5 * 1024 * 1024);
add(row('ts-generated', 'session-lint, one generated 5 MB TS file', 'node', [...single, bigTs], findingsOf));
add(row('ts-generated-parse', 'floor: parse only, the same 5 MB TS file', 'node', [parseOnly, 'ts', bigTs], linesOf('files parsed')));

// The language server's rows (issue 13), when the server is built.
let lsp;
if (fs.existsSync(path.join(repo, 'server/out/server.js'))) {
  // The project opened cold and on a second start: WordPress's dashboard, whose bootstrap
  // includes reach most of WordPress.
  const wordpress = path.join(phpCorpus, 'wordpress');
  const dashboard = path.join(wordpress, 'usr/share/wordpress/wp-admin/index.php');
  const project = fs.existsSync(dashboard) ? ['--workspace', wordpress, '--open', dashboard] : [];
  const result = spawnSync('node', [path.join(repo, 'tools/bench-lsp.mjs'), ...project], { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 26 });
  try {
    lsp = JSON.parse(result.stdout.trim().split('\n').pop());
    console.error(`bench: language server: ${JSON.stringify(lsp)}`);
  } catch {
    console.error(`bench: the language server benchmark failed: ${result.stderr.slice(-1000)}`);
  }
}

fs.rmSync(scratch, { recursive: true, force: true });
writeReport(false, lsp);
console.error(`bench: wrote docs/benchmarks.md and docs/benchmarks.json in ${((Date.now() - started) / 60000).toFixed(1)} min`);

/** docs/benchmarks.json and .md from the rows so far; `partial` while rows are still to come. */
function writeReport(partial, lspRows) {
  const raw = {
    date: new Date().toISOString(),
    node: process.version,
    cpus,
    loadAverage: os.loadavg(),
    runs,
    budget,
    minutes: (Date.now() - started) / 60000,
    ...(partial ? { partial: true } : {}),
    features,
    corpus,
    names,
    rows,
    ...(lspRows ? { lsp: lspRows } : {}),
  };
  fs.writeFileSync(path.join(repo, 'docs/benchmarks.json'), `${JSON.stringify(raw, null, 2)}\n`);
  fs.writeFileSync(path.join(repo, 'docs/benchmarks.md'), markdown(raw));
}
