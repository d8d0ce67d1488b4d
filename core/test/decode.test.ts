import * as assert from 'node:assert/strict';
import { decodeSource } from '../src';

describe('decodeSource', () => {
  it('decodes UTF-8 and strips a byte-order mark', () => {
    const decoded = decodeSource(Buffer.from('\ufeff<?php echo "é";', 'utf8'));
    assert.deepEqual(decoded, { text: '<?php echo "é";', hadBom: true, invalidUtf8: false, binary: false });
  });

  it('replaces invalid UTF-8 and says so', () => {
    const decoded = decodeSource(Buffer.from([0x3c, 0x3f, 0xe9, 0x21]));
    assert.equal(decoded.invalidUtf8, true);
    assert.equal(decoded.text, '<?\ufffd!');
  });

  it('flags NUL bytes in the first 8 KiB as binary and returns no text', () => {
    const bytes = new Uint8Array(100).fill(0x41);
    bytes[50] = 0;
    assert.deepEqual(decodeSource(bytes), { text: '', hadBom: false, invalidUtf8: false, binary: true });
  });

  it('decodes an empty file', () => {
    assert.equal(decodeSource(new Uint8Array()).text, '');
  });
});
