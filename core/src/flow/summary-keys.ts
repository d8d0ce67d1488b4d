import { factsKey, joinStates, keepWhyMaybe, type Fact, type Facts, type ResourceState } from './state';

/**
 * The part of a summary's key made of the global facts a callee is entered with, and the facts
 * the summary only carries.
 *
 * A callee is entered with every session setting, pure call and session key its caller knows
 * (`FlowEngine.globalFactsFor`), though most callees never look at most of them; keyed by all
 * of them, one helper was summarised again for every combination of values its callers had
 * (about a fifth of the summaries of phpMyAdmin). A fact whose subject the callee and what it
 * may run never test, set or read (`reads` false) is only carried: it enters with one value,
 * nothing changes it, and it leaves on every state that still has it with that same value. So
 * the summary for another value of it is the same summary with that value put in its place
 * (`withCarriedValues`). The key keeps the carried facts' predicates (not their values): how
 * many facts a state holds decides which new ones fit under `MAX_FACTS`, so two entries with
 * different sets of predicates still get summaries of their own, and the result is the one a
 * key of every fact would give.
 */
export interface EntryFacts {
  readonly key: string;
  /** The facts only carried, in the order they came. */
  readonly carried: Facts;
}

const NOTHING_CARRIED: Facts = [];

/** The key of the entry facts, and those only carried (none when `reads` is undefined: all are read). */
export function entryFacts(facts: Facts | undefined, reads: ((subject: string) => boolean) | undefined): EntryFacts {
  if (!facts || facts.length === 0 || !reads) return { key: factsKey(facts), carried: NOTHING_CARRIED };
  let key = '';
  const carried: Fact[] = [];
  for (let i = 0; i < facts.length; i++) {
    const fact = facts[i]!;
    const read = reads(fact.subject);
    if (!read) carried.push(fact);
    key += `${i > 0 ? '&' : ''}${read ? (fact.value ? '+' : '-') : '?'}${fact.predicate}`;
  }
  return { key, carried: carried.length > 0 ? carried : NOTHING_CARRIED };
}

/**
 * The values of the carried facts that differ between the entry a summary was computed with
 * (`from`) and another with the same key (`to`), by predicate; undefined when none differ.
 */
export function changedValues(from: Facts, to: Facts): ReadonlyMap<string, boolean> | undefined {
  let changed: Map<string, boolean> | undefined;
  for (let i = 0; i < to.length; i++) {
    if (from[i]!.value === to[i]!.value) continue;
    (changed ??= new Map()).set(to[i]!.predicate, to[i]!.value);
  }
  return changed;
}

/** The facts with the carried values put in (the same list when none of them is there). */
export function withValues<F extends Fact>(facts: readonly F[] | undefined, values: ReadonlyMap<string, boolean>): readonly F[] | undefined {
  if (!facts || !facts.some((fact) => values.has(fact.predicate))) return facts;
  return facts.map((fact) => {
    const value = values.get(fact.predicate);
    return value === undefined || value === fact.value ? fact : { ...fact, value };
  });
}

/** The state, its cases included, with the carried values put in. */
export function withCarriedValues(state: ResourceState | undefined, values: ReadonlyMap<string, boolean>): ResourceState | undefined {
  if (!state) return state;
  const facts = withValues(state.facts, values);
  let cases = state.cases;
  if (cases) {
    const changed = cases.map((one) => withCarriedValues(one, values)!);
    if (changed.some((one, i) => one !== cases![i])) cases = changed;
  }
  if (facts === state.facts && cases === state.cases) return state;
  const copy: { -readonly [K in keyof ResourceState]: ResourceState[K] } = { ...state };
  if (facts) copy.facts = facts;
  if (cases) copy.cases = cases;
  return copy;
}

/**
 * The state without the cases that contradict `known` (facts about class statics a callee was
 * entered without, because none of its tests of them decides anything: `deciding-statics.ts`).
 * Entered without them, the callee followed both ways of such a test; a case whose fact says
 * the opposite of what the caller knew is a path the caller's value rules out, as the test
 * would have with it. Only for statics the callee never assigns (an assignment may make the
 * opposite true). Undefined when no case is left: the call does not return there.
 */
export function withoutContradicted(state: ResourceState | undefined, known: Facts): ResourceState | undefined {
  if (!state) return state;
  const cases = state.cases ?? [state];
  const kept = cases.filter((one) => !(one.facts ?? []).some((fact) => known.some((k) => k.predicate === fact.predicate && k.value !== fact.value)));
  if (kept.length === cases.length) return state;
  if (kept.length === 0) return undefined;
  return keepWhyMaybe(joinStates(kept), [state]);
}
