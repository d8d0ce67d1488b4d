import * as assert from 'node:assert/strict';
import { CLOSED, alongEdge, joinStates, siteFromChain, verdict } from '../src';

describe('session state lattice', () => {
  const site = siteFromChain([{ span: { file: 'f', start: 1, end: 2 }, label: 'opened' }]);
  const open = { closed: false, open: [site] };

  it('joins closed and open into maybe-open, naming the branch that kept it open', () => {
    const viaFalse = alongEdge(open, '`$x` is false (line 3)');
    const joined = joinStates([CLOSED, viaFalse], true)!;
    assert.equal(verdict(joined), 'maybe-open');
    assert.equal(joined.whyMaybe, '`$x` is false (line 3)');
  });

  it('names no branch when the parts of one path are joined (cases, a callee\'s exits)', () => {
    // Both parts carry the caller's last branch; it is not why the session may be open.
    const closedAfterBranch = alongEdge(CLOSED, '`$x` is true (line 3)');
    const openAfterBranch = alongEdge(open, '`$x` is true (line 3)');
    const joined = joinStates([closedAfterBranch, openAfterBranch])!;
    assert.equal(verdict(joined), 'maybe-open');
    assert.equal(joined.whyMaybe, undefined);
    const withReason = { ...joinStates([closedAfterBranch, openAfterBranch], true)!, whyMaybe: '`f()` opens it (line 2)' };
    assert.equal(joinStates([withReason, openAfterBranch])!.whyMaybe, '`f()` opens it (line 2)');
  });

  it('keeps open sites without duplicates and treats no predecessor as unreachable', () => {
    const joined = joinStates([open, open])!;
    assert.equal(verdict(joined), 'open');
    assert.equal(joined.open.length, 1);
    assert.equal(joinStates([]), undefined);
  });
});
