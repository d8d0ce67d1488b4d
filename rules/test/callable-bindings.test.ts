import * as assert from 'node:assert/strict';
import { FlowEngine, PhpParser, SameFileResolver, lowerPhp } from '../../core/src';
import { phpNativeCatalog } from '../src/catalog/php-native';
import { loadGrammarBytes } from '../src/node-runtime';

/**
 * Any string argument may name a function, so a call binds it to the callee's parameter; only a
 * parameter the callee runs (itself, through code it passes it to, or in a closure) keeps that
 * binding in the callee's summary key (`core/src/flow/callable-slots.ts`). A logger entered with
 * each message it is given was summarised once per message (MediaWiki did not finish).
 */
describe('summaries keyed by the callables the callee runs', () => {
  let parser: PhpParser;
  before(async () => {
    parser = await PhpParser.create(await loadGrammarBytes());
  });

  const text = `<?php
function opens() { session_start(); }
function stays() { $n = 1; }
function log_it($message) { $n = strlen($message); }
function forward($message) { log_it($message); }
function loop_a($message, $n) { if ($n > 0) { loop_b($message, $n); } }
function loop_b($message, $n) { loop_a($message, $n - 1); }
function run_cb($cb) { $cb(); }
function forward_cb($cb) { run_cb($cb); }
function cycle_a($cb, $n) { if ($n > 0) { cycle_b($cb, $n); } else { $cb(); } }
function cycle_b($cb, $n) { cycle_a($cb, $n - 1); }
function messages() { log_it('first'); log_it('second'); log_it('third'); }
function forwarded() { forward('first'); forward('second'); }
function looped() { loop_a('first', 2); loop_a('second', 2); }
function run_opens() { run_cb('opens'); }
function run_stays() { run_cb('stays'); }
function forward_opens() { forward_cb('opens'); }
function forward_stays() { forward_cb('stays'); }
function cycle_opens() { cycle_a('opens', 2); }
function cycle_stays() { cycle_a('stays', 2); }
`;

  function analyse(names: readonly string[]): { engine: FlowEngine; open: Map<string, boolean> } {
    const tree = parser.parse(text);
    const { ir } = lowerPhp(tree.rootNode, 'f.php', text, phpNativeCatalog);
    tree.delete();
    const engine = new FlowEngine(new SameFileResolver([ir]), () => 1);
    const open = new Map<string, boolean>();
    for (const name of names) {
      const unit = ir.units.find((u) => u.displayName === `${name}()`)!;
      open.set(name, engine.analyze(unit, phpNativeCatalog.sessionResource).exit!.open.length > 0);
    }
    return { engine, open };
  }

  it('summarises a helper that never runs its argument once, whatever string each call passes', () => {
    assert.equal(analyse(['messages']).engine.summaryRuns, 1);
  });

  it('summarises a helper that passes its argument on to one that never runs it once', () => {
    assert.equal(analyse(['forwarded']).engine.summaryRuns, 2);
  });

  it('summarises helpers that pass the argument round a cycle once each', () => {
    // loop_a and loop_b once each for the first message; the second finds them memoised.
    assert.equal(analyse(['looped']).engine.summaryRuns, 2);
  });

  it('makes a unit of a PHP function named by a string only when its call does something the flow follows', () => {
    // `native-callables.ts`: 'session_start' becomes a unit at its literal; 'file' (no path
    // given: nothing seen) and 'strtolower' (no effect) do not, and leave no unknown-path read.
    const source = `<?php
function get_param($name) { return $name; }
function quiet($function) { return call_user_func_array($function, array()); }
get_param('file');
quiet('strtolower');
quiet('session_start');
`;
    const tree = parser.parse(source);
    const { ir } = lowerPhp(tree.rootNode, 'n.php', source, phpNativeCatalog);
    tree.delete();
    const natives = ir.units.filter((u) => u.kind === 'closure').map((u) => u.displayName);
    assert.deepEqual(natives, ['`session_start()` named at line 6']);
    assert.equal(ir.uncountedReads, undefined);
  });

  it('keeps apart the callables a helper runs, directly, passed on and round a cycle', () => {
    const { open } = analyse(['run_opens', 'run_stays', 'forward_opens', 'forward_stays', 'cycle_opens', 'cycle_stays']);
    assert.deepEqual(Object.fromEntries(open), {
      run_opens: true,
      run_stays: false,
      forward_opens: true,
      forward_stays: false,
      cycle_opens: true,
      cycle_stays: false,
    });
  });
});
