import type { Cfg } from '../ir/cfg';
import type { UnitFlow } from './engine';

/**
 * Calls whose callee cannot return from the state the flow reached them in
 * (`CallOutcome.neverReturns`): `print_footer(true)` over `if ($and_exit) exit(0);`. The
 * solver ends their paths; a walk over the graph's edges must stop there too, or it reaches the
 * code after the call through the call's edge whenever another path also reaches that code.
 */
export function nodesThatNeverReturn(flow: UnitFlow): ReadonlySet<number> {
  const stops = new Set<number>();
  for (const observation of flow.observations) if (observation.call?.neverReturns) stops.add(observation.node);
  return stops;
}

const returningByShape = new WeakMap<Cfg, ReadonlySet<number>>();

const returningNormallyByShape = new WeakMap<Cfg, ReadonlySet<number>>();

/**
 * The nodes from which the unit's normal end (and, with `throwing`, its throw exit) can be
 * reached, through calls that may return (a call that cannot, as the flow found it, ends its
 * paths). Callers go on after a callee's normal end: its summary's exit state is that end's
 * (`Summary.exit`), so output sent only on the way to an uncaught exception is not output
 * before the caller's next step either.
 */
export function nodesThatContinue(flow: UnitFlow, throwing: boolean): ReadonlySet<number> {
  const stops = nodesThatNeverReturn(flow);
  const cfg = flow.unit.cfg;
  // The graph alone decides it for most units: that answer is kept per graph (a unit's graph is
  // summarised once per entry state).
  if (stops.size === 0) {
    const kept = throwing ? returningByShape : returningNormallyByShape;
    let known = kept.get(cfg);
    if (!known) kept.set(cfg, (known = continuingFrom(cfg, stops, throwing)));
    return known;
  }
  return continuingFrom(cfg, stops, throwing);
}

function continuingFrom(cfg: Cfg, stops: ReadonlySet<number>, throwing: boolean): Set<number> {
  const preds: number[][] = cfg.nodes.map(() => []);
  for (const node of cfg.nodes) {
    if (stops.has(node.id)) continue;
    for (const edge of node.succs) preds[edge.to]!.push(node.id);
  }
  const ends = throwing ? [cfg.exit, cfg.throwExit] : [cfg.exit];
  const reached = new Set<number>(ends);
  const queue = [...ends];
  while (queue.length > 0) {
    const node = queue.pop()!;
    for (const pred of preds[node]!) {
      if (reached.has(pred)) continue;
      reached.add(pred);
      queue.push(pred);
    }
  }
  return reached;
}
