import * as assert from 'node:assert/strict';
import { hashValue } from '../src/cache/keys';

/** Cache keys hash content, never how V8 happens to hold it in memory. */
describe('cache keys: hashValue', () => {
  it('hashes a string the same whether V8 holds it as one-byte or two-byte', () => {
    const oneByte = 'session_start';
    const twoByte = '\u20ac session_start'.slice(2); // a slice of a two-byte string
    assert.equal(twoByte, oneByte);
    assert.equal(hashValue({ name: twoByte, lines: [1, 2] }), hashValue({ name: oneByte, lines: [1, 2] }));
  });

  it('tells different shapes and contents apart', () => {
    const hashes = [
      hashValue(['ab', 'c']),
      hashValue(['a', 'bc']),
      hashValue({ a: 1 }),
      hashValue(new Map([['a', 1]])),
      hashValue([1]),
      hashValue(['1']),
      hashValue(new Set([1])),
      hashValue(null),
      hashValue(undefined),
    ];
    assert.equal(new Set(hashes).size, hashes.length);
  });

  it('ignores the order in which an object got its keys, not the order of Map entries', () => {
    assert.equal(hashValue({ a: 1, b: 2 }), hashValue({ b: 2, a: 1 }));
    assert.notEqual(hashValue(new Map([['a', 1], ['b', 2]])), hashValue(new Map([['b', 2], ['a', 1]])));
  });
});
