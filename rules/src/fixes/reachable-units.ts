import type { RuleContext, Unit } from '../../../core/src';

/** Units visited at most, per question: past it the answer is yes (the cautious one for every caller). */
const SEARCH_BUDGET = 2000;

/**
 * Whether `test` holds for one of the units, or for one they call or include, transitively
 * (callees as the flow resolved them). Memoised per unit in `memo` (units belong to one
 * analysis, so a memo keyed by them never outlives it).
 */
export function someReachableUnit(context: RuleContext, units: readonly Unit[], test: (unit: Unit) => boolean, memo: WeakMap<Unit, boolean>): boolean {
  return units.some((unit) => {
    let known = memo.get(unit);
    if (known === undefined) {
      known = search(context, unit, test, memo);
      memo.set(unit, known);
    }
    return known;
  });
}

function search(context: RuleContext, root: Unit, test: (unit: Unit) => boolean, memo: WeakMap<Unit, boolean>): boolean {
  const seen = new Set<Unit>([root]);
  const stack = [root];
  while (stack.length > 0) {
    const unit = stack.pop()!;
    if (memo.get(unit) === true || test(unit)) return true;
    for (const { call } of context.flowOf(unit).observations) {
      for (const callee of call?.units ?? []) {
        if (seen.has(callee) || memo.get(callee) === false) continue;
        if (seen.size >= SEARCH_BUDGET) return true;
        seen.add(callee);
        stack.push(callee);
      }
    }
  }
  return false;
}
