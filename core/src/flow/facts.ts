import type { FactEffect } from '../ir/effects';
import { MAX_FACTS, casesOf, joinStates, keepWhyMaybe, withFacts, type Facts, type ResourceState } from './state';

/**
 * Path-sensitive facts: what branch predicates are known to be on each path. The state keeps
 * paths with different facts apart (`ResourceState.cases`), so `if ($need) session_start();
 * … if ($need) session_write_close();` closes on the one path that opened. Everything stays
 * finite: predicates come from the unit's text, a state has at most MAX_FACTS of them and at
 * most MAX_CASES cases, and a join past that forgets the facts that differ.
 */

/** Applies `fn` to each case of the state, keeping each case's facts, and joins the results. */
export function mapCases(
  state: ResourceState,
  fn: (one: ResourceState) => ResourceState | undefined,
): ResourceState | undefined {
  if (!state.cases) {
    const after = fn(state);
    return after && after !== state ? withFacts(after, state.facts) : after;
  }
  const results: ResourceState[] = [];
  for (const one of state.cases) {
    const after = fn(one);
    if (after) results.push(after === one ? one : withFacts(after, one.facts));
  }
  return keepWhyMaybe(joinStates(results), [state]);
}

/**
 * A fact effect on a state: subjects assigned here lose their facts, then the predicates set
 * here are checked against each case (a case that knows the opposite cannot take this
 * path) and recorded. Undefined: no path gets here.
 */
export function applyFacts(state: ResourceState, effect: FactEffect): ResourceState | undefined {
  const forget = new Set(effect.forget ?? []);
  const results: ResourceState[] = [];
  for (const one of casesOf(state)) {
    let facts: Facts = (one.facts ?? []).filter((fact) => !forget.has(fact.subject));
    let possible = true;
    for (const set of effect.set ?? []) {
      const known = facts.find((fact) => fact.predicate === set.predicate);
      if (known && known.value !== set.value) {
        possible = false;
        break;
      }
      if (!known && facts.length < MAX_FACTS) {
        facts = [...facts, set].sort((a, b) => (a.predicate < b.predicate ? -1 : a.predicate > b.predicate ? 1 : 0));
      }
    }
    if (possible) results.push(withFacts(one, facts.length > 0 ? facts : undefined));
  }
  return keepWhyMaybe(joinStates(results), [state]);
}

/**
 * After a call: properties (`->x`, `::$x`) may have been changed by the callee, and an
 * included file (`include: true`) runs in the unit's scope, so it may assign any of its
 * local variables (`$x`) as well. Constants stay: only `define()` changes them.
 */
export function forgetAfterCall(state: ResourceState | undefined, include: boolean): ResourceState | undefined {
  if (!state || !(state.facts || state.cases)) return state;
  const changed = (subject: string): boolean => subject.startsWith('->') || subject.startsWith('::') || (include && subject.startsWith('$'));
  const cases = casesOf(state);
  if (!cases.some((one) => (one.facts ?? []).some((fact) => changed(fact.subject)))) return state;
  const results = cases.map((one) => {
    const kept = (one.facts ?? []).filter((fact) => !changed(fact.subject));
    return withFacts(one, kept.length > 0 ? kept : undefined);
  });
  return keepWhyMaybe(joinStates(results), [state]);
}
