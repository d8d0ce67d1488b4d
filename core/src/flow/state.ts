import { alwaysRemembered, isClassStaticSubject } from '../ir/predicate-shape';
import { widenedEmptiedFact, writtenSinceEmptied } from '../ir/session-emptied';
import type { SettingMark } from '../ir/cfg';
import { spanKey, type Span } from '../model/span';

/** One step of an explanation chain: a call in the current unit, …, the API that acted. */
export interface Step {
  readonly span: Span;
  /** What happens at this step, for related locations: "`auth()` is called here". */
  readonly label: string;
  /**
   * For a close inside a callee ("closed inside `getID()`"): the steps inside it down to the
   * API that closed, so the place named is never just a function that happens to lead there.
   */
  readonly inner?: readonly Step[];
  /**
   * A write (or the call that leads to one) that runs only when a setting is changed from the
   * value the project ships (`lower/php/setting-guards.ts`): the innermost such test on the chain.
   */
  readonly setting?: SettingMark;
  /**
   * The close that happened before the unit was entered (`RELEASED_AT_ENTRY`): the caller's,
   * which the caller names itself; never a step of this unit's own.
   */
  readonly atEntry?: true;
}

/**
 * Where the resource was opened: the chain from this unit down to the opening API. The
 * special ENTRY site stands for "already open when this unit was entered"; a caller
 * substitutes its own sites for it when it applies a summary.
 */
export interface OpenSite {
  readonly key: string;
  readonly chain: readonly Step[];
  readonly entry?: true;
}

export const ENTRY_SITE: OpenSite = { key: 'entry', chain: [], entry: true };

/**
 * The state of one resource at a program point, over all paths reaching it. `closed` and
 * `open` are independent: both set is "maybe open". `undefined` (at the use sites) means
 * unreachable.
 */
export interface ResourceState {
  /** Closed on some path. */
  readonly closed: boolean;
  /**
   * Closed after having been open on some path: the session id survives the close, so
   * `session_id() !== ''` does not prove it open.
   */
  readonly released?: boolean;
  /**
   * With `released`: every path that released it did so with `session_destroy()`, which
   * forgets the id (php-src frees `PS(id)`), so `session_id()` is empty again there.
   */
  readonly idCleared?: boolean;
  /** Open on some path; where it was opened. Empty: closed on every path. */
  readonly open: readonly OpenSite[];
  /**
   * The branches taken on every path here, outermost first ("`$x` is false (line 3)"), kept
   * through an open. Where branches meet, those all paths took remain (the enclosing ones).
   */
  readonly via?: readonly string[];
  /** The branch on which it stays open, fixed where an open path met a closed one. */
  readonly whyMaybe?: string;
  /** Where it was closed, on the paths where it is closed after a start (capped). */
  readonly closedBy?: readonly Step[];
  /**
   * Branch predicates known on every path here (`$need` is true), sorted by key, capped.
   * A later test of the same predicate follows only the edge that agrees.
   */
  readonly facts?: Facts;
  /**
   * When paths with different facts met: one state per set of facts (at most MAX_CASES, none
   * of them with cases of its own). This state's other fields are the join of them all, so
   * readers that do not care about facts see the same state as without cases.
   */
  readonly cases?: readonly ResourceState[];
}

/** A predicate's known value; `subject` is what it reads (`$need`, `const:X`). */
export interface Fact {
  readonly predicate: string;
  readonly subject: string;
  readonly value: boolean;
}
export type Facts = readonly Fact[];

/** States with different facts kept apart at a join; beyond it they are joined (facts intersected). */
export const MAX_CASES = 4;
/** Facts a state carries; a new one beyond it is not recorded. */
export const MAX_FACTS = 8;

/** Facts in their canonical order (by predicate). */
export function byPredicate(a: Fact, b: Fact): number {
  return a.predicate < b.predicate ? -1 : a.predicate > b.predicate ? 1 : 0;
}

/**
 * At most MAX_FACTS facts, in canonical order. The session settings every unit keeps
 * (`alwaysRemembered`) go first: a unit that tests many constants (a compiled single-file
 * application starts with a `defined()` fact for each) must not push out the fact that the
 * cookie is off, which decides whether a later reopen after output works.
 */
