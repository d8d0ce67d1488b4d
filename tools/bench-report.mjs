// docs/benchmarks.md from the raw numbers tools/bench.mjs measured: the table, the ratios
// (each between rows of the same run), the targets of issues 12 and 13, and a reading.
// `node tools/bench-report.mjs` re-renders docs/benchmarks.md from docs/benchmarks.json.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const mb = (bytes) => bytes / (1024 * 1024);
const seconds = (s) => (s < 10 ? s.toFixed(2) : s.toFixed(1));

export function markdown(raw) {
  const byId = new Map(raw.rows.map((r) => [r.id, r]));
  const wall = (id) => byId.get(id)?.wall;
  const ratio = (a, b) => (byId.has(a) && byId.has(b) ? byId.get(a).wall / byId.get(b).wall : undefined);
  const line = (r) => `| ${r.label} | ${seconds(r.wall)} | ${seconds(r.cpu)} | ${r.rssMb.toFixed(0)} | ${r.found} | ${r.runs} |`;
  const ratioLines = [
    ['session-lint PHP cold (all cores) / ast-grep plain pattern', 'php-cold', 'php-ast-grep'],
    ['session-lint PHP cold (all cores) / parse only', 'php-cold', 'php-parse'],
    ['session-lint PHP cold (all cores) / rg -l', 'php-cold', 'php-rg'],
    ['session-lint PHP cold (all cores) / phpcs ForbiddenFunctions', 'php-cold', 'php-phpcs'],
    ['session-lint PHP cold (all cores) / ast-grep relational rule', 'php-cold', 'php-ast-grep-relational'],
    ['session-lint PHP all cores / --jobs 1', 'php-cold', 'php-cold-1'],
    ['session-lint PHP warm --cache / cold (all cores)', 'php-warm', 'php-cold'],
    ['session-lint TS cold (all cores) / ESLint no-await-in-loop', 'ts-cold', 'ts-eslint'],
    ['session-lint TS cold (all cores) / parse only', 'ts-cold', 'ts-parse'],
    ['session-lint TS all cores / --jobs 1', 'ts-cold', 'ts-cold-1'],
    ['session-lint TS warm --cache / cold (all cores)', 'ts-warm', 'ts-cold'],
    ['session-lint 5 MB PHP / parse only', 'php-generated', 'php-generated-parse'],
    ['session-lint 5 MB TS / parse only', 'ts-generated', 'ts-generated-parse'],
  ]
    .filter(([, a, b]) => ratio(a, b) !== undefined)
    .map(([label, a, b]) => `| ${label} | ${ratio(a, b).toFixed(2)}× |`);
  const targets = targetsOf(raw, wall, ratio, byId);
  return `# Benchmarks

Written by \`npm run bench\` (\`tools/bench.sh\`, \`tools/bench.mjs\`) on ${raw.date} in ${raw.minutes.toFixed(1)} minutes:
Node ${raw.node}, ${raw.cpus} cores, load average ${raw.loadAverage.map((l) => l.toFixed(1)).join(' / ')} when the run ended
(the machine is shared: the ratios below, between rows of this one run, are the figures to read).
${raw.partial ? `**Partial: the run ended before every row was measured (${raw.rows.length} rows so far); the missing rows and targets say "not measured".**
` : ''}Every figure is the median of up to ${raw.runs} runs; a row stops repeating once its runs took
${raw.budget} s, so the last column says how many runs each median has. Raw numbers:
[benchmarks.json](benchmarks.json).

Corpora: PHP ${raw.corpus.php.projects.join(', ')} (${raw.corpus.php.files} \`.php\` files,
${mb(raw.corpus.php.bytes).toFixed(1)} MB); TypeScript ${raw.corpus.ts.projects.join(', ')} (${raw.corpus.ts.files} \`.ts\` files,
${mb(raw.corpus.ts.bytes).toFixed(1)} MB). session-lint runs with \`--include-vendor --no-ignore\`
(every file, as the other tools see them). The floor searches for the names the catalogs know
can start a lock: ${raw.names.map((n) => `\`${n}\``).join(', ')}.

| run | wall s | CPU s | peak MB | what it found | runs |
|---|---:|---:|---:|---|---:|
${raw.rows.map(line).join('\n')}

| ratio (wall time, same run) | |
|---|---:|
${ratioLines.join('\n')}
${lspSection(raw.lsp)}
## Targets

| target | met | measured |
|---|---|---|
${targets.map((t) => `| ${t.target} | ${t.met === undefined ? 'not measured' : t.met ? 'yes' : 'no'} | ${t.measured} |`).join('\n')}

## Reading

