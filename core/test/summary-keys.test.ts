import * as assert from 'node:assert/strict';
import { changedValues, entryFacts, withCarriedValues } from '../src/flow/summary-keys';
import type { Fact, ResourceState } from '../src';

describe('summary keys: facts a callee only carries', () => {
  const cookiesOff = (value: boolean): Fact => ({ predicate: 'ini:session.use_cookies=off', subject: 'ini:session.use_cookies', value });
  const keySet: Fact = { predicate: 'isset($_SESSION[k])', subject: 'session:k', value: true };
  const readsSessionKeys = (subject: string): boolean => subject.startsWith('session:');

  it('keys a carried fact by its predicate only, a read one by its value too', () => {
    const a = entryFacts([cookiesOff(true), keySet], readsSessionKeys);
    const b = entryFacts([cookiesOff(false), keySet], readsSessionKeys);
    assert.equal(a.key, b.key);
    assert.deepEqual(a.carried, [cookiesOff(true)]);
    const other = entryFacts([cookiesOff(true), { ...keySet, value: false }], readsSessionKeys);
    assert.notEqual(other.key, a.key);
    // Without the carried fact the entry holds fewer facts: a summary of its own.
    assert.notEqual(entryFacts([keySet], readsSessionKeys).key, a.key);
  });

  it('reads every fact when it does not know what the callee reads', () => {
    assert.notEqual(entryFacts([cookiesOff(true)], undefined).key, entryFacts([cookiesOff(false)], undefined).key);
    assert.deepEqual(entryFacts([cookiesOff(true)], undefined).carried, []);
  });

  it('puts the other value of a carried fact into a state and its cases', () => {
    const values = changedValues([cookiesOff(true)], [cookiesOff(false)])!;
    assert.deepEqual([...values], [['ini:session.use_cookies=off', false]]);
    assert.equal(changedValues([cookiesOff(true)], [cookiesOff(true)]), undefined);
    const one: ResourceState = { closed: true, open: [], facts: [cookiesOff(true), keySet] };
    const other: ResourceState = { closed: true, open: [], facts: [cookiesOff(true)] };
    const state: ResourceState = { closed: true, open: [], facts: [cookiesOff(true)], cases: [one, other] };
    const swapped = withCarriedValues(state, values)!;
    assert.deepEqual(swapped.facts, [cookiesOff(false)]);
    assert.deepEqual(swapped.cases!.map((c) => c.facts), [[cookiesOff(false), keySet], [cookiesOff(false)]]);
    // A state without the fact is the same object.
    const plain: ResourceState = { closed: true, open: [], facts: [keySet] };
    assert.equal(withCarriedValues(plain, values), plain);
  });
});
