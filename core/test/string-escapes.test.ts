import * as assert from 'node:assert/strict';
import { decodeEscape } from '../src/lower/php/string-escapes';

describe('decodeEscape', () => {
  it('reads only \\\\ and \\\' in single-quoted strings', () => {
    assert.equal(decodeEscape('\\\\', true), '\\');
    assert.equal(decodeEscape("\\'", true), "'");
    assert.equal(decodeEscape('\\n', true), '\\n');
  });

  it('reads the escapes of double-quoted strings', () => {
    assert.equal(decodeEscape('\\\\', false), '\\');
    assert.equal(decodeEscape('\\n', false), '\n');
    assert.equal(decodeEscape('\\$', false), '$');
    assert.equal(decodeEscape('\\x41', false), 'A');
    assert.equal(decodeEscape('\\101', false), 'A');
    assert.equal(decodeEscape('\\u{42}', false), 'B');
  });

  it('keeps a sequence PHP does not know as written', () => {
    assert.equal(decodeEscape('\\q', false), '\\q');
    assert.equal(decodeEscape('\\u{110000}', false), '\\u{110000}');
  });
});