The tools do not do the same work. \`rg -l\` only lists the files that mention a lock's name and
parse-only builds the syntax trees: together they are the floor, the cost of touching the files
at all. ast-grep's plain pattern and phpcs's ForbiddenFunctions fire on every \`session_start()\`
call, held or not, so their counts are call sites, not problems; the relational ast-grep rule is
the closest a pattern tool gets (one function body, no calls, includes or branches followed) and
misses every hold that crosses a function or a file, while it still reports a hold wherever a
close exists on some other path. ESLint's \`no-await-in-loop\` reports every await in a loop,
whatever is held. session-lint's findings are holds across slow work followed through includes,
calls and branches, after parsing and lowering every file it is given.
${raw.features.jobs ? '' : '\nThis build has no `--jobs` (one thread) and '}${raw.features.cache ? '' : `${raw.features.jobs ? '\nThis build has ' : ''}no \`--cache\`: those rows are missing.\n`}
${(raw.notes ?? []).join('\n\n')}
`;
}

function targetsOf(raw, wall, ratio, byId) {
  const measured = (ids, text) => ([ids].flat().every((id) => byId.has(id)) ? text() : 'not measured');
  const has = (...ids) => ids.every((id) => byId.has(id));
  const lsp = raw.lsp;
  return [
    { target: 'PHP corpus cold under 2 s wall', met: has('php-cold') ? wall('php-cold') < 2 : undefined, measured: measured('php-cold', () => `${seconds(wall('php-cold'))} s`) },
    { target: "PHP corpus cold faster than ast-grep's plain pattern", met: has('php-cold', 'php-ast-grep') ? ratio('php-cold', 'php-ast-grep') < 1 : undefined, measured: measured(['php-cold', 'php-ast-grep'], () => `${ratio('php-cold', 'php-ast-grep').toFixed(1)}× ast-grep`) },
    { target: 'PHP corpus warm (--cache, nothing changed) under 0.5 s', met: has('php-warm') ? wall('php-warm') < 0.5 : undefined, measured: measured('php-warm', () => `${seconds(wall('php-warm'))} s`) },
    {
      target: 'TS corpus cold under 3 s wall (a tenth of the one-rule ESLint run)',
      met: has('ts-cold') ? wall('ts-cold') < 3 : undefined,
      measured: measured(['ts-cold', 'ts-eslint'], () => `${seconds(wall('ts-cold'))} s; ${ratio('ts-cold', 'ts-eslint').toFixed(2)}× ESLint`),
    },
    {
      target: "a 5 MB generated PHP file at the parser's own speed (4 MB/s) or better",
      met: has('php-generated', 'php-generated-parse') ? ratio('php-generated', 'php-generated-parse') <= 1 : undefined,
      measured: measured(['php-generated', 'php-generated-parse'], () => `${(5 / wall('php-generated')).toFixed(2)} MB/s, ${ratio('php-generated', 'php-generated-parse').toFixed(1)}× parse-only`),
    },
    { target: 'peak memory on the PHP corpus under 500 MB', met: has('php-cold') ? byId.get('php-cold').rssMb < 500 : undefined, measured: measured('php-cold', () => `${byId.get('php-cold').rssMb.toFixed(0)} MB`) },
    { target: 'language server: p95 edit-to-diagnostics under 20 ms', met: lsp?.p95Ms === undefined ? undefined : lsp.p95Ms < 20, measured: lsp?.p95Ms === undefined ? 'not measured' : `${lsp.p95Ms} ms` },
    {
      target: 'language server: PHP corpus indexed cold under 3 s',
      met: undefined,
      measured: lsp?.indexColdMs === undefined ? 'not measured' : `no workspace index yet; one project's entry (${lsp.project}) cold: ${(lsp.indexColdMs / 1000).toFixed(1)} s`,
    },
    { target: 'language server: second start under 1 s', met: lsp?.indexSecondMs === undefined ? undefined : lsp.indexSecondMs < 1000, measured: lsp?.indexSecondMs === undefined ? 'not measured' : `${(lsp.indexSecondMs / 1000).toFixed(1)} s (the same entry after a restart)` },
    { target: 'language server: memory under 300 MB', met: lsp?.serverRssMb === undefined ? undefined : lsp.serverRssMb < 300, measured: lsp?.serverRssMb === undefined ? 'not measured' : `${lsp.serverRssMb} MB` },
    { target: 'language server: no CPU while idle', met: lsp?.idleCpuMs === undefined ? undefined : lsp.idleCpuMs < 50, measured: lsp?.idleCpuMs === undefined ? 'not measured' : `${lsp.idleCpuMs} ms of CPU in ${lsp.idleSeconds} s idle` },
  ];
}

function lspSection(lsp) {
  if (!lsp) return '';
  const rows = [
    ['edits measured', lsp.edits],
    ['file edited', `${lsp.lines} lines of PHP, ${lsp.findings} findings`],
    ['edit to fresh diagnostics, p50', `${lsp.p50Ms} ms`],
    ['edit to fresh diagnostics, p95', `${lsp.p95Ms} ms`],
    ...(lsp.indexColdMs !== undefined ? [[`first diagnostics of \`${lsp.project}\` (its includes read and lowered), cold`, `${(lsp.indexColdMs / 1000).toFixed(2)} s`]] : []),
    ...(lsp.indexSecondMs !== undefined ? [['the same after a restart (second start, per-file disk cache)', `${(lsp.indexSecondMs / 1000).toFixed(2)} s`]] : []),
    ...(lsp.projectRssMb !== undefined ? [['server memory (RSS) after opening it', `${lsp.projectRssMb} MB`]] : []),
    ['server memory (RSS) afterwards', `${lsp.serverRssMb} MB`],
    ...(lsp.idleCpuMs !== undefined ? [['server CPU while idle afterwards', `${lsp.idleCpuMs} ms in ${lsp.idleSeconds} s`]] : []),
  ];
  return `
## Language server (\`tools/bench-lsp.mjs\`)

| measure | |
|---|---:|
${rows.map(([k, v]) => `| ${k} | ${v} |`).join('\n')}
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const docs = path.join(path.dirname(fileURLToPath(import.meta.url)), '../docs');
  const raw = JSON.parse(fs.readFileSync(path.join(docs, 'benchmarks.json'), 'utf8'));
  fs.writeFileSync(path.join(docs, 'benchmarks.md'), markdown(raw));
}