export function capFacts(facts: readonly Fact[]): Fact[] {
  const sorted = [...facts].sort(byPredicate);
  if (sorted.length <= MAX_FACTS) return sorted;
  // Then classes' own statics: few, and they tell whether a session store is installed.
  const first = sorted.filter(alwaysRemembered);
  const statics = sorted.filter((fact) => !alwaysRemembered(fact) && isClassStaticSubject(fact.subject));
  const rest = sorted.filter((fact) => !alwaysRemembered(fact) && !isClassStaticSubject(fact.subject));
  return [...first, ...statics, ...rest].slice(0, MAX_FACTS).sort(byPredicate);
}

/**
 * The facts as a key. Built each time: most lists are new (a state's facts are filtered and
 * merged at every call), and remembering keys per list in a `WeakMap` cost more than it saved.
 */
export function factsKey(facts: Facts | undefined): string {
  if (!facts || facts.length === 0) return '';
  let key = '';
  for (let i = 0; i < facts.length; i++) key += `${i > 0 ? '&' : ''}${facts[i]!.value ? '+' : '-'}${facts[i]!.predicate}`;
  return key;
}

/** The key the facts would have without `predicate`, without making the list. */
function factsKeyWithout(facts: Facts | undefined, predicate: string): string {
  if (!facts || !facts.some((fact) => fact.predicate === predicate)) return factsKey(facts);
  return facts
    .filter((fact) => fact.predicate !== predicate)
    .map((f) => `${f.value ? '+' : '-'}${f.predicate}`)
    .join('&');
}

/** The facts every one of the states has. */
function commonFacts(states: readonly ResourceState[]): Facts | undefined {
  let common = states[0]?.facts;
  for (let i = 1; i < states.length; i++) {
    if (!common || common.length === 0) return undefined;
    const theirs = states[i]!.facts ?? [];
    common = common.filter((f) => theirs.some((other) => sameFact(f, other)));
  }
  return common && common.length > 0 ? common : undefined;
}

function sameFact(a: Fact, b: Fact): boolean {
  return a.value === b.value && a.predicate === b.predicate;
}

/** The same facts in the same order (what `factsKey` tells apart, without building the keys). */
function sameFacts(a: Facts | undefined, b: Facts | undefined): boolean {
  if (a === b) return true;
  const length = a?.length ?? 0;
  if (length !== (b?.length ?? 0)) return false;
  for (let i = 0; i < length; i++) if (!sameFact(a![i]!, b![i]!)) return false;
  return true;
}

/** The state with these facts (and no cases): for one case, or for a state the facts hold in. */
export function withFacts(state: ResourceState, facts: Facts | undefined): ResourceState {
  if (state.facts === facts && !state.cases) return state;
  // Field by field: a rest-spread copy of a state was a large part of the flow's time.
  const copy: { -readonly [K in keyof ResourceState]: ResourceState[K] } = { closed: state.closed, open: state.open };
  if (state.released !== undefined) copy.released = state.released;
  if (state.idCleared !== undefined) copy.idCleared = state.idCleared;
  if (state.closedBy !== undefined) copy.closedBy = state.closedBy;
  if (state.via !== undefined) copy.via = state.via;
  if (state.whyMaybe !== undefined) copy.whyMaybe = state.whyMaybe;
  if (facts && facts.length > 0) copy.facts = facts;
  return copy;
}

/** The states a state stands for, each with its own facts: its cases, or itself. */
export function casesOf(state: ResourceState): readonly ResourceState[] {
  return state.cases ?? [state];
}

export type Verdict = 'closed' | 'open' | 'maybe-open';

export function verdict(state: ResourceState): Verdict {
  if (state.open.length === 0) return 'closed';
  return state.closed ? 'maybe-open' : 'open';
}

export const CLOSED: ResourceState = { closed: true, open: [] };
export function releasedBy(step: Step): ResourceState {
  return { closed: true, open: [], released: true, closedBy: [step] };
}

const MAX_CLOSE_STEPS = 4;

