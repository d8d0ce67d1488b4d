import { spanKey, type CloseEffect, type EditSites, type Fix, type HeldOperation, type RuleContext, type Span, type StatementSite, type TextEdit, type UnitFlow } from '../../../core/src';
import { closeBefore } from './early-close';
import { effectsOf, mayOutput, nodesWithin, observationsByNode, reachedFrom, reaching, within } from './session-after';

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

/** A run of statements of one block that holds session writes: reopened before, closed after. */
interface WriteRegion {
  readonly first: StatementSite;
  readonly last: StatementSite;
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
 * Only for the native session (`session_start()` in this file, closed with
 * `session_write_close()`/`session_commit()`): a framework's session has its own reopen.
 */
export function reopenAroundWritesFix(context: RuleContext, flow: UnitFlow, operation: HeldOperation, plan: EarlyClosePlan): Fix[] {
  const { sites, statement, close } = plan;
  if (!nativeSession(context, operation, plan.ownClose)) return [];
  const regions = writeRegions(flow, plan);
  if (!regions) return [];
  const observed = observationsByNode(flow);
  const outputs = flow.unit.cfg.nodes.filter((node) => node.effect && mayOutput(node.effect, observed.get(node.id) ?? [])).map((node) => node.id);
  const start = nodesWithin(flow, statement.span);
  const beforeClose = reaching(flow, entryNodes(flow, start));
  const afterClose = reachedFrom(flow, start);
  const beforeWrites = reaching(flow, plan.writes);
  const outputBeforeClose = outputs.some((id) => beforeClose.has(id) && !start.includes(id));
  const outputBeforeReopen = outputs.some((id) => afterClose.has(id) && beforeWrites.has(id));
  const q = sites.quote;
  const cookieless = outputBeforeReopen && !outputBeforeClose ? `\n${statement.indent}ini_set(${q}session.use_cookies${q}, ${q}0${q});\n${statement.indent}ini_set(${q}session.cache_limiter${q}, ${q}${q});` : '';
  const edits: TextEdit[] = [closeBefore(sites, statement, `${close}${cookieless}`)];
  const closesAt = closeStatementStarts(flow, sites);
  for (const region of regions) {
    edits.push({ span: at(sites, region.first.lineStart), newText: `${region.first.indent}session_start();\n` });
    // The code's own close right after the writes closes the reopened session too.
    if (!closesAt.has(region.last.lineEnd!)) edits.push({ span: at(sites, region.last.lineEnd!), newText: `${region.first.indent}${close}\n` });
  }
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

/** The session is PHP's own: opened by `session_start()` in this file, closed (if at all) by the native close. */
function nativeSession(context: RuleContext, operation: HeldOperation, ownClose: CloseEffect | undefined): boolean {
  if (ownClose && !['session_write_close', 'session_commit'].includes(nativeName(ownClose.api))) return false;
  const { opens } = effectsOf(context.file);
  return operation.sites.every((site) => {
    const last = site.chain[site.chain.length - 1];
    const open = last ? opens.get(spanKey(last.span)) : undefined;
    return open !== undefined && open.mode === 'lock' && !open.bootstrap && nativeName(open.api) === 'session_start';
  });
}

function nativeName(api: string): string {
  const name = api.endsWith('()') ? api.slice(0, -2) : api;
  return (name.startsWith('\\') ? name.slice(1) : name).toLowerCase();
}

/**
 * The statements that hold the writes, as runs of one block (two writes of a block are one
 * region when nothing between them is slow), or undefined when a write cannot be wrapped: its
 * statement is not on lines of its own, holds slow work or session calls, or it can run before
 * the close (a loop around the closed statement).
 */
function writeRegions(flow: UnitFlow, plan: EarlyClosePlan): WriteRegion[] | undefined {
  const { sites, statement } = plan;
  const start = nodesWithin(flow, statement.span);
  const beforeClose = reaching(flow, entryNodes(flow, start));
  const statements = new Map<string, StatementSite>();
  for (const id of plan.writes) {
    const effect = flow.unit.cfg.nodes[id]!.effect!;
    const site = sites.statementAround(effect.span);
    if (!site || site.lineEnd === undefined || !within(site.span, flow.unit.span)) return undefined;
    if (beforeClose.has(id) && !within(effect.span, statement.span)) return undefined;
    if (overlaps(site.span, statement.span) && !within(site.span, statement.span)) return undefined;
    if (within(statement.span, site.span)) return undefined;
    statements.set(spanKey(site.span), site);
  }
  const sorted = [...statements.values()].sort((a, b) => a.span.start - b.span.start);
  // Nested statements (a write in an `if` whose other write is in its body): the outer one wraps both.
  const outer = sorted.filter((site) => !sorted.some((other) => other !== site && within(site.span, other.span)));
  const regions: WriteRegion[] = [];
  for (const site of outer) {
    const previous = regions[regions.length - 1];
    if (previous && spanKey(previous.last.block) === spanKey(site.block) && quietBetween(flow, { file: site.span.file, start: previous.first.span.start, end: site.span.end })) {
      regions[regions.length - 1] = { first: previous.first, last: site };
    } else {
      regions.push({ first: site, last: site });
    }
  }
  for (const region of regions) {
    if (!quietBetween(flow, { file: region.first.span.file, start: region.first.span.start, end: region.last.span.end })) return undefined;
  }
  return regions;
}

/**
 * Nothing in `span` holds the reopened session long or handles it itself: no slow work, no
 * call that does slow work, flushes, opens or closes, no session open, close or API.
 */
function quietBetween(flow: UnitFlow, span: Span): boolean {
  const observed = observationsByNode(flow);
  return nodesWithin(flow, span).every((id) => {
    const effect = flow.unit.cfg.nodes[id]!.effect!;
    switch (effect.kind) {
      case 'slow':
        return false;
      case 'open':
      case 'close':
      case 'use':
        return effect.resource !== flow.resource;
      case 'call':
        if (effect.target.type === 'include') return false;
        return (observed.get(id) ?? []).every(({ call }) => !call || (call.slowUnderLock.length === 0 && call.flushes.length === 0 && call.opens.length === 0 && call.releases.length === 0));
      default:
        return true;
    }
  });
}

/** Where the unit's own plain closes start their lines (`session_write_close();` as a statement). */
function closeStatementStarts(flow: UnitFlow, sites: EditSites): Set<number> {
  const starts = new Set<number>();
  for (const node of flow.unit.cfg.nodes) {
    const effect = node.effect;
    if (effect?.kind !== 'close' || effect.resource !== flow.resource || effect.how !== 'write') continue;
    const statement = sites.callStatement(effect.span);
    if (statement) starts.add(statement.lineStart);
  }
  return starts;
}

/** The nodes of `inside` that code outside it can jump to: where the statement starts. */
function entryNodes(flow: UnitFlow, inside: readonly number[]): number[] {
  const set = new Set(inside);
  const entered = new Set<number>();
  for (const node of flow.unit.cfg.nodes) {
    if (set.has(node.id)) continue;
    for (const edge of node.succs) if (set.has(edge.to)) entered.add(edge.to);
  }
  return [...entered];
}

function overlaps(a: Span, b: Span): boolean {
  return a.file === b.file && a.start < b.end && b.start < a.end;
}

function at(sites: EditSites, offset: number): Span {
  return { file: sites.file, start: offset, end: offset };
}
