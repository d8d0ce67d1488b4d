import type { Cfg } from '../ir/cfg';
import type { Effect, ResourceId } from '../ir/effects';
import { alongEdge, joinStates, sameState, withFacts, type ResourceState } from './state';

/** What one effect does to the state; `undefined` out: the path ends (or is impossible). */
export type Transfer = (
  effect: Effect,
  node: number,
  before: ResourceState,
  /** The current in-state of another node (a call whose result a branch tests). */
  stateAt: (node: number) => ResourceState | undefined,
) => ResourceState | undefined;

/** Visits per node before the solver gives up on a pathological graph (never in practice). */
export const MAX_VISITS_PER_NODE = 64;

/**
 * Visits of a node after which its in-state keeps no path facts: which predicate a join past
 * `MAX_CASES` forgets depends on the states, so cases can trade places around a loop without
 * end. Without facts the state only grows, so the loop settles (a widening: less precise
 * there, never cut).
 */
const FACTS_UNTIL_VISIT = 24;

/**
 * Forward dataflow to a fixpoint over one CFG. The lattice is finite (a few flags and a
 * capped set of open sites), so it converges; the visit cap is a guard against bugs, not
 * a tuning knob.
 */
export function solve(
  cfg: Cfg,
  resource: ResourceId,
  entry: ResourceState,
  transfer: Transfer,
  /** Called once when the visit cap stopped a node before a fixpoint: the states may miss paths. */
  onCut?: () => void,
): (ResourceState | undefined)[] {
  void resource;
  const count = cfg.nodes.length;
  const { preds, order } = shapeOf(cfg);

  const inStates: (ResourceState | undefined)[] = new Array(count).fill(undefined);
  const outStates: (ResourceState | undefined)[] = new Array(count).fill(undefined);
  const visits = new Uint16Array(count);
  const stateAt = (node: number): ResourceState | undefined => inStates[node];
  const dirty = new Uint8Array(count);
  dirty[cfg.entry] = 1;

  // Round-robin in reverse postorder: each pass is linear, and the number of passes is
  // bounded by the loop nesting depth plus one, so big generated files stay fast.
  let changed = true;
  let cut = false;
  while (changed) {
    changed = false;
    for (const id of order) {
      if (!dirty[id]) continue;
      dirty[id] = 0;
      if (++visits[id]! > MAX_VISITS_PER_NODE) {
        if (!cut) onCut?.();
        cut = true;
        continue;
      }
      const incoming: ResourceState[] = [];
      if (id === cfg.entry) incoming.push(entry);
      for (const { from, note } of preds[id]!) {
        const out = outStates[from];
        if (out) incoming.push(alongEdge(out, note));
      }
      const joined = joinStates(incoming, true);
      const before = joined && visits[id]! > FACTS_UNTIL_VISIT ? withFacts(joined, undefined) : joined;
      inStates[id] = before;
      const node = cfg.nodes[id]!;
      const after = before && node.effect ? transfer(node.effect, id, before, stateAt) : before;
      if (visits[id]! > 1 && sameState(after, outStates[id])) continue;
      outStates[id] = after;
      for (const edge of node.succs) {
        dirty[edge.to] = 1;
        changed = true;
      }
    }
  }
  return inStates;
}

/** A graph's predecessors (with the notes on their edges) and its reverse postorder. */
interface Shape {
  readonly preds: readonly (readonly { readonly from: number; readonly note?: string }[])[];
  readonly order: readonly number[];
}

/**
 * Shapes of the graphs solved so far: a unit's graph is solved once per entry state it is
 * summarised with (often ten or more), and its shape does not change.
 */
const shapes = new WeakMap<Cfg, Shape>();

function shapeOf(cfg: Cfg): Shape {
  let shape = shapes.get(cfg);
  if (!shape) {
    const preds: { from: number; note?: string }[][] = Array.from({ length: cfg.nodes.length }, () => []);
    for (const node of cfg.nodes) {
      for (const edge of node.succs) preds[edge.to]!.push(edge.note === undefined ? { from: node.id } : { from: node.id, note: edge.note });
    }
    shape = { preds, order: reversePostorder(cfg) };
    shapes.set(cfg, shape);
  }
  return shape;
}

function reversePostorder(cfg: Cfg): number[] {
  const visited = new Uint8Array(cfg.nodes.length);
  const post: number[] = [];
  const stack: { id: number; next: number }[] = [{ id: cfg.entry, next: 0 }];
  visited[cfg.entry] = 1;
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const succs = cfg.nodes[top.id]!.succs;
    if (top.next < succs.length) {
      const to = succs[top.next++]!.to;
      if (!visited[to]) {
        visited[to] = 1;
        stack.push({ id: to, next: 0 });
      }
    } else {
      post.push(top.id);
      stack.pop();
    }
  }
  return post.reverse();
}
