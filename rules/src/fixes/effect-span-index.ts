import type { Span, UnitFlow } from '../../../core/src';

/**
 * Nodes of one unit sorted by where their effect starts, so that "which of these effects lie
 * inside this statement" costs a binary search instead of a scan of every node (the fixes ask
 * it once per statement, which a scan made quadratic on long top levels).
 */
export interface EffectSpanIndex {
  readonly starts: readonly number[];
  readonly ids: readonly number[];
}

type Node = UnitFlow['unit']['cfg']['nodes'][number];

/** The index of `nodes` (each must carry an effect). */
export function indexByEffectStart(nodes: readonly Node[]): EffectSpanIndex {
  const sorted = [...nodes].sort((a, b) => a.effect!.span.start - b.effect!.span.start || a.id - b.id);
  return { starts: sorted.map((node) => node.effect!.span.start), ids: sorted.map((node) => node.id) };
}

/** The indexed nodes whose effect lies wholly inside `span`, in start order. */
export function indexedNodesWithin(index: EffectSpanIndex, flow: UnitFlow, span: Span): number[] {
  const { starts, ids } = index;
  // The first effect starting at or after `span.start`; those inside start at `span.end` at the latest.
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (starts[middle]! < span.start) low = middle + 1;
    else high = middle;
  }
  const found: number[] = [];
  for (let at = low; at < starts.length && starts[at]! <= span.end; at++) {
    if (within(flow.unit.cfg.nodes[ids[at]!]!.effect!.span, span)) found.push(ids[at]!);
  }
  return found;
}

export function within(inner: Span, outer: Span): boolean {
  return inner.file === outer.file && inner.start >= outer.start && inner.end <= outer.end;
}
