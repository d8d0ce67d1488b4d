import * as assert from 'node:assert/strict';
import { LineIndex, parseSuppressions, suppressionProblems, type FileIR } from '../src';

function fileWithComments(text: string, comments: string[]): { ir: FileIR; lineOf: (o: number) => number } {
  const index = new LineIndex(text);
  const ir: FileIR = {
    file: 'f.php',
    language: 'php',
    units: [],
    classes: [],
    registrations: [],
    storeInstalls: [],
    comments: comments.map((comment) => {
      const start = text.indexOf(comment);
      return { span: { file: 'f.php', start, end: start + comment.length }, text: comment };
    }),
  };
  return { ir, lineOf: (o) => index.positionAt(o).line + 1 };
}

describe('suppressions', () => {
  const known = new Set(['held-across-slow-call', 'invalid-suppression']);

  it('reads rule ids and the reason, in //, # and block comments', () => {
    const comments = [
      '// session-lint-ignore held-across-slow-call: CLI only',
      '# session-lint-ignore held-across-slow-call, invalid-suppression: both',
      '/* session-lint-ignore held-across-slow-call: block */',
    ];
    const { ir, lineOf } = fileWithComments(comments.join('\n'), comments);
    const parsed = parseSuppressions(ir, lineOf);
    assert.deepEqual(
      parsed.map((s) => [s.line, s.rules, s.reason]),
      [
        [0, ['held-across-slow-call'], 'CLI only'],
        [1, ['held-across-slow-call', 'invalid-suppression'], 'both'],
        [2, ['held-across-slow-call'], 'block'],
      ],
    );
    assert.deepEqual(suppressionProblems(parsed, known), []);
  });

  it('reports a missing reason, an unknown rule and an empty rule list', () => {
    const comments = [
      '// session-lint-ignore held-across-slow-call',
      '// session-lint-ignore no-such-rule: because',
      '// session-lint-ignore',
      '// session-lint-ignore held-across-slow-call // trailing words are no reason',
    ];
    const { ir, lineOf } = fileWithComments(comments.join('\n'), comments);
    const problems = suppressionProblems(parseSuppressions(ir, lineOf), known).map((p) => p.message);
    assert.equal(problems.length, 4);
    assert.match(problems[0]!, /needs a reason/);
    assert.match(problems[1]!, /unknown rule `no-such-rule`/);
    assert.match(problems[2]!, /names no rule/);
    assert.match(problems[3]!, /needs a reason/);
  });

  it('ignores comments that merely mention the word', () => {
    const comments = ['// see session-lint-ignored things', '// not a session-lint-ignore comment'];
    const { ir, lineOf } = fileWithComments(comments.join('\n'), comments);
    assert.deepEqual(parseSuppressions(ir, lineOf), []);
  });
});
