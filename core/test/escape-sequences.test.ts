import * as assert from 'node:assert/strict';
import { escapeValue } from '../src/lower/php/escape-sequences';

describe('PHP escape sequences', () => {
  it('decodes each sequence to the characters PHP reads', () => {
    const cases: [string, string][] = [
      ['\\\\', '\\'],
      ["\\'", "'"],
      ['\\"', '"'],
      ['\\$', '$'],
      ['\\n', '\n'],
      ['\\t', '\t'],
      ['\\e', '\x1b'],
      ['\\101', 'A'],
      ['\\x41', 'A'],
      ['\\u{1F600}', '😀'],
    ];
    for (const [sequence, value] of cases) assert.equal(escapeValue(sequence), value, sequence);
  });
});