export function unionSteps(a: readonly Step[] | undefined, b: readonly Step[] | undefined): readonly Step[] | undefined {
  if (!b || b.length === 0) return a;
  if (!a || a.length === 0) return b;
  const result = [...a];
  for (const step of b) {
    if (result.length >= MAX_CLOSE_STEPS) break;
    if (!result.some((s) => spanKey(s.span) === spanKey(step.span))) result.push(step);
  }
  return result;
}
export const OPEN_AT_ENTRY: ResourceState = { closed: false, open: [ENTRY_SITE] };

/**
 * Entered closed after the caller released the session with its id kept
 * (`session_write_close()`): `session_id() !== ''` holds, so a reopen-if-closed guard that
 * tests it reopens. The marker step tells this close from one inside the unit: a write while
 * it stands is still one closed since entry, which the caller judges with its own close.
 */
export const RELEASED_AT_ENTRY: ResourceState = {
  closed: true,
  open: [],
  released: true,
  closedBy: [{ span: { file: '', start: 0, end: 0 }, label: 'released before the call', atEntry: true }],
};

/** Closed only because it was closed when the unit was entered (released there or never started). */
export function closedSinceEntry(state: ResourceState): boolean {
  return state.closed && (!state.released || (state.closedBy?.some((step) => step.atEntry === true) ?? false));
}

/** The close steps of the unit's own (without the caller's close it was entered after). */
export function ownCloseSteps(steps: readonly Step[] | undefined): readonly Step[] | undefined {
  if (!steps || !steps.some((step) => step.atEntry)) return steps;
  const own = steps.filter((step) => !step.atEntry);
  return own.length > 0 ? own : undefined;
}

/**
 * Sites kept per state; beyond it, extra sites add nothing a user could act on. No finding is
 * lost to it (the state stays open), only related locations, so the run does not note it. The
 * first sites met are kept: a cut that keeps the unit's earliest opens instead (so a helper that
 * may open on every line does not push out the start a region began from) dropped the sites an
 * included controller's own-lock work is reported with (CubeCart's download, integration of
 * precision27 and recall19), so it was taken out.
 */
const MAX_SITES = 8;

export function siteFromChain(chain: readonly Step[]): OpenSite {
  return { key: chain.map((step) => spanKey(step.span)).join('>'), chain };
}

export function unionSites(a: readonly OpenSite[], b: readonly OpenSite[]): readonly OpenSite[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const result = [...a];
  for (const site of b) {
    if (result.length >= MAX_SITES) break;
    if (!result.some((existing) => existing.key === site.key)) result.push(site);
  }
  return result;
}

function isClosedOnly(state: ResourceState): boolean {
  return state.open.length === 0;
}

/**
 * Joins states, in order. States with different facts stay apart as cases (up to MAX_CASES);
 * the joined fields are the same as without facts. `branchesMeet`: the states are those of the
 * predecessors of a node of the graph, so the branch that led to an open one (its `via`) is why
 * the session may be open there. Otherwise they are parts of one path (the cases of a state,
 * what a callee's exits leave after a call): they all carry the caller's last branch, which
 * says nothing about why the session may be open, so only a reason they already had is kept.
 */
export function joinStates(states: readonly ResourceState[], branchesMeet = false): ResourceState | undefined {
  if (states.length === 0) return undefined;
  if (states.length === 1) return states[0];
  if (!states.some((state) => state.facts || state.cases)) return joinPlain(states, branchesMeet);
  let flat: ResourceState[] = [];
  for (const state of states) {
    if (state.cases) flat.push(...state.cases);
    else flat.push(state);
  }
  let groups = groupByFacts(flat);
  // Too many cases: first the emptied session's facts that differ only in the keys written
  // since become one, naming every key any of them names (a key more that may be set loses
  // nothing true); then forget, one at a time, the predicate whose loss merges the most of them.
  if (groups.length > MAX_CASES && widensEmptied(flat)) {
    flat = widenedEmptied(flat);
    groups = groupByFacts(flat);
  }
  if (groups.length > MAX_CASES) {
    const forgotten = forgottenPredicates(groups.map((group) => ({ facts: group[0]!.facts, shapes: new Set(group.map(shapeOf)) })));
    flat = flat.map((state) => withoutPredicates(state, forgotten));
    groups = groupByFacts(flat);
  }
  const facts = commonFacts(flat);
  // Why it may be open comes from the states as they arrive, not from their cases: a case open
  // after a branch next to a case closed after the same branch says nothing about that branch.
  const reason = keepWhyMaybe(joinPlain(states, branchesMeet), states)?.whyMaybe;
  const plain = joinPlain(flat, false);
  const joined = plain && withOptional(plain, plain.via, plain.open.length > 0 && plain.closed ? reason : undefined);
  if (groups.length === 1) return joined && withFacts(joined, facts);
  const cases = groups.map((group) => withFacts(joinPlain(group, branchesMeet)!, group[0]!.facts));
  return joined && { ...withFacts(joined, facts), cases };
}

