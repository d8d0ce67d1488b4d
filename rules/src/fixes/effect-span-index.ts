import type { Span, UnitFlow } from '../../../core/src';

/**
 * Nodes of one unit sorted by where their effect starts, so that "which of these effects lie
 * inside this statement" costs a binary search instead of a scan of every node (the fixes ask
 * it once per statement, which a scan made quadratic on long top levels).
 *
 * The starts are kept relative to the unit's own start: an index is kept per unit (its cfg),
 * and a language server reuses a unit an edit only moved, its spans moved in place
 * (`core/src/lower/php/unit-reuse.ts`), all by the same amount as the unit's span. Absolute
 * starts would be those of the text before the move, and a search would miss the effects
 * at the start of a statement (an early close's fix was lost after an edit above it).
 */
export interface EffectSpanIndex {
  /** Where each effect starts, less where the unit started when the index was made. */
  readonly starts: readonly number[];
  readonly ids: readonly number[];
}

type Node = UnitFlow['unit']['cfg']['nodes'][number];

/** The index of `nodes` of `unit` (each must carry an effect). */
export function indexByEffectStart(nodes: readonly Node[], unit: UnitFlow['unit']): EffectSpanIndex {
  const sorted = [...nodes].sort((a, b) => a.effect!.span.start - b.effect!.span.start || a.id - b.id);
  const base = unit.span.start;
  return { starts: sorted.map((node) => node.effect!.span.start - base), ids: sorted.map((node) => node.id) };
}

/** The indexed nodes whose effect lies wholly inside `span`, in start order. */
export function indexedNodesWithin(index: EffectSpanIndex, flow: UnitFlow, span: Span): number[] {
  const { starts, ids } = index;
  // Where the unit starts now: the effects moved with it.
  const from = span.start - flow.unit.span.start;
  const to = span.end - flow.unit.span.start;
  // The first effect starting at or after `span.start`; those inside start at `span.end` at the latest.
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (starts[middle]! < from) low = middle + 1;
    else high = middle;
  }
  const found: number[] = [];
  for (let at = low; at < starts.length && starts[at]! <= to; at++) {
    if (within(flow.unit.cfg.nodes[ids[at]!]!.effect!.span, span)) found.push(ids[at]!);
  }
  return found;
}

export function within(inner: Span, outer: Span): boolean {
  return inner.file === outer.file && inner.start >= outer.start && inner.end <= outer.end;
}
