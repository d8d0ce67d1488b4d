import * as assert from 'node:assert/strict';
import { analyzer } from './support';

/**
 * A helper entered in more different ways than `MAX_ENTRIES_PER_UNIT` (here: a different
 * callable bound to its parameter by each caller) is summarised past that knowing nothing of its
 * callers, and the run says it cut the helper; under the bound nothing is cut.
 */
describe('summaries per unit: a bound on the ways a unit is entered', () => {
  const analyze = async (text: string) => (await analyzer()).analyzeFile({ path: 'input.php', text });
  const notesOf = (notes: readonly string[] | undefined) => (notes ?? []).filter((note) => note.includes('was cut'));

  // Each caller passes its own function to `run_cb()`, which calls it: one summary key each.
  const program = (callers: number) => {
    const callbacks = Array.from({ length: callers }, (_, i) => `function cb${i}() { $x = ${i}; }`).join('\n');
    const calls = Array.from({ length: callers }, (_, i) => `run_cb('cb${i}');`).join('\n');
    return `<?php\nfunction run_cb($cb) { $cb(); }\n${callbacks}\nsession_start();\n$_SESSION['n'] = 1;\n${calls}\nsleep(1);\n`;
  };

  it('cuts a helper entered in more ways than the bound, and says so', async () => {
    const result = await analyze(program(80));
    assert.equal(result.errors.length, 0);
    assert.deepEqual(result.findings.map((f) => f.rule), ['held-across-slow-call']);
    const cut = notesOf(result.summaryNotes);
    assert.ok(cut.some((note) => note.startsWith('Analysis of `run_cb()` in input.php (line 2) was cut: it is entered in more than 64 different ways')), cut.join('\n'));
  }).timeout(60000);

  // Each caller also leaves out `$retry`, whose default keeps the helper from sleeping: past the
  // bound the calls still say so (the arguments left out are kept), and nothing sleeps.
  const leavesOut = (callers: number, last: string) => {
    const callbacks = Array.from({ length: callers }, (_, i) => `function cb${i}() { $x = ${i}; }`).join('\n');
    const calls = Array.from({ length: callers }, (_, i) => `run_cb('cb${i}');`).join('\n');
    return `<?php\nfunction run_cb($cb, $retry = false) { $cb(); if ($retry) { sleep(1); } }\n${callbacks}\nsession_start();\n$_SESSION['n'] = 1;\n${calls}\n${last}\n`;
  };

  it('past the bound, still knows the arguments a call leaves out', async () => {
    const result = await analyze(leavesOut(80, "run_cb('cb0');"));
    assert.equal(result.errors.length, 0);
    assert.deepEqual(result.findings.map((f) => f.rule), []);
    assert.ok(notesOf(result.summaryNotes).some((note) => note.startsWith('Analysis of `run_cb()` in input.php (line 2) was cut')));
  }).timeout(60000);

  it('past the bound, a call that asks for the slow branch is still reported', async () => {
    const result = await analyze(leavesOut(80, "run_cb('cb0', true);"));
    assert.deepEqual(result.findings.map((f) => f.rule), ['held-across-slow-call']);
  }).timeout(60000);

  it('cuts nothing under the bound', async () => {
    const result = await analyze(program(40));
    assert.deepEqual(result.findings.map((f) => f.rule), ['held-across-slow-call']);
    assert.deepEqual(notesOf(result.summaryNotes), []);
  }).timeout(60000);
});
