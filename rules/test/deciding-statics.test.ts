import * as assert from 'node:assert/strict';
import { FlowEngine, PhpParser, SameFileResolver, lowerPhp } from '../../core/src';
import { phpNativeCatalog } from '../src/catalog/php-native';
import { loadGrammarBytes } from '../src/node-runtime';

/**
 * Summary keys keep the facts about a class static only where a test of it decides something
 * (`core/src/flow/deciding-statics.ts`): a singleton's getter, whose test only guards building
 * the object, is summarised once whether or not its caller already knows the object is built;
 * a getter whose test guards a session start is summarised once per value.
 */
describe('summary keys: class statics whose tests decide nothing', () => {
  let parser: PhpParser;
  before(async () => {
    parser = await PhpParser.create(await loadGrammarBytes());
  });

  // `get()` closes the session (so it remembers the test of its static); `guarded` puts the
  // close under that test. `calls` calls of it in a row: the second one knows the object built.
  const program = (guarded: boolean, calls: number) => `<?php
class Registry {
    private static $instance = null;

    public static function get() {
        ${guarded ? '' : 'session_write_close();'}
        if (self::$instance === null) {
            ${guarded ? 'session_write_close();' : ''}
            self::$instance = new Registry();
        }
        return self::$instance;
    }
}

function page() {
${'    Registry::get();\n'.repeat(calls)}}
`;

  function analysePage(text: string): { runs: number; exitFacts: string[] } {
    const tree = parser.parse(text);
    const { ir } = lowerPhp(tree.rootNode, 'f.php', text, phpNativeCatalog);
    tree.delete();
    const engine = new FlowEngine(new SameFileResolver([ir]), () => 1);
    const unit = ir.units.find((u) => u.displayName === 'page()')!;
    const exit = engine.analyze(unit, phpNativeCatalog.sessionResource).exit!;
    const facts = [exit, ...(exit.cases ?? [])].flatMap((one) => (one.facts ?? []).map((fact) => `${fact.predicate}=${fact.value}`));
    return { runs: engine.summaryRuns, exitFacts: facts };
  }

  it('summarises a getter whose test only guards building the object no more for a caller that knows it built', () => {
    const once = analysePage(program(false, 1));
    const twice = analysePage(program(false, 2));
    assert.equal(twice.runs, once.runs);
    // The caller still learns from the getter that the object is built: the getter remembers its
    // test of the static, which the store of `new` decides (`self::$instance === null` is false).
    assert.ok(twice.exitFacts.includes('registry::$instance === null=false'), twice.exitFacts.join(', '));
  });

  it('summarises a getter whose test guards a session operation again for a caller that knows the object built', () => {
    const once = analysePage(program(true, 1));
    const twice = analysePage(program(true, 2));
    assert.ok(twice.runs > once.runs, `${twice.runs} summaries for two calls, ${once.runs} for one`);
  });
});
