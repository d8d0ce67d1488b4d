import * as assert from 'node:assert/strict';
import { lowerPhp, PhpParser, type Catalog } from '../../core/src';
import { phpNativeCatalog } from '../src/catalog/php-native';
import { loadGrammarBytes } from '../src/node-runtime';
import { analyzer } from './support';

/**
 * A bug of ours that throws while one function is read must cost that function only: the other
 * functions of the file, and the other files of the run, keep their findings.
 */
describe('an internal error while lowering is contained', () => {
  let parser: PhpParser;
  before(async () => {
    parser = await PhpParser.create(await loadGrammarBytes());
  });

  /** The native catalog, except that looking up `trips_a_bug` throws (as a bug in a lowering step would). */
  const trippingCatalog: Catalog = {
    ...phpNativeCatalog,
    functions: new Proxy(phpNativeCatalog.functions, {
      get(target, key, receiver) {
        if (key === 'trips_a_bug') throw new Error('a bug of ours');
        return Reflect.get(target, key, receiver);
      },
    }),
  };

  it('reads the function that threw as doing nothing and lowers the others', () => {
    const text = [
      '<?php',
      'function broken() {',
      '    trips_a_bug();',
      '}',
      'function handler() {',
      '    session_start();',
      '    sleep(5);',
      '}',
    ].join('\n');
    const root = parser.parsePlain(text, 'input.php').rootNode;
    const lowered = lowerPhp(root, 'input.php', text, trippingCatalog);
    assert.deepEqual(lowered.ir.units.map((u) => u.id).sort(), ['function:broken', 'function:handler', 'script']);
    assert.equal(lowered.problems.length, 1);
    const [problem] = lowered.problems;
    assert.equal(problem!.internal, true);
    assert.match(problem!.message, /^internal error while reading broken\(\): a bug of ours; it is analysed as if it did nothing$/);
    assert.equal(text.slice(problem!.span.start, problem!.span.start + 'function broken'.length), 'function broken');
    const handler = lowered.ir.units.find((u) => u.id === 'function:handler')!;
    const broken = lowered.ir.units.find((u) => u.id === 'function:broken')!;
    assert.ok(JSON.stringify(handler.cfg).includes('session'), 'the handler is lowered with its session effects');
    assert.ok(!JSON.stringify(broken.cfg).includes('trips_a_bug'), 'the broken function does nothing');
  });

  it('does not fold a first-class callable (`intval(...)`) as a call with no arguments', async () => {
    const text = [
      '<?php',
      'session_start();',
      '$toInt = intval(...);',
      'if (intval(...)) {',
      '    $_SESSION["n"] = $toInt("3");',
      '}',
      'if (trim(...)) {',
      '    $_SESSION["m"] = 1;',
      '}',
      '$page = file_get_contents("https://example.com/feed");',
    ].join('\n');
    const result = await (await analyzer()).analyzeFile({ path: 'input.php', text });
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.findings.map((f) => f.rule), ['held-across-slow-call']);
  });
});
