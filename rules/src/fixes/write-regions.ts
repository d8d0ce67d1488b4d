import { spanKey, type EditSites, type Effect, type Observation, type RuleContext, type Span, type StatementSite, type TextEdit, type Unit, type UnitFlow } from '../../../core/src';
import { someReachableUnit } from './reachable-units';
import { observationsByNode, within } from './session-after';
import { indexByEffectStart, indexedNodesWithin, type EffectSpanIndex } from './effect-span-index';

/** A run of statements of one block that holds session writes: reopened before, closed after. */
export interface WriteRegion {
  readonly first: StatementSite;
  readonly last: StatementSite;
}

/**
 * The statements that hold the session changes at `nodes`, as runs of one block (two of a block
 * are one region when nothing between them is slow or handles the session itself), or
 * undefined when a change cannot be wrapped: its statement is not on lines of its own, is
 * outside the unit, is refused by `accept`, or a region holds slow work or session calls.
 */
export function writeRegions(context: RuleContext, flow: UnitFlow, sites: EditSites, nodes: readonly number[], accept: (site: StatementSite, node: number) => boolean = () => true): WriteRegion[] | undefined {
  const statements = new Map<string, StatementSite>();
  for (const id of nodes) {
    const effect = flow.unit.cfg.nodes[id]!.effect!;
    const site = sites.statementAround(effect.span);
    if (!site || site.lineEnd === undefined || !within(site.span, flow.unit.span) || !accept(site, id)) return undefined;
    statements.set(spanKey(site.span), site);
  }
  // Outer statements first where two start together, so that a statement inside another
  // always comes after it.
  const sorted = [...statements.values()].sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  // Nested statements (a write in an `if` whose other write is in its body): the outer one wraps
  // both. A statement is inside another when one that starts before it ends after it (all are
  // statements of one file).
  const outer: StatementSite[] = [];
  let furthestEnd = -1;
  for (const site of sorted) {
    if (site.span.end > furthestEnd) outer.push(site);
    furthestEnd = Math.max(furthestEnd, site.span.end);
  }
  const regions: WriteRegion[] = [];
  for (const site of outer) {
    const previous = regions[regions.length - 1];
    if (previous && spanKey(previous.last.block) === spanKey(site.block) && quietBetween(context, flow, { file: site.span.file, start: previous.first.span.start, end: site.span.end })) {
      regions[regions.length - 1] = { first: previous.first, last: site };
    } else {
      regions.push({ first: site, last: site });
    }
  }
  for (const region of regions) {
    if (!quietBetween(context, flow, { file: region.first.span.file, start: region.first.span.start, end: region.last.span.end })) return undefined;
  }
  return regions;
}

/**
 * `session_start();` before each region and `close` after it, indented like the region's first
 * statement; where the code's own plain close already follows a region, that close serves.
 */
export function wrapEdits(flow: UnitFlow, sites: EditSites, regions: readonly WriteRegion[], close: string): TextEdit[] {
  const closesAt = closeStatementStarts(flow, sites);
  const edits: TextEdit[] = [];
  for (const region of regions) {
    edits.push({ span: at(sites, region.first.lineStart), newText: `${region.first.indent}session_start();\n` });
    if (!closesAt.has(region.last.lineEnd!)) edits.push({ span: at(sites, region.last.lineEnd!), newText: `${region.first.indent}${close}\n` });
  }
  return edits;
}

/**
 * Nothing in `span` holds the reopened session long or handles it itself: no slow work, no
 * call that does slow work, flushes, opens or closes, no include, no session open, close or API.
 */
function quietBetween(context: RuleContext, flow: UnitFlow, span: Span): boolean {
  return indexedNodesWithin(noisyNodesOf(context, flow), flow, span).length === 0;
}

/**
 * The nodes whose effect keeps a reopened session from being quiet, sorted by where the
 * effect starts: the regions of a long top level are checked once per write, so each check
 * must not scan the whole unit.
 */
function noisyNodesOf(context: RuleContext, flow: UnitFlow): EffectSpanIndex {
  let index = noisyNodes.get(flow.observations);
  if (!index) {
    const observed = observationsByNode(flow);
    index = indexByEffectStart(flow.unit.cfg.nodes.filter((node) => node.effect !== undefined && !isQuiet(context, flow, node.effect, observed.get(node.id) ?? [])), flow.unit);
    noisyNodes.set(flow.observations, index);
  }
  return index;
}

/** Keyed by the flow's observations (the resource matters: one unit has a flow per resource). */
const noisyNodes = new WeakMap<UnitFlow['observations'], EffectSpanIndex>();

function isQuiet(context: RuleContext, flow: UnitFlow, effect: Effect, observations: readonly Observation[]): boolean {
  switch (effect.kind) {
    case 'slow':
      return false;
    case 'open':
    case 'close':
      return effect.resource !== flow.resource;
    case 'call':
      if (effect.target.type === 'include') return false;
      return observations.every(
        ({ call, before }) =>
          !call ||
          (call.slowUnderLock.length === 0 &&
            call.flushes.length === 0 &&
            call.opens.length === 0 &&
            call.releases.length === 0 &&
            // Made with the session closed (a lost write's statement), the call had no lock to
            // hold, so `slowUnderLock` says nothing: a reopen around it would hold the lock
            // through whatever slow work its callees do.
            !(before.closed && before.open.length === 0 && doesSlowWork(context, call.units))),
      );
    default:
      return true;
  }
}

/** Whether the units, or anything they call, do slow work (a `slow` effect, whatever the session's state there). */
function doesSlowWork(context: RuleContext, units: readonly Unit[]): boolean {
  return someReachableUnit(context, units, (unit) => unit.cfg.nodes.some((node) => node.effect?.kind === 'slow'), slowUnits);
}

const slowUnits = new WeakMap<Unit, boolean>();

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
export function entryNodes(flow: UnitFlow, inside: readonly number[]): number[] {
  const set = new Set(inside);
  const entered = new Set<number>();
  for (const node of flow.unit.cfg.nodes) {
    if (set.has(node.id)) continue;
    for (const edge of node.succs) if (set.has(edge.to)) entered.add(edge.to);
  }
  return [...entered];
}

export function at(sites: EditSites, offset: number): Span {
  return { file: sites.file, start: offset, end: offset };
}
