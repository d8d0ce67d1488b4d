import { spanKey, startsWithoutHeaders, type Fix, type Observation, type RuleContext, type Step, type UnitFlow } from '../../../core/src';
import { effectAtEndOf } from './chain-effects';
import { nativeName, writesThroughReference } from './reopen-around-writes';
import { mayOutput, nodesWithin, observationsByNode, reachedFrom, reaching, within } from './session-after';
import { SNAPSHOT_FROM_REOPENS, snapshotHelpersFix } from './snapshot-helpers';
import { entryNodes, wrapEdits, writeRegions } from './write-regions';

/**
 * `write-after-close`: reopen the session around the lost changes (`nodes`: writes, session
 * APIs, or calls of helpers that write), `session_start();` before each run of them and
 * `session_write_close();` after, as a careful developer does when a change must come after
 * the close. The reopen reads the session again, so only the keys written there change.
 *
 * `unsafe`: another request of the user may have changed the session since the close, and the
 * code after the reopen sees that. Offered only where the session is closed on every path to
 * the changes (a reopen where it may be open would be ignored, with a notice); display-only
 * where output may have been sent before them, unless every path there switched the cookie and
 * the cache limiter off first: PHP refuses to start a session once headers are sent.
 *
 * Display-only too where the session may have been destroyed before the changes (`destroyed`):
 * `session_destroy()` forgets the session id, so the reopen does not reopen the user's session,
 * it starts a new, empty one with a new id and a new cookie, after a logout or a reset. Whether
 * a write is worth a fresh session (a "you are signed out" message) or was incidental (an error
 * note written on the way out) is the author's call, never a bulk edit.
 */
export function reopenLostWritesFix(context: RuleContext, flow: UnitFlow, nodes: readonly number[], destroyed = false, closedBy: readonly Step[] = []): Fix[] {
  const sites = context.editSites?.();
  if (!sites || context.file.language !== 'php' || nodes.length === 0 || writesThroughReference(flow, nodes)) return [];
  const observed = observationsByNode(flow);
  const states = nodes.flatMap((id) => observed.get(id) ?? []).map((o) => o.before);
  if (states.length === 0 || states.some((state) => state.open.length > 0)) return [];
  const regions = writeRegions(context, flow, sites, nodes);
  // Many reopens, or writes no reopen can wrap on their own: a snapshot at the close, one save after the last write.
  if (!destroyed && (!regions || regions.length >= SNAPSHOT_FROM_REOPENS)) {
    const snapshot = snapshotAtCloseFix(context, flow, nodes, closedBy, observed);
    if (snapshot.length > 0 || !regions) return snapshot;
  }
  if (!regions) return [];
  const edits = wrapEdits(flow, sites, regions, 'session_write_close();');
  const before = reaching(flow, nodes);
  const output = flow.unit.cfg.nodes.some((node) => node.effect && before.has(node.id) && !nodes.includes(node.id) && mayOutput(node.effect, observed.get(node.id) ?? []));
  const lost = regions.length === 1 ? 'the lost write' : `each of the ${regions.length} lost writes`;
  if (destroyed) {
    return [
      {
        title: `Start a new session around ${lost} (not applied: the session was destroyed before, so \`session_start()\` here does not reopen it but starts a new, empty session with a new id and cookie; do it only if the write must outlive the destroy, else remove the write)`,
        applicability: 'display-only',
        edits,
      },
    ];
  }
  if (output && !states.every(startsWithoutHeaders)) {
    return [
      {
        title: `Reopen the session around ${lost} (not applied: output may have been sent before, and PHP refuses to start a session once headers are sent; move the write before the output, or the close after it)`,
        applicability: 'display-only',
        edits,
      },
    ];
  }
  return [
    {
      title: `Reopen the session around ${lost}: \`session_start();\` before, \`session_write_close();\` after (check first: another request of this user may have changed the session since the close; the reopen reads it again and writes only these keys)`,
      applicability: 'unsafe',
      edits,
    },
  ];
}

