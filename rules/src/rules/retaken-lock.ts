import { spanKey, type Observation, type RuleContext, type Span, type Unit, type UnitFlow } from '../../../core/src';
import { observationsByNode } from '../fixes/session-after';

/**
 * Whether what runs after a `session_start()` takes the lock again before any of the work that
 * `read_and_close` would let run unlocked: every path from the start meets another start of the
 * session first, directly or in a call or an include that returns with the session open (opened
 * by itself, on every path). While the first start holds the lock those later starts do nothing
 * (PHP ignores a start of an active session), so the flow sees one held region; but with the
 * first start switched to `read_and_close` the session is closed there, the later start takes
 * the lock again, and the user's other requests wait as long as before (openSIS `ChooseCP.php`:
 * `session_start();` then `include 'RedirectRootInc.php';`, whose own `session_start()` holds
 * the lock to the end of the page).
 *
 * `isWork` tells the observations the advice is about (slow work or output under this start's
 * lock). False when no later start is met, or some path reaches such work, or the unit's end,
 * without one: there the advice frees the lock.
 */
export function lockRetakenBeforeWork(
  context: RuleContext,
  flow: UnitFlow,
  openNode: number,
  openSpan: Span,
  isWork: (observation: Observation) => boolean,
): boolean {
  const cfg = flow.unit.cfg;
  const observed = observationsByNode(flow);
  const site = spanKey(openSpan);
  const holdsSite = (observation: Observation): boolean =>
    observation.before.open.some((open) => {
      const last = open.chain[open.chain.length - 1];
      return last !== undefined && spanKey(last.span) === site;
    });
  const seen = new Set<number>();
  const stack = cfg.nodes[openNode]!.succs.map((edge) => edge.to);
  let retaken = false;
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    // An exception leaves the page's work; the normal end and `exit` end the request.
    if (id === cfg.throwExit) continue;
    const observations = observed.get(id) ?? [];
    if (observations.some((observation) => holdsSite(observation) && isWork(observation))) return false;
    if (startsAgain(context, flow, id, observations)) {
      retaken = true;
      continue;
    }
    if (id === cfg.exit || id === cfg.terminate) return false;
    for (const edge of cfg.nodes[id]!.succs) stack.push(edge.to);
  }
  return retaken;
}

/** A start of the session that takes the lock, or a call of project code that returns with one held. */
function startsAgain(context: RuleContext, flow: UnitFlow, node: number, observations: readonly Observation[]): boolean {
  const effect = flow.unit.cfg.nodes[node]!.effect;
  if (!effect) return false;
  if (effect.kind === 'open') return effect.resource === flow.resource && effect.mode === 'lock';
  if (effect.kind !== 'call' || observations.length === 0) return false;
  return observations.every((observation) => {
    const units = observation.call?.units ?? [];
    return units.length > 0 && units.every((unit) => returnsOpenedByItself(context, unit));
  });
}

/** Per rule context (one file's check): a unit's flow is the same for all its questions. */
const returnsOpened = new WeakMap<RuleContext, Map<Unit, boolean>>();

/**
 * Entered with the session closed, the unit returns with it open on every path, by its own
 * start (not one it was handed): called after a `read_and_close` start, it takes the lock again.
 */
function returnsOpenedByItself(context: RuleContext, unit: Unit): boolean {
  let memo = returnsOpened.get(context);
  if (!memo) {
    memo = new Map();
    returnsOpened.set(context, memo);
  }
  let known = memo.get(unit);
  if (known === undefined) {
    const exit = context.flowOf(unit).exit;
    known = exit !== undefined && !exit.closed && exit.open.length > 0 && exit.open.every((site) => !site.entry);
    memo.set(unit, known);
  }
  return known;
}
