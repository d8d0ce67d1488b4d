import { startsWithoutHeaders, type Fix, type RuleContext, type UnitFlow } from '../../../core/src';
import { mayOutput, observationsByNode, reaching } from './session-after';
import { wrapEdits, writeRegions } from './write-regions';

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
export function reopenLostWritesFix(context: RuleContext, flow: UnitFlow, nodes: readonly number[], destroyed = false): Fix[] {
  const sites = context.editSites?.();
  if (!sites || context.file.language !== 'php' || nodes.length === 0) return [];
  const observed = observationsByNode(flow);
  const states = nodes.flatMap((id) => observed.get(id) ?? []).map((o) => o.before);
  if (states.length === 0 || states.some((state) => state.open.length > 0)) return [];
  const regions = writeRegions(flow, sites, nodes);
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
