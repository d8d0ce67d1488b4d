import type { RuleContext, Unit } from '../../../core/src';
import { observationsByNode, reachedFrom, sessionNeedOf } from '../fixes/session-after';

/** Includers of includers followed before giving up (the advice is then taken as wrong). */
const MAX_INCLUDER_DEPTH = 3;

/**
 * What the requests that run a file's top level say about advice to change how the file opens
 * the session (`prefer-read-and-close`). A file the project includes runs inside its includers'
 * requests, and a change to it applies in every one of them:
 * - `own-request`: no project file includes it: it is judged as its own request;
 * - `holds`: in at least one includer the session is closed before the include and nothing
 *   after the include needs it, and no includer contradicts;
 * - `moot`: every includer already has the session open when it includes the file, so the
 *   file's start takes no lock in any request the project shows (a fragment that re-obtains the
 *   page's session through a getter);
 * - `wrong`: an includer needs the session after the include (a write, a destroy, an open, an
 *   include it cannot follow), so the lock taken in the file is needed there.
 *
 * Whether the file may also be requested on its own does not change this: which files a web
 * server serves is not in the code, an included file is far more often a fragment or a
 * bootstrap than a page, and an advice that breaks or is pointless in the includers' requests
 * is a wrong advice for the file.
 */
export type IncluderVerdict = 'own-request' | 'holds' | 'moot' | 'wrong';

export function judgedInIncluders(context: RuleContext, unit: Unit, depth = 0): IncluderVerdict {
  const includers = context.includersOf?.(unit);
  if (!includers || includers.length === 0) return 'own-request';
  if (depth > MAX_INCLUDER_DEPTH) return 'wrong';
  let holds = false;
  for (const { flow, node } of includers) {
    const before = flow.states[node];
    // Not reached, or open on every path there: the file's start takes no lock in this request.
    if (!before || (!before.closed && before.open.length > 0)) continue;
    const observed = observationsByNode(flow);
    const after = flow.unit.cfg.nodes[node]!.succs.map((edge) => edge.to);
    for (const id of reachedFrom(flow, after)) {
      const effect = flow.unit.cfg.nodes[id]!.effect;
      if (effect && sessionNeedOf(context, flow, effect, observed.get(id) ?? []) !== 'none') return 'wrong';
    }
    // An includer that is itself included hands the session on to its own includers.
    const above = flow.unit.kind === 'script' ? judgedInIncluders(context, flow.unit, depth + 1) : 'own-request';
    if (above === 'wrong') return 'wrong';
    if (above !== 'moot') holds = true;
  }
  return holds ? 'holds' : 'moot';
}
