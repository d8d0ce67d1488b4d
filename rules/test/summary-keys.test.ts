import * as assert from 'node:assert/strict';
import { FlowEngine, PhpParser, SameFileResolver, lowerPhp } from '../../core/src';
import { phpNativeCatalog } from '../src/catalog/php-native';
import { loadGrammarBytes } from '../src/node-runtime';

/**
 * A helper that never looks at a session setting is summarised once whatever value its callers
 * have for it, and each caller still leaves the helper with its own value.
 */
describe('summaries keyed by the facts the callee reads', () => {
  let parser: PhpParser;
  before(async () => {
    parser = await PhpParser.create(await loadGrammarBytes());
  });

  const text = `<?php
function touch_cache() { $n = count($GLOBALS); }
function cookies_off() { ini_set('session.use_cookies', '0'); touch_cache(); }
function cookies_on() { ini_set('session.use_cookies', '1'); touch_cache(); }
function cookies_off_reading() { ini_set('session.use_cookies', '0'); start_it(); }
function cookies_on_reading() { ini_set('session.use_cookies', '1'); start_it(); }
function start_it() { session_start(); }
`;

  function analyse(names: readonly string[]): { engine: FlowEngine; exits: Map<string, unknown> } {
    const tree = parser.parse(text);
    const { ir } = lowerPhp(tree.rootNode, 'f.php', text, phpNativeCatalog);
    tree.delete();
    const engine = new FlowEngine(new SameFileResolver([ir]), () => 1);
    const exits = new Map<string, unknown>();
    for (const name of names) {
      const unit = ir.units.find((u) => u.displayName === `${name}()`)!;
      const exit = engine.analyze(unit, phpNativeCatalog.sessionResource).exit!;
      exits.set(name, (exit.facts ?? []).filter((fact) => fact.subject === 'ini:session.use_cookies').map((fact) => fact.value));
    }
    return { engine, exits };
  }

  it('summarises a helper that only carries the setting once, with each caller keeping its value', () => {
    const { engine, exits } = analyse(['cookies_off', 'cookies_on']);
    assert.equal(engine.summaryRuns, 1);
    assert.deepEqual(exits.get('cookies_off'), [true]);
    assert.deepEqual(exits.get('cookies_on'), [false]);
  });

  it('summarises a helper that reads the setting (a start) once per value', () => {
    const { engine } = analyse(['cookies_off_reading', 'cookies_on_reading']);
    assert.equal(engine.summaryRuns, 2);
  });
});
