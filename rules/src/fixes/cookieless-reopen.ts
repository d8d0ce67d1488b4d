import { spanKey, type Fix, type Observation, type RuleContext, type StatementSite, type UnitFlow } from '../../../core/src';
import { effectsOf, mayOutput, observationsByNode, reaching, within } from './session-after';
import { at } from './write-regions';

/**
 * `reopen-after-output`: make the reopen work after output. php-src refuses `session_start()`
 * once headers are sent only because it would send the cookie and the cache-limiter headers;
 * with `session.use_cookies` off and an empty cache limiter it sends none and reuses the
 * request's session id (`../shared/docs/domain.md` §5, point 3). Those settings can only be
 * changed while no session is active and nothing has been sent, so they go right after the
 * unit's own close (or `read_and_close` start) that released the session, where no output can
 * have run yet, and every path from the unit's start to output before the reopen must pass one
 * of them.
 *
 * `unsafe`: the rest of the request sends no session cookie and no cache headers (the first
 * start sent them). None where the session was never started before (a new session needs its
 * cookie: move the `session_start()` before the output instead), where it was released inside
 * a helper, or where output may come before the close.
 */
export function cookielessReopenFix(context: RuleContext, flow: UnitFlow, reopen: Observation): Fix[] {
  const made = cookielessReopen(context, flow, reopen);
  return 'fixes' in made ? made.fixes : [];
}

/** Why the cookie and the cache limiter cannot be switched off for a reopen, for the display-only fix. */
export const WHY_NO_COOKIELESS_REOPEN = {
  neverStarted: 'output may have been sent before it, and no close before it in this function is a place to switch the cookie and the cache limiter off (a session started for the first time needs its cookie anyway)',
  closedElsewhere: 'output may have been sent before it, and the session was closed outside this function, where the cookie and the cache limiter would have to be switched off before any output',
  outputBeforeClose: 'output may have been sent before it, and on some path before the close too, where switching the cookie and the cache limiter off would come too late',
} as const;

/** The cookieless reopen fix, or why there is none (one of `WHY_NO_COOKIELESS_REOPEN`; `undefined`: no edit site). */
export function cookielessReopen(context: RuleContext, flow: UnitFlow, reopen: Observation): { fixes: Fix[] } | { refused: string | undefined } {
  const sites = context.editSites?.();
  const { before } = reopen;
  if (!sites || context.file.language !== 'php') return { refused: undefined };
  if (!before.released || !before.closedBy || before.closedBy.length === 0) return { refused: before.released ? WHY_NO_COOKIELESS_REOPEN.closedElsewhere : WHY_NO_COOKIELESS_REOPEN.neverStarted };
  const observed = observationsByNode(flow);
  const outputs = flow.unit.cfg.nodes.filter((node) => node.effect && mayOutput(node.effect, observed.get(node.id) ?? [])).map((node) => node.id);
  const { closes, opens } = effectsOf(context.file);
  const releases: { node: number; statement: StatementSite }[] = [];
  for (const step of before.closedBy) {
    const close = closes.get(spanKey(step.span));
    const open = opens.get(spanKey(step.span));
    const releasesHere = (close !== undefined && close.how === 'write' && close.resource === flow.resource) || (open !== undefined && open.mode === 'read-and-close');
    if (!releasesHere || !within(step.span, flow.unit.span)) return { refused: WHY_NO_COOKIELESS_REOPEN.closedElsewhere };
    const node = flow.unit.cfg.nodes.find((n) => n.effect !== undefined && spanKey(n.effect.span) === spanKey(step.span));
    const statement = sites.callStatement(step.span);
    // Output may run before this release: the settings would come too late there.
    if (!node || !statement || statement.lineEnd === undefined || outputs.some((id) => reachesWithout(flow, id, node.id, new Set()))) continue;
    releases.push({ node: node.id, statement });
  }
  if (releases.length === 0) return { refused: WHY_NO_COOKIELESS_REOPEN.outputBeforeClose };
  // Already switched off after every release (this fix, applied before): inserting the lines
  // again would change nothing, and `--fix` would add them on every pass.
  if (releases.every((release) => switchedOffAfter(flow, release.node))) return { refused: undefined };
  // Every path from the start to output that comes before the reopen passes a release that switches the headers off.
  const passing = new Set(releases.map((r) => r.node));
  const toReopen = reaching(flow, [reopen.node]);
  const unguarded = outputs.some((id) => toReopen.has(id) && reachesWithout(flow, flow.unit.cfg.entry, id, passing));
  if (unguarded) return { refused: WHY_NO_COOKIELESS_REOPEN.outputBeforeClose };
  const q = sites.quote;
  return { fixes: [
    {
      title: 'Switch the session cookie and the cache limiter off right after the close, so this reopen after output works (check first: the rest of the request sends no session cookie or cache headers)',
      applicability: 'unsafe',
      edits: releases.map(({ statement }) => ({
        span: at(sites, statement.lineEnd!),
        newText: `${statement.indent}ini_set(${q}session.use_cookies${q}, ${q}0${q});\n${statement.indent}ini_set(${q}session.cache_limiter${q}, ${q}${q});\n`,
      })),
    },
  ] };
}

/**
 * The statements right after a release switch the cookie and the cache limiter off: the one path
 * from it, a few nodes, up to the first effect that is not a setting (output, say: settings
 * after it come too late).
 */
function switchedOffAfter(flow: UnitFlow, release: number): boolean {
  const settings = new Map<string, string>();
  let node = flow.unit.cfg.nodes[release];
  for (let step = 0; step < 8 && node && node.succs.length === 1; step++) {
    node = flow.unit.cfg.nodes[node.succs[0]!.to];
    if (node?.effect && node.effect.kind !== 'setting') break;
    if (node?.effect?.kind === 'setting') settings.set(node.effect.name, node.effect.value);
  }
  return settings.get('session.use_cookies') === '0' && settings.get('session.cache_limiter') === '';
}

/** Whether `to` can be reached from `from` without passing any node of `avoid`. */
function reachesWithout(flow: UnitFlow, from: number, to: number, avoid: ReadonlySet<number>): boolean {
  if (avoid.has(from)) return false;
  const seen = new Set([from]);
  const stack = [from];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === to) return true;
    for (const edge of flow.unit.cfg.nodes[node]!.succs) {
      if (seen.has(edge.to) || avoid.has(edge.to)) continue;
      seen.add(edge.to);
      stack.push(edge.to);
    }
  }
  return false;
}