/**
 * Cases are joined again at every node, long after the branch that split them: the branch
 * their (pure) states last took says nothing about why the session may be open. A reason an
 * input state already had, fixed where the paths first met, is kept.
 */
export function keepWhyMaybe(joined: ResourceState | undefined, inputs: readonly ResourceState[]): ResourceState | undefined {
  if (!joined || joined.open.length === 0 || !joined.closed) return joined;
  const prior = inputs.find((state) => state.whyMaybe !== undefined && state.open.length > 0)?.whyMaybe;
  return prior === undefined || prior === joined.whyMaybe ? joined : { ...joined, whyMaybe: prior };
}

/** The states in groups of the same facts, in the order each group first appears (few states: a linear search). */
function groupByFacts(states: readonly ResourceState[]): ResourceState[][] {
  const groups: ResourceState[][] = [];
  for (const state of states) {
    const group = groups.find((candidate) => sameFacts(candidate[0]!.facts, state.facts));
    if (group) group.push(state);
    else groups.push([state]);
  }
  return groups;
}

/**
 * The predicates a join past MAX_CASES forgets: one at a time, the one whose loss merges the most
 * fact sets (the first such, in the order the predicates appear), until at most MAX_CASES sets
 * remain. Predicates that do not tell the session's states apart go first: a fact whose cases
 * are open, closed or destroyed alike (a class's static that every path sets) is cheap to lose,
 * while one that decides the state (`$_SESSION['authorized']` true where the session was
 * destroyed, false where it stays) is what a later test of it needs; forgetting it would join
 * the destroyed path into the one that goes on. Weighed over the distinct fact sets (one per
 * group of states, in the groups' order, with the states' shapes): states with the same facts
 * have the same keys, and the predicates appear in the same order, so the choices are those a
 * weighing of every state makes, for a fraction of the work (a deep chain of summaries joins
 * such states millions of times: MediaWiki).
 */
function forgottenPredicates(sets: readonly FactSet[]): ReadonlySet<string> {
  // The choice depends only on the fact sets and their shapes, in order, and the same joins
  // come back at every visit of a node and in every summary of a unit: remembered by that
  // key (weighing the predicates was a tenth of MediaWiki's run, issue 12).
  // Predicates are source text: each is written with its length, so no two inputs share a key.
  let key = '';
  for (const set of sets) {
    for (const fact of set.facts ?? []) key += `${fact.value ? '+' : '-'}${fact.predicate.length}:${fact.predicate}`;
    key += `|${[...set.shapes].join(',')};`;
  }
  const known = forgottenByKey.get(key);
  if (known) return known;
  const forgotten = weighForgotten(sets);
  if (forgottenByKey.size >= MAX_FORGOTTEN_KEPT) forgottenByKey.clear();
  forgottenByKey.set(key, forgotten);
  return forgotten;
}

/** `forgottenPredicates`' answers by key; cleared when full (only a cache: the answer is the same). */
const forgottenByKey = new Map<string, ReadonlySet<string>>();
const MAX_FORGOTTEN_KEPT = 50_000;

