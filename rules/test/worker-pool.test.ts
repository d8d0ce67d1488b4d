import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PhpParser, type FileSymbols } from '../../core/src';
import { phpNativeCatalog } from '../src/catalog/php-native';
import { declarePhpText, lowerPhpText, projectSymbolsOf, type PhpText } from '../src/cache/php-file-results';
import { PhpWorkerPool, phpWorkerScript } from '../src/parallel/php-worker-pool';
import { loadGrammarBytes } from '../src/node-runtime';
import { fixturesRoot } from './support';

/**
 * `--jobs`: PHP files parsed, declared and lowered on worker threads give the same plain data
 * as in the main thread (the IR crosses threads by structured clone), in the order of the files.
 */
describe('PHP work on worker threads', function () {
  this.timeout(120000);
  let pool: PhpWorkerPool;
  let parser: PhpParser;
  let files: PhpText[];
  before(async () => {
    const script = phpWorkerScript();
    assert.ok(script, 'the worker script is built next to the pool');
    pool = new PhpWorkerPool(script, 2);
    parser = await PhpParser.create(await loadGrammarBytes());
    const folder = path.join(fixturesRoot, 'write-after-close');
    files = fs
      .readdirSync(folder)
      .filter((name) => name.endsWith('.php'))
      .sort()
      .map((name) => ({ path: name, text: fs.readFileSync(path.join(folder, name), 'utf8') }));
    assert.ok(files.length > 20, 'enough files for several requests per worker');
  });
  after(() => pool.close());

  it('declares files as the main thread does', () => {
    const remote = pool.declare(files);
    assert.deepEqual(remote, files.map((file) => declarePhpText(parser, file)));
  });

  it('lowers files with the project index as the main thread does', () => {
    const symbols: FileSymbols[] = files.map((file) => declarePhpText(parser, file).symbols);
    const inputs = { catalog: phpNativeCatalog, symbols };
    const remote = pool.lower(files, inputs);
    const index = projectSymbolsOf(inputs);
    assert.deepEqual(remote, files.map((file) => lowerPhpText(parser, file, phpNativeCatalog, index)));
    // A second batch with other inputs (each file alone) is not lowered with the first's.
    const alone = pool.lower(files.slice(0, 3), { catalog: phpNativeCatalog, symbols: undefined });
    assert.deepEqual(alone, files.slice(0, 3).map((file) => lowerPhpText(parser, file, phpNativeCatalog, undefined)));
  });
});
