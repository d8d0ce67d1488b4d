import * as assert from 'node:assert/strict';
import { analyzer } from './support';

/**
 * A helper called with more different sets of entry facts than `MAX_FACT_SETS_PER_UNIT` is
 * summarised past that knowing none of them, and the run says it cut the helper.
 */
describe('summaries per unit: a bound on the sets of entry facts', () => {
  const analyze = async (text: string) => (await analyzer()).analyzeFile({ path: 'input.php', text });
  const notesOf = (notes: readonly string[] | undefined) => (notes ?? []).filter((note) => note.includes('was cut'));

  // Each caller closes the session and tests its own public static: the helper is entered with
  // a fact about that static (carried, as it never reads it), a set of facts of its own.
  const program = (callers: number) => {
    const statics = Array.from({ length: callers }, (_, i) => `    public static $s${i};`).join('\n');
    const functions = Array.from({ length: callers }, (_, i) => `function c${i}() { session_write_close(); if (Flags::$s${i}) { helper(); } }`).join('\n');
    const calls = Array.from({ length: callers }, (_, i) => `c${i}();`).join('\n');
    return `<?php\nclass Flags {\n${statics}\n}\nfunction helper() { $x = 1; }\n${functions}\nsession_start();\nsleep(1);\n${calls}\n`;
  };

  it('cuts a helper entered with more sets of facts than the bound, and says so', async () => {
    const result = await analyze(program(60));
    assert.equal(result.errors.length, 0);
    assert.deepEqual(result.findings.map((f) => f.rule).sort(), ['held-across-slow-call', 'prefer-read-and-close']);
    const cut = notesOf(result.summaryNotes);
    assert.ok(cut.some((note) => note.startsWith('Analysis of `helper()` in input.php (line 64) was cut: it is called with more than 48 different sets of facts about settings, constants and static properties')), cut.join('\n'));
  }).timeout(60000);

  it('cuts nothing under the bound', async () => {
    const result = await analyze(program(20));
    assert.deepEqual(result.findings.map((f) => f.rule).sort(), ['held-across-slow-call', 'prefer-read-and-close']);
    assert.deepEqual(notesOf(result.summaryNotes), []);
  }).timeout(60000);
});
