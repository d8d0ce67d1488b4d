import * as assert from 'node:assert/strict';
import { CLOSED, MAX_CASES, alongEdge, joinStates, sameState, siteFromChain, verdict, withFacts, type ResourceState } from '../src';

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

  it('tells states apart by every field a reader sees, and no other', () => {
    const fact = { predicate: '$x', subject: '$x', value: true };
    const base: ResourceState = { closed: true, open: [site], via: ['a'], whyMaybe: 'w', facts: [fact] };
    // Built anew from the same parts: the same state.
    assert.equal(sameState(base, { closed: true, open: [siteFromChain(site.chain)], via: ['a'], whyMaybe: 'w', facts: [{ ...fact }] }), true);
    assert.equal(sameState(undefined, undefined), true);
    assert.equal(sameState(base, undefined), false);
    const changed: ResourceState[] = [
      { ...base, closed: false },
      { ...base, released: true },
      { ...base, open: [] },
      { ...base, via: ['a', 'b'] },
      { ...base, via: ['a/b'] },
      { ...base, whyMaybe: 'v' },
      { ...base, closedBy: [{ span: { file: 'f', start: 5, end: 6 }, label: 'closed' }] },
      withFacts(base, [{ ...fact, value: false }]),
      withFacts(base, undefined),
      { ...base, cases: [base] },
    ];
    for (const other of changed) assert.equal(sameState(base, other), false, JSON.stringify(other));
    // Close sites are told apart by where they are (one place has one label).
    assert.equal(sameState({ ...base, closedBy: [{ span: site.chain[0]!.span, label: 'x' }] }, { ...base, closedBy: [{ span: site.chain[0]!.span, label: 'y' }] }), true);
  });

  it('keeps open sites without duplicates and treats no predecessor as unreachable', () => {
    const joined = joinStates([open, open])!;
    assert.equal(verdict(joined), 'open');
    assert.equal(joined.open.length, 1);
    assert.equal(joinStates([]), undefined);
  });
});

describe('joins past MAX_CASES', () => {
  type F = { predicate: string; subject: string; value: boolean };
  const fact = (predicate: string, value: boolean): F => ({ predicate, subject: predicate, value });
  const key = (facts: readonly F[] | undefined): string => (facts ?? []).map((f) => `${f.value ? '+' : '-'}${f.predicate}`).join('&');

  const shape = (s: ResourceState): string => `${s.closed ? 'c' : ''}${s.open.length > 0 ? 'o' : ''}${s.released ? 'r' : ''}`;

  /**
   * The fact sets a join keeps, worked out as the join did before it weighed distinct sets only:
   * over every state, the predicates whose values do not tell the states' shapes apart first.
   */
  function referenceSets(states: readonly ResourceState[]): string[] {
    const all = states.flatMap((s) => s.cases ?? [s]);
    let flat = all.map((s) => s.facts as readonly F[] | undefined);
    const shapes = all.map(shape);
    const groups = (): string[] => [...new Set(flat.map(key))];
    const tellsApart = (predicate: string): boolean => {
      const sides = new Map<string, Set<string>>();
      flat.forEach((facts, i) => {
        const found = (facts ?? []).find((f) => f.predicate === predicate);
        const side = found === undefined ? '?' : found.value ? '+' : '-';
        if (!sides.has(side)) sides.set(side, new Set());
        sides.get(side)!.add(shapes[i]!);
      });
      const each = [...sides.values()].map((set) => [...set].sort().join(','));
      return each.some((one) => one !== each[0]);
    };
    while (groups().length > MAX_CASES) {
      const predicates = [...new Set(flat.flatMap((facts) => (facts ?? []).map((f) => f.predicate)))];
      const blind = predicates.filter((predicate) => !tellsApart(predicate));
      let best: { predicate: string; size: number } | undefined;
      for (const predicate of blind.length > 0 ? blind : predicates) {
        const size = new Set(flat.map((facts) => key((facts ?? []).filter((f) => f.predicate !== predicate)))).size;
        if (!best || size < best.size) best = { predicate, size };
      }
      const chosen = best!.predicate;
      flat = flat.map((facts) => {
        const kept = (facts ?? []).filter((f) => f.predicate !== chosen);
        return kept.length > 0 ? kept : undefined;
      });
    }
    return groups();
  }

  it('forgets the same predicates as weighing every state would, on random joins', () => {
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const names = ['$a', '$b', 'defined(X)', 'ini:x', 'pure:f()', '$c'];
    for (let round = 0; round < 300; round++) {
      const states: ResourceState[] = [];
      const count = 2 + random(12);
      for (let i = 0; i < count; i++) {
        const facts = names.filter(() => random(3) === 0).map((name) => fact(name, random(2) === 0));
        const base: ResourceState = random(2) === 0 ? CLOSED : { closed: false, open: [siteFromChain([{ span: { file: 'f', start: i, end: i + 1 }, label: 'o' }])] };
        states.push(withFacts(base, facts.length > 0 ? facts : undefined));
      }
      const joined = joinStates(states)!;
      const sets = (joined.cases ?? [joined]).map((c) => key(c.facts as readonly F[] | undefined));
      assert.deepEqual(sets, referenceSets(states), `round ${round}`);
    }
  });

  it('forgets the predicates that do not tell the states apart before one that does', () => {
    // `$auth` true: destroyed (closed, released) or open; false: open. Two flags, set together
    // in pairs, tell nothing about the session. fusionpbx's check_auth.php joined these.
    const opened: ResourceState = { closed: false, open: [siteFromChain([{ span: { file: 'f', start: 1, end: 2 }, label: 'o' }])] };
    const destroyed: ResourceState = { closed: true, open: [], released: true };
    const states: ResourceState[] = [];
    for (const flags of [[], [fact('$p', true), fact('$q', true)], [fact('$r', true), fact('$s', true)], [fact('$p', true), fact('$q', true), fact('$r', true), fact('$s', true)]]) {
      states.push(withFacts(destroyed, [fact('$auth', true), ...flags]), withFacts(opened, [fact('$auth', true), ...flags]));
      states.push(withFacts(opened, [fact('$auth', false), ...flags]));
    }
    const joined = joinStates(states)!;
    assert.ok(joined.cases!.length <= MAX_CASES);
    // Every case still knows `$auth`, and the one where it is false is open only.
    const keys = joined.cases!.map((c) => key(c.facts as readonly F[] | undefined));
    assert.ok(keys.every((k) => k.includes('$auth')), keys.join(' | '));
    const unauthorized = joined.cases!.filter((c) => c.facts!.some((f) => f.predicate === '$auth' && !f.value));
    assert.ok(unauthorized.length > 0 && unauthorized.every((c) => !c.closed), 'the `$auth` false case was joined with the destroyed one');
  });
});
