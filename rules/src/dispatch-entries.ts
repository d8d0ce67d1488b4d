import { candidateStep, dispatchesAt, siteFromChain, type OpenSite, type ResourceState, type Span, type Unit, type UnitFlow } from '../../core/src';

/**
 * How a candidate of a dispatch is entered: open where the dispatching code had the session
 * open (the dispatch's steps, then the chain down to the open), and whether only on some paths.
 */
export interface DispatchEntry {
  readonly sites: readonly OpenSite[];
  /** Held at the dispatch on some paths only (the reason, when the flow knows it). */
  readonly maybe?: { readonly why?: string };
}

/** Sites kept per candidate: more name the same problem again. */
const MAX_SITES = 8;
/** Times one unit's flow is looked at again after its entry changed: a guard, sites are capped. */
const MAX_ROUNDS = 8;

/**
 * The candidates of dispatches made with the session held, each entered with it held
 * (`DispatchEntry`). At the dispatch itself only the slow work all candidates share counts,
 * which is right for a summary of the call; but the candidate that runs does its own work
 * with the caller's lock, so each is analysed as an entry: `FreshRSS_feed_Controller::
 * actualizeAction()` run by `call_user_func([$this->controller, $action])` from a front
 * controller that opened the session. A candidate that dispatches again hands the session on
 * in turn (worklist). `roots` are the units that may dispatch with the lock held; `flowOf`
 * gives a unit's flow as entered so far, and `forget` drops a flow whose entry changed.
 */
export function dispatchEntries(
  roots: readonly Unit[],
  flowOf: (unit: Unit) => UnitFlow,
  entries: Map<Unit, DispatchEntry>,
  forget: (unit: Unit) => void,
  mayDispatch: (unit: Unit) => boolean,
  /** Whether code at a place runs for web requests: a dispatch in a command-line script enters nothing. */
  servesRequests: (span: Span) => boolean = () => true,
): void {
  const queue = [...roots];
  const rounds = new Map<Unit, number>();
  while (queue.length > 0) {
    const unit = queue.shift()!;
    const round = (rounds.get(unit) ?? 0) + 1;
    if (round > MAX_ROUNDS) continue;
    rounds.set(unit, round);
    for (const [candidate, entry] of candidatesEnteredFrom(flowOf(unit), servesRequests)) {
      const merged = mergeEntry(entries.get(candidate), entry);
      if (!merged) continue;
      entries.set(candidate, merged);
      forget(candidate);
      if (mayDispatch(candidate) && !queue.includes(candidate)) queue.push(candidate);
    }
  }
}

/** The candidates a unit's flow dispatches to with the session held, and how each is entered. */
function candidatesEnteredFrom(flow: UnitFlow, servesRequests: (span: Span) => boolean): Map<Unit, DispatchEntry> {
  const found = new Map<Unit, DispatchEntry>();
  for (const observation of flow.observations) {
    const { effect, before, call } = observation;
    if (effect.kind !== 'call' || !call || !servesRequests(effect.span)) continue;
    // A call that is slow work with the lock held as it is (slow work every candidate does,
    // or slow work on another path of the callee) is already this unit's finding, and closing
    // before it settles every candidate: entering each would report the one hold once per
    // candidate (CodeIgniter's mail, sendmail and SMTP senders behind `$this->$method()`).
    if (call.slowUnderLock.length > 0) continue;
    // Real sites only: a unit analysed on its own has none at its entry.
    const opened = before.open.filter((site) => !site.entry);
    if (opened.length === 0) continue;
    for (const dispatch of dispatchesAt(effect, { ...before, open: opened }, call)) {
      for (const candidate of dispatch.candidates) {
        const steps = [...dispatch.chain.slice(0, -1), candidateStep(dispatch, candidate)];
        const sites = opened.map((site) => siteFromChain([...steps, ...site.chain]));
        const entry: DispatchEntry = { sites, ...(dispatch.maybe ? { maybe: dispatch.maybe } : {}) };
        const merged = mergeEntry(found.get(candidate), entry);
        if (merged) found.set(candidate, merged);
      }
    }
  }
  return found;
}

/** `known` with `added`'s sites, or undefined when nothing changes. Held on every path wins. */
function mergeEntry(known: DispatchEntry | undefined, added: DispatchEntry): DispatchEntry | undefined {
  if (!known) return { ...added, sites: added.sites.slice(0, MAX_SITES) };
  const sites = [...known.sites];
  for (const site of added.sites) if (sites.length < MAX_SITES && !sites.some((s) => s.key === site.key)) sites.push(site);
  const maybe = known.maybe && added.maybe ? known.maybe : undefined;
  if (sites.length === known.sites.length && (maybe !== undefined) === (known.maybe !== undefined)) return undefined;
  return { sites, ...(maybe ? { maybe } : {}) };
}

/** The state a candidate starts in. */
export function entryState(entry: DispatchEntry, ambient: readonly OpenSite[] | undefined): ResourceState {
  const sites = [...(ambient ?? []), ...entry.sites];
  // Opened by the framework before it runs: open on every path, whatever the dispatch says.
  if (ambient && ambient.length > 0) return { closed: false, open: sites };
  return entry.maybe ? { closed: true, open: sites, ...(entry.maybe.why !== undefined ? { whyMaybe: entry.maybe.why } : {}) } : { closed: false, open: sites };
}
