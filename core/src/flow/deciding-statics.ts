import type { CallEffect } from '../ir/effects';
import type { Cfg } from '../ir/cfg';
import type { Unit } from '../ir/unit';
import { isClassStaticSubject } from '../ir/predicate-shape';

/**
 * Which class statics a unit tests where the test decides something a summary keeps
 * (issue 12, `perf11`; the flow's README, "Summary keys").
 *
 * A singleton's getter tests its own static (`if (self::$instance === null) self::$instance =
 * new self();`): the test prunes the path that builds the object, but on neither path does the
 * unit touch a resource, end, or change anything but that static. Entered knowing the static
 * or not, its summary has the same effects; only what it leaves known of the static differs,
 * and the caller puts that back (`FlowEngine.summary`: a case of the callee's exit that
 * contradicts what the caller knew of a static the callee never assigns is not a path).
 * MediaWiki's hubs were summarised once per subset of six such statics their callees test, and
 * again all the way down; keyed by the statics whose tests decide something, they are not.
 *
 * A test decides something when a node it dominates (runs only past it) does: an effect other
 * than a fact (a session operation, slow work, output, a setting, a check of the session), a
 * call that may run project code that does (`callMatters`), an assignment of any other subject
 * (a local the unit tests later, a property, another static, a constant), or an `exit` (output
 * before it then never reaches the unit's end: `summary.flushes`). A `throw` under the test is
 * not enough: it only ends the path, and the exit's cases keep the static's fact, so the caller's
 * value of it prunes them as the test would have; nor is a `return` (a caller that tests the
 * result reads the exit per truthiness, whose cases are pruned the same way).
 *
 * The pruning is exact for a static the unit (and what it runs) never assigns. For one it
 * assigns (a getter that builds the object) the caller takes the exit's facts about it, which
 * then come from every way of the test: a path the caller's value ruled out may remain (where
 * the test-only path leaves another value than the assignment; in a getter both leave the object
 * built). That adds paths; it never removes one.
 */
export function staticsDecidingWork(unit: Unit, callMatters: (effect: CallEffect) => boolean): Set<string> {
  const cfg = unit.cfg;
  const tests = new Map<number, string[]>();
  for (const node of cfg.nodes) {
    const effect = node.effect;
    if (effect?.kind !== 'fact' || !effect.set) continue;
    const tested = effect.set.map((fact) => fact.subject).filter((subject) => isClassStaticSubject(subject) && !(effect.forget ?? []).includes(subject));
    if (tested.length > 0) tests.set(node.id, tested);
  }
  const deciding = new Set<string>();
  if (tests.size === 0) return deciding;
  const dominated = dominatedSets(cfg, [...tests.keys()]);
  for (const [test, subjects] of tests) {
    for (const subject of subjects) {
      if (deciding.has(subject)) continue;
      if ([...dominated.get(test)!].some((id) => decides(cfg, id, subject, callMatters))) deciding.add(subject);
    }
  }
  return deciding;
}

/** Whether the node does something a summary keeps, seen from a test of `subject`. */
function decides(cfg: Cfg, id: number, subject: string, callMatters: (effect: CallEffect) => boolean): boolean {
  const node = cfg.nodes[id]!;
  if (node.succs.some((edge) => edge.to === cfg.terminate)) return true;
  const effect = node.effect;
  if (!effect) return false;
  if (effect.kind === 'call') return callMatters(effect);
  if (effect.kind !== 'fact') return true;
  return (effect.forget ?? []).some((other) => other !== subject) || (effect.constants?.length ?? 0) > 0;
}

/**
 * For each of `roots`, the nodes it dominates (itself included), from the dominator tree of
 * the graph (Cooper, Harvey and Kennedy's iterative algorithm over reverse postorder).
 */
function dominatedSets(cfg: Cfg, roots: readonly number[]): Map<number, Set<number>> {
  const order: number[] = [];
  const seen = new Set<number>([cfg.entry]);
  const stack: { id: number; next: number }[] = [{ id: cfg.entry, next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const succs = cfg.nodes[top.id]!.succs;
    if (top.next < succs.length) {
      const to = succs[top.next++]!.to;
      if (!seen.has(to)) {
        seen.add(to);
        stack.push({ id: to, next: 0 });
      }
    } else {
      order.push(top.id);
      stack.pop();
    }
  }
  order.reverse();
  const position = new Map(order.map((id, i) => [id, i]));
  const preds = new Map<number, number[]>();
  for (const id of order) for (const edge of cfg.nodes[id]!.succs) (preds.get(edge.to) ?? preds.set(edge.to, []).get(edge.to)!).push(id);
  const idom = new Map<number, number>([[cfg.entry, cfg.entry]]);
  const intersect = (a: number, b: number): number => {
    while (a !== b) {
      while (position.get(a)! > position.get(b)!) a = idom.get(a)!;
      while (position.get(b)! > position.get(a)!) b = idom.get(b)!;
    }
    return a;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const id of order) {
      if (id === cfg.entry) continue;
      let next: number | undefined;
      for (const pred of preds.get(id) ?? []) if (idom.has(pred)) next = next === undefined ? pred : intersect(pred, next);
      if (next !== undefined && idom.get(id) !== next) {
        idom.set(id, next);
        changed = true;
      }
    }
  }
  const children = new Map<number, number[]>();
  for (const [id, parent] of idom) if (id !== parent) (children.get(parent) ?? children.set(parent, []).get(parent)!).push(id);
  const result = new Map<number, Set<number>>();
  for (const root of roots) {
    const below = new Set<number>();
    if (position.has(root)) {
      const todo = [root];
      while (todo.length > 0) {
        const id = todo.pop()!;
        below.add(id);
        todo.push(...(children.get(id) ?? []));
      }
    }
    result.set(root, below);
  }
  return result;
}