/**
 * The snapshot form of the fix (`snapshotHelpersFix`), for lost writes that would take
 * `SNAPSHOT_FROM_REOPENS` reopens or more, or that no reopen can wrap on their own: the code's
 * own close becomes `$sessionSnapshot = session_snapshot_close();` (which closes just the same,
 * having kept what the session held), and `session_apply_changes($sessionSnapshot);` after the
 * last lost write reopens the session once and saves only the keys this request set or unset.
 *
 * Offered only where that is all it changes: one close, the unit's own plain
 * `session_write_close();` (or `session_commit();`) standing as a statement; every lost change a
 * `$_SESSION` write, or a call whose every lost change is one (a session API such as
 * `session_regenerate_id()` is no key the apply could carry) and that never opens or closes
 * the session itself (its open would read the store into the array); and every other change of the
 * session between the close and the last write one of these (an in-memory clear the rule
 * leaves alone, `$_SESSION = []`, would become a saved one). The rest (writes in the close's
 * block after it, nothing leaving in between) `snapshotHelpersFix` checks.
 */
function snapshotAtCloseFix(context: RuleContext, flow: UnitFlow, nodes: readonly number[], closedBy: readonly Step[], observed: ReadonlyMap<number, readonly Observation[]>): Fix[] {
  const sites = context.editSites?.();
  if (!sites || closedBy.length !== 1) return [];
  const { cfg } = flow.unit;
  const step = closedBy[0]!;
  const closeNode = cfg.nodes.find((node) => node.effect?.kind === 'close' && spanKey(node.effect.span) === spanKey(step.span));
  const close = closeNode?.effect;
  if (!closeNode || close?.kind !== 'close' || close.resource !== flow.resource || close.how !== 'write') return [];
  if (!['session_write_close', 'session_commit'].includes(nativeName(close.api))) return [];
  const statement = sites.callStatement(close.span);
  if (!statement || statement.lineEnd === undefined || !within(statement.span, flow.unit.span)) return [];
  const lost = new Set(nodes);
  for (const id of nodes) {
    const effect = cfg.nodes[id]!.effect!;
    if (effect.kind === 'write') continue;
    // A callee that opens or closes the session itself on some path reads the store into the
    // array or saves it: the snapshot no longer tells what this request changed.
    const calls = (observed.get(id) ?? []).map((o) => o.call);
    if (effect.kind !== 'call' || calls.some((call) => !call || call.opens.length > 0 || call.releases.length > 0 || call.writesWhileClosedSometimes === true)) return [];
    const chains = calls.flatMap((call) => call!.writesWhileClosed);
    if (chains.length === 0 || !chains.every((chain) => effectAtEndOf(context, flow.unit, chain, 'write') !== undefined)) return [];
  }
  // Every change of the session from the close on, up to the last lost one, is a lost one.
  const afterClose = reachedFrom(flow, [closeNode.id]);
  const toLast = reaching(flow, nodes);
  for (const id of afterClose) {
    if (lost.has(id) || !toLast.has(id) || id === closeNode.id) continue;
    const effect = cfg.nodes[id]!.effect;
    if (!effect) continue;
    if ((effect.kind === 'write' || effect.kind === 'use' || effect.kind === 'open' || effect.kind === 'close') && effect.resource === flow.resource) return [];
    if (effect.kind === 'call' && (observed.get(id) ?? []).some(({ call }) => call && (call.opens.length > 0 || call.releases.length > 0 || call.writesWhileClosed.length > 0))) return [];
  }
  const outputs = cfg.nodes.filter((node) => node.effect && mayOutput(node.effect, observed.get(node.id) ?? [])).map((node) => node.id);
  const beforeClose = reaching(flow, entryNodes(flow, nodesWithin(flow, statement.span)));
  const states = nodes.flatMap((id) => observed.get(id) ?? []).map((o) => o.before);
  const headersOff = states.every(startsWithoutHeaders);
  return snapshotHelpersFix(context, flow, {
    sites,
    statement,
    writes: nodes,
    outputBeforeClose: !headersOff && outputs.some((id) => beforeClose.has(id)),
    outputNodes: outputs,
    close: 'replace',
    headersOff,
  });
}

