import type { RuleContext, Unit, UnitFlow } from '../../../core/src';
import { SHORT_SLOW_KINDS } from '../severity';
import { reachedFrom } from '../fixes/session-after';
import { builtinCallee } from './builtin-calls';

/** Project units followed into before giving up (the work is then taken as not all seen). */
const MAX_UNITS_FOLLOWED = 40;

/**
 * Whether the analysis sees all the work a unit does after `node`, and it is short: nothing
 * repeats (no loop, in the unit or in what it calls), every call of a method, an include or a
 * dynamic target reaches project code, which is followed the same way, every other call is of a
 * function PHP itself defines (`builtinCallee`), and the only slow work is short (a
 * database query, a local file). A `set_time_limit(0)`
 * is a sign of long work the analysis may not see; where it sees all of it and it is short,
 * the code contradicts the sign.
 */
export function seesOnlyShortWorkAfter(context: RuleContext, flow: UnitFlow, node: number): boolean {
  const cfg = flow.unit.cfg;
  const after = reachedFrom(flow, cfg.nodes[node]!.succs.map((edge) => edge.to));
  const followed = new Set<Unit>([flow.unit]);
  return nodesSeen(context, flow.unit, after, followed);
}

function nodesSeen(context: RuleContext, unit: Unit, nodes: ReadonlySet<number>, followed: Set<Unit>): boolean {
  if (!context.resolveCall || repeats(unit, nodes)) return false;
  for (const id of nodes) {
    const effect = unit.cfg.nodes[id]?.effect;
    if (!effect) continue;
    if (effect.kind === 'slow' && effect.slowKind !== 'long-running' && !SHORT_SLOW_KINDS.has(effect.slowKind)) return false;
    if (effect.kind !== 'call') continue;
    const callees = context.resolveCall(effect.target, unit, effect.span);
    if (callees.length === 0) {
      // PHP's own function, not listed as slow: seen. Any other call reaches code not in the project.
      if (effect.callables !== undefined || builtinCallee(effect, callees) === undefined) return false;
      continue;
    }
    for (const callee of callees) {
      if (followed.has(callee)) continue;
      followed.add(callee);
      if (followed.size > MAX_UNITS_FOLLOWED) return false;
      if (!nodesSeen(context, callee, new Set(callee.cfg.nodes.map((n) => n.id)), followed)) return false;
    }
  }
  return true;
}

/** A cycle of the control flow graph among `nodes`: a loop (or a `goto` back). */
function repeats(unit: Unit, nodes: ReadonlySet<number>): boolean {
  const state = new Map<number, 'open' | 'done'>();
  for (const root of nodes) {
    if (state.has(root)) continue;
    const stack: { id: number; edge: number }[] = [{ id: root, edge: 0 }];
    state.set(root, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const succs = unit.cfg.nodes[top.id]!.succs;
      if (top.edge >= succs.length) {
        state.set(top.id, 'done');
        stack.pop();
        continue;
      }
      const to = succs[top.edge++]!.to;
      if (!nodes.has(to)) continue;
      const seen = state.get(to);
      if (seen === 'open') return true;
      if (seen === undefined) {
        state.set(to, 'open');
        stack.push({ id: to, edge: 0 });
      }
    }
  }
  return false;
}
