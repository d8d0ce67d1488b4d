import { spanKey, type Span } from '../model/span';

/** One step of an explanation chain: a call in the current unit, …, the API that acted. */
export interface Step {
  readonly span: Span;
  /** What happens at this step, for related locations: "`auth()` is called here". */
  readonly label: string;
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
  /** Open on some path; where it was opened. Empty: closed on every path. */
  readonly open: readonly OpenSite[];
  /** The last branch taken ("`$x` is false (line 3)"), kept through an open. */
  readonly via?: string;
  /** The branch on which it stays open, fixed where an open path met a closed one. */
  readonly whyMaybe?: string;
  /** Where it was closed, on the paths where it is closed after a start (capped). */
  readonly closedBy?: readonly Step[];
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

/** Sites kept per state; beyond it, extra sites add nothing a user could act on. */
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

/** Joins the states of all predecessors, in order. */
export function joinStates(states: readonly ResourceState[]): ResourceState | undefined {
  if (states.length === 0) return undefined;
  if (states.length === 1) return states[0];
  let closed = false;
  let released = false;
  let closedBy: readonly Step[] | undefined;
  let open: readonly OpenSite[] = [];
  let via: string | undefined;
  let whyMaybe: string | undefined;
  const someClosedOnly = states.some(isClosedOnly);
  for (const state of states) {
    closed ||= state.closed;
    released ||= state.released === true;
    closedBy = unionSteps(closedBy, state.closedBy);
    open = unionSites(open, state.open);
    via ??= state.via;
    if (state.open.length > 0) {
      // Open here, closed on another path: the branch that led here is why it may be open.
      const reason = someClosedOnly && !state.closed ? (state.via ?? state.whyMaybe) : state.whyMaybe;
      whyMaybe ??= reason;
    }
  }
  return withOptional({ closed, open, released, ...(closedBy ? { closedBy } : {}) }, via, open.length > 0 && closed ? whyMaybe : undefined);
}

export function withOptional(
  base: { closed: boolean; open: readonly OpenSite[]; released?: boolean; closedBy?: readonly Step[] | undefined },
  via: string | undefined,
  whyMaybe: string | undefined,
): ResourceState {
  const state: {
    closed: boolean;
    open: readonly OpenSite[];
    released?: boolean;
    via?: string;
    whyMaybe?: string;
    closedBy?: readonly Step[];
  } = { closed: base.closed, open: base.open };
  if (base.released && base.closed) state.released = true;
  if (base.closedBy && base.closedBy.length > 0 && base.closed) state.closedBy = base.closedBy;
  if (via !== undefined) state.via = via;
  if (whyMaybe !== undefined) state.whyMaybe = whyMaybe;
  return state;
}

/** A state passing along an edge that carries a branch note. */
export function alongEdge(state: ResourceState, note: string | undefined): ResourceState {
  if (note === undefined) return state;
  return withOptional(state, note, state.whyMaybe);
}

export function stateKey(state: ResourceState | undefined): string {
  if (!state) return '-';
  const closes = state.closedBy?.map((step) => spanKey(step.span)).join(',') ?? '';
  return `${state.closed ? 'c' : ''}${state.released ? 'r' : ''}${closes}|${state.open.map((s) => s.key).join(',')}|${state.via ?? ''}|${state.whyMaybe ?? ''}`;
}
