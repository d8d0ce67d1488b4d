import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createAnalyzer } from '../../rules/src/analyzer';
import type { ProjectHost, SourceFile } from '../../rules/src/api';
import { loadGrammarBytes } from '../../rules/src/node-runtime';
import { fixturesRoot } from '../../rules/test/support';
import { diskLibraryCache, libraryCacheFolder } from '../src/library-disk-cache';
import { TempDir } from './helpers';

/**
 * What installed packages do is kept on disk (`cli/src/library-disk-cache.ts`): a second run,
 * with a new analyzer (a new process), reads the packages' `package.json` files only, and
 * finds the same. The fixture is `held-across-slow-call/ts-library-calls` (fake SDKs in its
 * `node_modules`).
 */

function project(): { sources: SourceFile[]; host: ProjectHost; reads: string[] } {
  const root = path.join(fixturesRoot, 'held-across-slow-call', 'ts-library-calls');
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
const places = (findings: readonly { span: { file: string; start: number } }[]): string[] => findings.map((f) => `${f.span.file}:${f.span.start}`);

describe('library facts on disk', () => {
  let dir: TempDir;
  beforeEach(() => {
    dir = new TempDir();
  });
  afterEach(() => dir.cleanup());

  it('a second run (a new analyzer) reads no package code and finds the same', async () => {
    const grammar = await loadGrammarBytes();
    const folder = path.join(dir.root, 'cache');
    const first = project();
    const before = (await createAnalyzer(grammar, {}, { libraryCache: diskLibraryCache(folder) })).analyzeProject(first.sources, first.host);
    assert.ok(packageCode(first.reads).length >= 3, first.reads.join(', '));
    assert.ok(fs.readdirSync(folder).length >= 2, 'one file per package module');
    const second = project();
    const after = (await createAnalyzer(grammar, {}, { libraryCache: diskLibraryCache(folder) })).analyzeProject(second.sources, second.host);
    assert.deepEqual(packageCode(second.reads), []);
    assert.equal(after.findings.length, 3);
    assert.deepEqual(places(after.findings), places(before.findings));
  });

  it('an unreadable entry is a miss: the package is read again', async () => {
    const grammar = await loadGrammarBytes();
    const folder = path.join(dir.root, 'cache');
    const first = project();
    (await createAnalyzer(grammar, {}, { libraryCache: diskLibraryCache(folder) })).analyzeProject(first.sources, first.host);
    for (const file of fs.readdirSync(folder)) fs.writeFileSync(path.join(folder, file), '{ "functions": [');
    const second = project();
    const after = (await createAnalyzer(grammar, {}, { libraryCache: diskLibraryCache(folder) })).analyzeProject(second.sources, second.host);
    assert.ok(packageCode(second.reads).length >= 3);
    assert.equal(after.findings.length, 3);
  });

  it('lives in the nearest node_modules above the run, and nowhere without one', () => {
    dir.mkdir('app/node_modules').mkdir('app/src/routes');
    const folder = libraryCacheFolder(path.join(dir.root, 'app', 'src', 'routes'));
    assert.ok(folder?.startsWith(path.join(dir.root, 'app', 'node_modules', '.cache', 'session-lint', 'library-facts')), folder);
    assert.equal(libraryCacheFolder(path.join(dir.root)), undefined);
  });
});
