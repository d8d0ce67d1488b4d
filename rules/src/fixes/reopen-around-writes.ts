import { type CloseEffect, type EditSites, type Fix, type HeldOperation, type RuleContext, type Span, type StatementSite, type TextEdit, type UnitFlow } from '../../../core/src';
import { effectAtEndOf } from './chain-effects';
import { closeBefore } from './early-close';
import { mayOutput, nodesWithin, observationsByNode, reachedFrom, reaching, within } from './session-after';
import { SNAPSHOT_FROM_REOPENS, snapshotHelpersFix } from './snapshot-helpers';
import { entryNodes, wrapEdits, writeRegions } from './write-regions';

export interface EarlyClosePlan {
  readonly sites: EditSites;
  /** The statement the close goes before. */
  readonly statement: StatementSite;
  /** The close as written (`session_write_close();`). */
  readonly close: string;
  /** The close the unit already calls, when it calls one. */
  readonly ownClose: CloseEffect | undefined;
  /** The nodes of the session writes that may run after the close. */
  readonly writes: readonly number[];
  readonly isolation: string;
}

/**
 * Close early, and reopen only around the writes that follow the slow work: each write (or run
 * of writes in one block) becomes `session_start(); … session_write_close();`. The reopen reads
 * the session again, so each region writes only the keys its own statements write, on top of
 * what other requests saved in the meantime; the whole array saved before is never written back
 * (that would undo a concurrent request's write). `unsafe`: another request of the user may run
 * between the close and a reopen, and the code after the reopen sees what it wrote.
 *
 * A reopen after output was flushed fails (php-src checks `headers_sent` before anything else)
 * and drops the writes. When output may be sent between the close and a reopen, the fix
 * switches the session cookie and the cache limiter off right after the close, while no output
 * has been sent yet: the reopen then needs no header and reuses the session id of the request
 * (`../shared/docs/domain.md` §5, point 3). When output may be sent before the close itself,
 * that cannot be done, and the fix is display-only with the reason.
 *
 * Where that would take `SNAPSHOT_FROM_REOPENS` reopens or more, or a write cannot be wrapped on
 * its own, the session is closed with a snapshot and saved once after the last write instead
 * (`snapshotHelpersFix`), when that can be done.
 *
 * Only for the native session (`session_start()` in this file, closed with
 * `session_write_close()`/`session_commit()`): a framework's session has its own reopen.
 */
export function reopenAroundWritesFix(context: RuleContext, flow: UnitFlow, operation: HeldOperation, plan: EarlyClosePlan): Fix[] {
  const { sites, statement, close } = plan;
  if (!nativeSession(context, flow, operation, plan.ownClose) || writesThroughReference(flow, plan.writes)) return [];
  const start = nodesWithin(flow, statement.span);
  const beforeClose = reaching(flow, entryNodes(flow, start));
  // A write that can run before the close (a loop around the closed statement) is refused, and
  // so is one whose statement holds the closed one or overlaps it.
  const regions = writeRegions(context, flow, sites, plan.writes, (site, id) => {
    const inside = within(flow.unit.cfg.nodes[id]!.effect!.span, statement.span);
    return (inside || !beforeClose.has(id)) && !within(statement.span, site.span) && (!overlaps(site.span, statement.span) || within(site.span, statement.span));
  });
  const observed = observationsByNode(flow);
  const outputs = flow.unit.cfg.nodes.filter((node) => node.effect && mayOutput(node.effect, observed.get(node.id) ?? [])).map((node) => node.id);
  const outputBeforeClose = outputs.some((id) => beforeClose.has(id) && !start.includes(id));
  // Many reopens, or writes no reopen can wrap on their own: a snapshot, and one save after the last write.
  if (!regions || regions.length >= SNAPSHOT_FROM_REOPENS) {
    const snapshot = snapshotHelpersFix(context, flow, { sites, statement, writes: plan.writes, outputBeforeClose, outputNodes: outputs, isolation: plan.isolation });
    if (snapshot.length > 0 || !regions) return snapshot;
  }
  const afterClose = reachedFrom(flow, start);
  const beforeWrites = reaching(flow, plan.writes);
  const outputBeforeReopen = outputs.some((id) => afterClose.has(id) && beforeWrites.has(id));
  const q = sites.quote;
  const cookieless = outputBeforeReopen && !outputBeforeClose ? `\n${statement.indent}ini_set(${q}session.use_cookies${q}, ${q}0${q});\n${statement.indent}ini_set(${q}session.cache_limiter${q}, ${q}${q});` : '';
  const edits: TextEdit[] = [closeBefore(sites, statement, `${close}${cookieless}`), ...wrapEdits(flow, sites, regions, close)];
  const count = regions.length === 1 ? 'the later write' : `each of the ${regions.length} later writes`;
  const why = 'another request of this user may change the session in between; each reopen reads it again and writes only the keys written there';
  if (outputBeforeClose) {
    return [
      {
        title: `Close the session before the slow work and reopen it around ${count} (not applied: output may be sent before the close, and a session cannot be started again once headers are sent, so the writes would be lost; move the output after the writes first)`,
        applicability: 'display-only',
        edits,
        isolation: plan.isolation,
      },
    ];
  }
  const switched = outputBeforeReopen ? '; the cookie and the cache limiter are switched off after the close, since output may be sent before a reopen' : '';
  return [
    {
      title: `Close the session before the slow work and reopen it only around ${count} (check first: ${why}${switched})`,
      applicability: 'unsafe',
      edits,
      isolation: plan.isolation,
    },
  ];
}

/**
 * The session is PHP's own: opened by `session_start()` (here, or in the helper or included
 * file the open site's chain leads to), closed (if at all) by the native close.
 */
function nativeSession(context: RuleContext, flow: UnitFlow, operation: HeldOperation, ownClose: CloseEffect | undefined): boolean {
  if (ownClose && !['session_write_close', 'session_commit'].includes(nativeName(ownClose.api))) return false;
  return operation.sites.every((site) => {
    const open = effectAtEndOf(context, flow.unit, site.chain, 'open');
    return open !== undefined && open.mode === 'lock' && !open.bootstrap && nativeName(open.api) === 'session_start';
  });
}

/** `\session_start()` → `session_start`: the function an API display names. */
export function nativeName(api: string): string {
  const name = api.endsWith('()') ? api.slice(0, -2) : api;
  return (name.startsWith('\\') ? name.slice(1) : name).toLowerCase();
}

function overlaps(a: Span, b: Span): boolean {
  return a.file === b.file && a.start < b.end && b.start < a.end;
}

/**
 * Some of the writes go through a reference bound into the session before (`$cart[] = …` after
 * `$cart = &$_SESSION['cart']`): a reopen rebuilds `$_SESSION` and the reference still points
 * into the old array, so no reopen around them saves them.
 */
export function writesThroughReference(flow: UnitFlow, nodes: readonly number[]): boolean {
  return nodes.some((id) => {
    const effect = flow.unit.cfg.nodes[id]?.effect;
    return effect?.kind === 'write' && effect.throughReference === true;
  });
}
