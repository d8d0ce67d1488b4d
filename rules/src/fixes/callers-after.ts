import type { RuleContext, Unit, UnitFlow } from '../../../core/src';
import { observationsByNode, reachedFrom, sessionNeedOf } from './session-after';

/** Callers of callers followed before giving up (a fix is refused past it). */
const MAX_CALLER_DEPTH = 3;

/**
 * Whether a function that may return with the session still open can close it early without
 * its callers noticing: every call of it can be seen, and after each call nothing in the caller
 * (nor in the callers of a caller that may itself return with it open) needs the session. A
 * page that dispatches to one handler per action and then ends (`case 'quote':
 * handle_quote(); break;`) is the common shape. `scriptsHandBack`: a calling script that ends
 * with the session open counts as handing it on (the pages that include it may write it).
 */
export function callersLeaveSessionAlone(context: RuleContext, unit: Unit, options: { scriptsHandBack?: boolean } = {}, depth = 0): boolean {
  if (depth > MAX_CALLER_DEPTH) return false;
  const callers = context.callersOf?.(unit);
  if (!callers || callers.length === 0) return false;
  return callers.every(({ flow, node }) => {
    if (!nothingAfterNeedsSession(context, flow, node)) return false;
    if (options.scriptsHandBack && flow.unit.kind === 'script' && flow.exit !== undefined && flow.exit.open.length > 0) return false;
    return !returnsOpen(flow) || callersLeaveSessionAlone(context, flow.unit, options, depth + 1);
  });
}

/**
 * Whether an included file's top level can close the session early without its includers
 * noticing: after each include nothing in the includer needs the session, and an includer that
 * hands it on (a function that may return with it open, a file included in turn) leaves it
 * alone too. A file no project file includes is an entry script: its end ends the request. A
 * module action that a module's `include` runs (a dispatch candidate) returns to the module,
 * whose caller may still write the session.
 */
export function includersLeaveSessionAlone(context: RuleContext, unit: Unit, depth = 0): boolean {
  if (depth > MAX_CALLER_DEPTH) return false;
  const includers = context.includersOf?.(unit);
  if (!includers || includers.length === 0) return true;
  return includers.every(({ flow, node }) => {
    if (!nothingAfterNeedsSession(context, flow, node)) return false;
    if (flow.unit.kind === 'script') return includersLeaveSessionAlone(context, flow.unit, depth + 1);
    return !returnsOpen(flow) || callersLeaveSessionAlone(context, flow.unit, {}, depth + 1);
  });
}

/** Whether nothing the unit runs after `node` (a call or an include) needs the session. */
function nothingAfterNeedsSession(context: RuleContext, flow: UnitFlow, node: number): boolean {
  const after = flow.unit.cfg.nodes[node]!.succs.map((edge) => edge.to);
  const observed = observationsByNode(flow);
  for (const id of reachedFrom(flow, after)) {
    const effect = flow.unit.cfg.nodes[id]!.effect;
    if (effect && sessionNeedOf(context, flow, effect, observed.get(id) ?? []) !== 'none') return false;
  }
  return true;
}

/** A function or method that may hand the session back open (a script's end ends the request). */
export function returnsOpen(flow: UnitFlow): boolean {
  if (flow.unit.kind === 'script') return false;
  return [flow.exit, flow.throwExit].some((state) => state !== undefined && state.open.length > 0);
}