function weighForgotten(sets: readonly FactSet[]): ReadonlySet<string> {
  const forgotten = new Set<string>();
  let distinct = sets;
  while (distinct.length > MAX_CASES) {
    const predicates = [...new Set(distinct.flatMap((set) => (set.facts ?? []).map((fact) => fact.predicate)))];
    const blind = predicates.filter((predicate) => !tellsStatesApart(distinct, predicate));
    let best: { predicate: string; size: number } | undefined;
    for (const predicate of blind.length > 0 ? blind : predicates) {
      const size = new Set(distinct.map((set) => factsKeyWithout(set.facts, predicate))).size;
      if (!best || size < best.size) best = { predicate, size };
    }
    if (!best) break;
    const chosen = best.predicate;
    forgotten.add(chosen);
    const merged: FactSet[] = [];
    for (const set of distinct) {
      const kept = set.facts?.filter((fact) => fact.predicate !== chosen);
      const without = kept && kept.length > 0 ? kept : undefined;
      const same = merged.find((other) => sameFacts(other.facts, without));
      if (same) merged[merged.indexOf(same)] = { facts: same.facts, shapes: new Set([...same.shapes, ...set.shapes]) };
      else merged.push({ facts: without, shapes: set.shapes });
    }
    distinct = merged;
  }
  return forgotten;
}

/** A distinct set of facts among a join's cases, with the shapes (`shapeOf`) of its states. */
interface FactSet {
  readonly facts: Facts | undefined;
  readonly shapes: ReadonlySet<string>;
}

/** What a state says of the session, facts and sites aside: closed, open, released. */
function shapeOf(state: ResourceState): string {
  return `${state.closed ? 'c' : ''}${state.open.length > 0 ? 'o' : ''}${state.released ? 'r' : ''}`;
}

/**
 * Whether the sets where `predicate` is true, false and unknown hold states of different
 * shapes: then its value tells something about the session that a join without it loses.
 */
function tellsStatesApart(sets: readonly FactSet[], predicate: string): boolean {
  const sides = new Map<string, Set<string>>();
  for (const set of sets) {
    const fact = set.facts?.find((one) => one.predicate === predicate);
    const side = fact === undefined ? '?' : fact.value ? '+' : '-';
    let shapes = sides.get(side);
    if (!shapes) sides.set(side, (shapes = new Set()));
    for (const shape of set.shapes) shapes.add(shape);
  }
  const all = [...sides.values()].map((shapes) => [...shapes].sort().join(','));
  return all.some((shapes) => shapes !== all[0]);
}

function withoutPredicates(state: ResourceState, predicates: ReadonlySet<string>): ResourceState {
  const kept = (state.facts ?? []).filter((fact) => !predicates.has(fact.predicate));
  return kept.length === (state.facts ?? []).length ? state : withFacts(state, kept.length > 0 ? kept : undefined);
}

/** The join of states whose facts do not matter (the fields every reader sees). */
function joinPlain(states: readonly ResourceState[], branchesMeet: boolean): ResourceState | undefined {
  if (states.length === 0) return undefined;
  if (states.length === 1) return withFacts(states[0]!, undefined);
  let closed = false;
  let released = false;
  let idCleared = true;
  let closedBy: readonly Step[] | undefined;
  let open: readonly OpenSite[] = [];
  let whyMaybe: string | undefined;
  const someClosedOnly = states.some(isClosedOnly);
  for (const state of states) {
    closed ||= state.closed;
    released ||= state.released === true;
    if (state.released && !state.idCleared) idCleared = false;
    closedBy = unionSteps(closedBy, state.closedBy);
    open = unionSites(open, state.open);
    if (state.open.length > 0) {
      // Open here, closed on another path: the branch that led here is why it may be open.
      const reason = branchesMeet && someClosedOnly && !state.closed ? (state.via?.[state.via.length - 1] ?? state.whyMaybe) : state.whyMaybe;
      whyMaybe ??= reason;
    }
  }
  return withOptional({ closed, open, released, idCleared, ...(closedBy ? { closedBy } : {}) }, sharedBranches(states), open.length > 0 && closed ? whyMaybe : undefined);
}

/**
 * The branches every state took (their common start): where an `if`'s branches meet, an open
 * further on happens because of the branches around the `if`, not because of either of its own.
 */
function sharedBranches(states: readonly ResourceState[]): readonly string[] | undefined {
  let shared = states[0]!.via ?? [];
  for (const state of states.slice(1)) {
    const via = state.via ?? [];
    let n = 0;
    while (n < shared.length && n < via.length && shared[n] === via[n]) n++;
    if (n < shared.length) shared = shared.slice(0, n);
  }
  return shared.length > 0 ? shared : undefined;
}

