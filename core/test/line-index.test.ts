import * as assert from 'node:assert/strict';
import { LineIndex } from '../src';

describe('LineIndex', () => {
  it('maps offsets to 0-based lines and UTF-16 columns for LF, CRLF and CR', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = ['ab', 'cd', '', 'é😀x'].join(eol);
      const index = new LineIndex(text);
      assert.equal(index.lineCount, 4);
      assert.deepEqual(index.positionAt(text.indexOf('d')), { line: 1, character: 1 });
      // 😀 is two UTF-16 code units, as LSP and JS strings count.
      assert.deepEqual(index.positionAt(text.indexOf('x')), { line: 3, character: 3 });
      assert.equal(index.lineText(1), 'cd');
      assert.equal(index.offsetAt({ line: 1, character: 1 }), text.indexOf('d'));
    }
  });

  it('clamps offsets outside the text', () => {
    const index = new LineIndex('a\nb');
    assert.deepEqual(index.positionAt(-5), { line: 0, character: 0 });
    assert.deepEqual(index.positionAt(99), { line: 1, character: 1 });
    assert.equal(index.lineText(7), '');
  });
});
