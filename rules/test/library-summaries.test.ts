import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createAnalyzer } from '../src/analyzer';
import type { ProjectHost, SourceFile } from '../src/api';
import { loadGrammarBytes } from '../src/node-runtime';
import { fixturesRoot } from './support';

/**
 * Installed packages judged by what their code does (`rules/src/typescript/library-summaries.ts`):
 * read through the host on demand, never when the catalog describes the package, noted once
 * when not installed, and kept per package version, so a second run of the same analyzer
 * reads no package code again. The findings themselves are checked by the project fixtures
 * `held-across-slow-call/ts-library-calls` and its clean twin.
 */

function project(name: string): { sources: SourceFile[]; host: ProjectHost; reads: string[] } {
  const root = path.join(fixturesRoot, 'held-across-slow-call', name);
  const reads: string[] = [];
  const read = (file: string): string | undefined => {
    reads.push(file);
    const full = path.join(root, file);
    return fs.existsSync(full) && fs.statSync(full).isFile() ? fs.readFileSync(full, 'utf8') : undefined;
  };
  const sources = fs.readdirSync(path.join(root, 'src')).map((file) => ({ path: `src/${file}`, text: fs.readFileSync(path.join(root, 'src', file), 'utf8') }));
  return { sources, host: { readFile: read }, reads };
}

const packageCode = (reads: readonly string[]): string[] => reads.filter((file) => file.startsWith('node_modules/') && !file.endsWith('/package.json'));

describe('installed packages', () => {
  it('reads a package the project imports, and none the catalog describes', async () => {
    const analyzer = await createAnalyzer(await loadGrammarBytes());
    const { sources, host, reads } = project('ts-library-calls');
    const result = analyzer.analyzeProject(sources, host);
    assert.equal(result.findings.length, 3);
    assert.ok(packageCode(reads).includes('node_modules/fake-ledger-sdk/dist/transport.js'), reads.join(', '));
    assert.ok(packageCode(reads).includes('node_modules/fake-mailer/lib/index.js'));
    assert.deepEqual(reads.filter((file) => file.startsWith('node_modules/pg')), []);
  });

  it('keeps what it derived per package version: a second run reads no package code', async () => {
    const analyzer = await createAnalyzer(await loadGrammarBytes());
    const first = project('ts-library-calls');
    const before = analyzer.analyzeProject(first.sources, first.host);
    assert.ok(packageCode(first.reads).length >= 3);
    const second = project('ts-library-calls');
    const after = analyzer.analyzeProject(second.sources, second.host);
    assert.deepEqual(packageCode(second.reads), []);
    assert.deepEqual(
      after.findings.map((f) => `${f.span.file}:${f.span.start}`),
      before.findings.map((f) => `${f.span.file}:${f.span.start}`),
    );
  });

  it('says once that a package is not installed', async () => {
    const analyzer = await createAnalyzer(await loadGrammarBytes());
    const { sources, host } = project('ts-library-calls-clean');
    const result = analyzer.analyzeProject(sources, host);
    assert.deepEqual(result.findings, []);
    const notes = (result.summaryNotes ?? []).filter((note) => note.includes('not installed'));
    assert.equal(notes.length, 1, (result.summaryNotes ?? []).join('\n'));
    assert.match(notes[0]!, /1 imported package\(s\) not installed \(not-installed-analytics\)/);
  });

  it('reads no more of a wide package than its file bound: a module past it is not opened to see it exists', async () => {
    // date-fns 2's index requires some 250 modules; of umami's install, 699 of its files were read whole before.
    const modules = Array.from({ length: 200 }, (_, i) => `m${i}`);
    const files = new Map<string, string>([
      ['node_modules/wide-lib/package.json', JSON.stringify({ name: 'wide-lib', version: '1.0.0', main: 'index.js' })],
      ['node_modules/wide-lib/index.js', modules.map((m) => `exports.${m} = require('./${m}').${m};`).join('\n')],
      ...modules.map((m): [string, string] => [`node_modules/wide-lib/${m}.js`, `exports.${m} = function ${m}() { return fetch('https://example.com/${m}'); };`]),
    ]);
    const reads = new Set<string>();
    const host: ProjectHost = { readFile: (file) => (reads.add(file), files.get(file)) };
    const source = [
      "import { Pool } from 'pg';",
      "import { m0 } from 'wide-lib';",
      'const pool = new Pool();',
      'export async function f(): Promise<void> {',
      '  const client = await pool.connect();',
      '  try { await client.query("SELECT 1"); await m0(); } finally { client.release(); }',
      '}',
    ].join('\n');
    const analyzer = await createAnalyzer(await loadGrammarBytes());
    const result = analyzer.analyzeProject([{ path: 'src/f.ts', text: source }], host);
    const code = [...reads].filter((file) => file.startsWith('node_modules/wide-lib/') && files.has(file) && !file.endsWith('package.json'));
    assert.ok(code.length >= 80 && code.length <= 82, `${code.length} files of wide-lib read`);
    assert.ok((result.summaryNotes ?? []).some((note) => note.includes('wide-lib: more than 80 files')), (result.summaryNotes ?? []).join('\n'));
  });
});
