import * as assert from 'node:assert/strict';
import { parseSuppressions, type FileIR } from '../../core/src';
import { closeRuleId, correctableId, removeSuppressionFix } from '../src/fixes/suppression-repairs';
import { ruleIds } from '../src/registry';

/**
 * The pieces of `invalid-suppression`'s fixes that the fixtures cannot reach one by one: which
 * misspelt ids have exactly one close rule id, where each id is written in the comment (also in
 * a docblock and with CRLF), and what a removal takes away.
 */
function suppressionsIn(text: string, comments: readonly string[]) {
  const file = {
    comments: comments.map((comment) => {
      const start = text.indexOf(comment);
      assert.ok(start >= 0, `the comment is in the text: ${comment}`);
      return { span: { file: 'a.php', start, end: start + comment.length }, text: comment };
    }),
  } as unknown as FileIR;
  return parseSuppressions(file, (offset) => text.slice(0, offset).split('\n').length);
}

describe('invalid-suppression fixes', () => {
  it('offers a rule id only when exactly one is close', () => {
    assert.equal(closeRuleId('held-across-slow-calls', ruleIds), 'held-across-slow-call');
    assert.equal(closeRuleId('Held-Across-Slow-Call', ruleIds), 'held-across-slow-call');
    assert.equal(closeRuleId('write-aftre-close', ruleIds), 'write-after-close');
    assert.equal(closeRuleId('session-held-too-long', ruleIds), undefined);
    // Two ids one letter from it: a guess, so none.
    assert.equal(closeRuleId('rule-ab', new Set(['rule-a', 'rule-b'])), undefined);
    // A suppression of invalid-suppression itself hides nothing: never suggested.
    assert.equal(closeRuleId('invalid-suppresion', ruleIds), undefined);
  });

  it('gives each id its place in the file, in line and block comments, with CRLF', () => {
    const line = '<?php\r\nsleep(1); # session-lint-ignore held-across-slow-calls, write-after-close: why\r\n';
    const [inLine] = suppressionsIn(line, ['# session-lint-ignore held-across-slow-calls, write-after-close: why']);
    assert.deepEqual(inLine!.ruleSpans.map((span) => line.slice(span.start, span.end)), ['held-across-slow-calls', 'write-after-close']);
    assert.deepEqual(correctableId(inLine!, ruleIds), { index: 0, rule: 'held-across-slow-call' });

    const block = '<?php\n/**\n * Polls.\n *   session-lint-ignore  held-acros-slow-call: on purpose\n */\nfunction f() {}\n';
    const comment = block.slice(block.indexOf('/**'), block.indexOf('*/') + 2);
    const [inBlock] = suppressionsIn(block, [comment]);
    assert.deepEqual(inBlock!.ruleSpans.map((span) => block.slice(span.start, span.end)), ['held-acros-slow-call']);
    assert.equal(inBlock!.reason, 'on purpose');
    // Its docblock holds a description too: removing it would lose that.
    assert.equal(removeSuppressionFix(inBlock!, block, comment), undefined);
  });

  it('corrects only a comment whose one problem is the misspelt id', () => {
    const text = '<?php\n// session-lint-ignore held-across-slow-calls\n// session-lint-ignore held-across-slow-calls, nope: why\n';
    const [noReason, twoUnknown] = suppressionsIn(text, ['// session-lint-ignore held-across-slow-calls\n'.trimEnd(), '// session-lint-ignore held-across-slow-calls, nope: why']);
    assert.equal(correctableId(noReason!, ruleIds), undefined);
    assert.equal(correctableId(twoUnknown!, ruleIds), undefined);
  });

  it('removes a comment on its own line with its line break, and a trailing one with the spaces before it', () => {
    const own = '<?php\r\n    // session-lint-ignore held-across-slow-call: why\r\nf();\r\n';
    const [alone] = suppressionsIn(own, ['// session-lint-ignore held-across-slow-call: why']);
    const edit = removeSuppressionFix(alone!, own, '// session-lint-ignore held-across-slow-call: why')!.edits[0]!;
    assert.equal(own.slice(0, edit.span.start) + own.slice(edit.span.end), '<?php\r\nf();\r\n');

    const trailing = '<?php\nf();   /* session-lint-ignore held-across-slow-call: why */\ng();\n';
    const [after] = suppressionsIn(trailing, ['/* session-lint-ignore held-across-slow-call: why */']);
    const cut = removeSuppressionFix(after!, trailing, '/* session-lint-ignore held-across-slow-call: why */')!.edits[0]!;
    assert.equal(trailing.slice(0, cut.span.start) + trailing.slice(cut.span.end), '<?php\nf();\ng();\n');
  });
});