export function withOptional(
  base: { closed: boolean; open: readonly OpenSite[]; released?: boolean; idCleared?: boolean; closedBy?: readonly Step[] | undefined },
  via: readonly string[] | undefined,
  whyMaybe: string | undefined,
): ResourceState {
  const state: {
    closed: boolean;
    open: readonly OpenSite[];
    released?: boolean;
    idCleared?: boolean;
    via?: readonly string[];
    whyMaybe?: string;
    closedBy?: readonly Step[];
  } = { closed: base.closed, open: base.open };
  if (base.released && base.closed) state.released = true;
  if (base.released && base.closed && base.idCleared) state.idCleared = true;
  if (base.closedBy && base.closedBy.length > 0 && base.closed) state.closedBy = base.closedBy;
  if (via !== undefined) state.via = via;
  if (whyMaybe !== undefined) state.whyMaybe = whyMaybe;
  return state;
}

/** A state passing along an edge that carries a branch note. */
export function alongEdge(state: ResourceState, note: string | undefined): ResourceState {
  if (note === undefined) return state;
  const noted = (one: ResourceState): ResourceState => withFacts(withOptional(one, [...(one.via ?? []), note], one.whyMaybe), one.facts);
  const top = noted(state);
  return state.cases ? { ...top, cases: state.cases.map(noted) } : top;
}

/**
 * Whether two states are the same for every reader (flags, close sites, open sites, branches,
 * why it may be open, facts, cases), compared field by field: the solver asks at every visit
 * of a node, and building a key string of each state there was a large part of its time.
 */
export function sameState(a: ResourceState | undefined, b: ResourceState | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  if (a.closed !== b.closed || !a.released !== !b.released || !a.idCleared !== !b.idCleared) return false;
  if ((a.whyMaybe ?? '') !== (b.whyMaybe ?? '')) return false;
  if (!sameList(a.closedBy, b.closedBy, (x, y) => x.span.file === y.span.file && x.span.start === y.span.start && x.span.end === y.span.end)) return false;
  if (!sameList(a.open, b.open, (x, y) => x.key === y.key)) return false;
  if (!sameList(a.via, b.via, (x, y) => x === y)) return false;
  if ((a.facts === undefined) !== (b.facts === undefined) || !sameList(a.facts, b.facts, (x, y) => x.value === y.value && x.predicate === y.predicate)) return false;
  if ((a.cases === undefined) !== (b.cases === undefined)) return false;
  return sameList(a.cases, b.cases, sameState);
}

/** Lists equal item by item (a missing list is an empty one). */
function sameList<T>(a: readonly T[] | undefined, b: readonly T[] | undefined, same: (x: T, y: T) => boolean): boolean {
  if (a === b) return true;
  const length = a?.length ?? 0;
  if (length !== (b?.length ?? 0)) return false;
  for (let i = 0; i < length; i++) if (!same(a![i]!, b![i]!)) return false;
  return true;
}

/** Whether states know the session emptied with different keys written since (`ir/session-emptied.ts`). */
function widensEmptied(states: readonly ResourceState[]): boolean {
  const predicates = new Set<string>();
  for (const state of states) for (const fact of state.facts ?? []) if (writtenSinceEmptied(fact) !== undefined) predicates.add(fact.predicate);
  return predicates.size > 1;
}

/** The states with one emptied fact: every key written since on any of them (past the cap, none kept). */
function widenedEmptied(states: readonly ResourceState[]): ResourceState[] {
  const keys = new Set<string>();
  for (const state of states) for (const fact of state.facts ?? []) for (const key of writtenSinceEmptied(fact) ?? []) keys.add(key);
  const widened = widenedEmptiedFact([...keys]);
  return states.map((state) => {
    if (!state.facts?.some((fact) => writtenSinceEmptied(fact) !== undefined)) return state;
    const facts = state.facts.flatMap((fact) => (writtenSinceEmptied(fact) === undefined ? [fact] : widened ? [widened] : []));
    return withFacts(state, facts.length > 0 ? [...facts].sort(byPredicate) : undefined);
  });
}
