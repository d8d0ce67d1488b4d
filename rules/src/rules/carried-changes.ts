import type { RuleContext, Unit, UnitFlow } from '../../../core/src';
import { observationsByNode, reachedFrom } from '../fixes/session-after';

/**
 * Changes to `$_SESSION` made while the session is closed are not always lost: code that later
 * reads the whole in-memory array and then reopens the session can carry them over. The
 * snapshot helpers of the early-close fix do that (`session_apply_changes()` compares the array
 * with the snapshot taken at the close, reopens the session and sets or unsets only the keys
 * that changed), and so does the older "save the array, reopen, put it back" helper.
 *
 * A unit *carries* the caller's changes when, entered with the session closed, it reads the
 * whole array (`foreach ($_SESSION as …)`, `array_diff_key($x, $_SESSION)`) while it is still
 * closed, and after that opens the session and writes it. What it does with what it read is its
 * own business: the change reached code that saves session data, so it is not silently dropped.
 */
export function carriesChanges(context: RuleContext, unit: Unit): boolean {
  const flow = context.flowOf(unit);
  let known = carriers.get(flow);
  if (known === undefined) {
    known = readsThenReopensAndWrites(flow);
    carriers.set(flow, known);
  }
  return known;
}

/** By flow: a flow is one analysis's (memoised there), so an edit elsewhere never leaves a stale answer. */
const carriers = new WeakMap<UnitFlow, boolean>();

function readsThenReopensAndWrites(flow: UnitFlow): boolean {
  const nodes = flow.unit.cfg.nodes;
  const wholeReads = flow.observations.filter(
    ({ effect, before }) => effect.kind === 'read' && effect.resource === flow.resource && effect.whole === true && before.closed && before.open.length === 0,
  );
  for (const read of wholeReads) {
    const opens = [...reachedFrom(flow, [read.node])].filter((id) => {
      const effect = nodes[id]!.effect;
      return effect?.kind === 'open' && effect.resource === flow.resource;
    });
    for (const id of reachedFrom(flow, opens)) {
      const effect = nodes[id]!.effect;
      if (effect?.kind === 'write' && effect.resource === flow.resource && (flow.states[id]?.open.length ?? 0) > 0) return true;
    }
  }
  return false;
}

/**
 * Every path from the change at `node` reaches a call of a unit that carries the changes (see
 * above) before the session is opened again (a plain reopen reads the store again and replaces
 * the array) and before the unit ends (`return`, `exit`, an exception, or its last statement).
 */
export function carriedLater(context: RuleContext, flow: UnitFlow, node: number): boolean {
  const { cfg } = flow.unit;
  const ends = new Set([cfg.exit, cfg.terminate, cfg.throwExit]);
  const observed = observationsByNode(flow);
  const seen = new Set<number>();
  const stack = cfg.nodes[node]!.succs.map((edge) => edge.to);
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    if (ends.has(id)) return false;
    const effect = cfg.nodes[id]!.effect;
    if (effect?.kind === 'open' && effect.resource === flow.resource) return false;
    if (effect?.kind === 'call') {
      const outcomes = (observed.get(id) ?? []).map((o) => o.call).filter((call) => call !== undefined);
      if (outcomes.length > 0 && outcomes.every((call) => call.units.length > 0 && call.units.every((unit) => carriesChanges(context, unit)))) continue;
      if (outcomes.some((call) => call.opens.length > 0)) return false;
    }
    for (const edge of cfg.nodes[id]!.succs) stack.push(edge.to);
  }
  return true;
}
