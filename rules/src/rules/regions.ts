import type { HeldOperation, OpenSite, Step, UnitFlow } from '../../../core/src';

/**
 * Groups held operations into open regions: operations whose open sites overlap belong to
 * the same `session_start()` (or the same set of them, on merging paths).
 */
export function groupByRegion(operations: readonly HeldOperation[]): HeldOperation[][] {
  const groups: { keys: Set<string>; members: HeldOperation[] }[] = [];
  for (const operation of operations) {
    const keys = operation.sites.map((site) => site.key);
    const matching = groups.filter((group) => keys.some((key) => group.keys.has(key)));
    const merged = { keys: new Set(keys), members: [operation] };
    for (const group of matching) {
      group.keys.forEach((key) => merged.keys.add(key));
      merged.members.unshift(...group.members);
      groups.splice(groups.indexOf(group), 1);
    }
    groups.push(merged);
  }
  return groups.map((group) => group.members);
}

function overlaps(a: readonly OpenSite[], b: readonly OpenSite[]): boolean {
  return a.some((site) => b.some((other) => other.key === site.key));
}

/** Where the region's lock is released after the operation (directly or in a callee). */
export function releasesAfter(flow: UnitFlow, operation: HeldOperation, sites: readonly OpenSite[]): Step[] {
  const reachable = reachableFrom(flow, operation.node);
  const steps: Step[] = [];
  for (const observation of flow.observations) {
    if (!reachable.has(observation.node) || !overlaps(observation.before.open, sites)) continue;
    const effect = observation.effect;
    if (effect.kind === 'close') {
      steps.push({ span: effect.span, label: effect.label ?? `the session is released here by \`${effect.api}\`` });
    } else if (observation.call && observation.call.releases.length > 0) {
      steps.push({ span: effect.span, label: 'the session is released inside this call' });
    }
  }
  return steps;
}

/** True when the lock of the region can still be held where the unit ends. */
export function stillOpenAtEnd(flow: UnitFlow, sites: readonly OpenSite[]): boolean {
  return [flow.exit, flow.terminate, flow.throwExit].some((state) => state !== undefined && overlaps(state.open, sites));
}

/** The nodes some path from `start` reaches (`start` included). */
export function reachableFrom(flow: UnitFlow, start: number): Set<number> {
  const seen = new Set<number>([start]);
  const stack = [start];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const edge of flow.unit.cfg.nodes[node]!.succs) {
      if (!seen.has(edge.to)) {
        seen.add(edge.to);
        stack.push(edge.to);
      }
    }
  }
  return seen;
}

/**
 * True when the lock of `sites`, held at `node`, can still be held where the request goes on
 * from `node` to its end, so it is held across whatever the rest of the request does. The end
 * that counts is the unit's normal one (its last statement or a `return`) when some path from
 * `node` gets there: then paths that leave early by `exit` (an error page, a redirect) are
 * branches that end the request before its work. When every path from `node` ends the script
 * (`exit`, or a call that never returns), those ends count. An exception is an error, never
 * an end that counts, and neither is the end of a `catch` block.
 */
export function heldToEndFrom(flow: UnitFlow, node: number, sites: readonly OpenSite[]): boolean {
  // A `catch` block is where an error lands, not the request's work: a path that keeps the lock
  // only by way of one (FileSender's download page: `try { …; set_time_limit(0);
  // session_write_close(); send(); } catch (Exception $e) { redirect }`, whose `catch` is also
  // reached from the calls before the close) does not hold it to the end.
  const held = (id: number): boolean => {
    const state = flow.states[id];
    return state !== undefined && overlaps(state.open, sites) && !flow.unit.cfg.nodes[id]!.errorPath;
  };
  const reached = (id: number): boolean => flow.states[id] !== undefined;
  const normal = walkFrom(flow, node, reached);
  const whileHeld = walkFrom(flow, node, held);
  if (normal.exit) return whileHeld.exit;
  return whileHeld.terminate;
}

/**
 * The nodes from `node` on where the lock of `sites` is held and can no longer be released:
 * the paths that keep the lock to the end, from where they part from those that release it.
 * Undefined when no path from `node` releases the lock (they all keep it). Exceptions are not
 * followed.
 */
export function keptFrom(flow: UnitFlow, node: number, sites: readonly OpenSite[]): Set<number> | undefined {
  const cfg = flow.unit.cfg;
  const held = (id: number): boolean => {
    const state = flow.states[id];
    return state !== undefined && overlaps(state.open, sites);
  };
  const next = (id: number): number[] => cfg.nodes[id]!.succs.map((edge) => edge.to).filter((to) => to !== cfg.throwExit && flow.states[to] !== undefined);
  // The held region from `node`, and its nodes right before a release (a successor not held).
  const region = new Set<number>([node]);
  const stack = [node];
  const releasing: number[] = [];
  while (stack.length > 0) {
    const current = stack.pop()!;
    let releases = false;
    for (const to of next(current)) {
      if (!held(to)) releases = true;
      else if (!region.has(to)) {
        region.add(to);
        stack.push(to);
      }
    }
    if (releases) releasing.push(current);
  }
  if (releasing.length === 0) return undefined;
  // Backwards inside the region: the nodes that can still get to a release.
  const preds = new Map<number, number[]>();
  for (const from of region) for (const to of next(from)) if (region.has(to)) preds.set(to, [...(preds.get(to) ?? []), from]);
  const canRelease = new Set<number>(releasing);
  const back = [...releasing];
  while (back.length > 0) {
    for (const from of preds.get(back.pop()!) ?? []) {
      if (canRelease.has(from)) continue;
      canRelease.add(from);
      back.push(from);
    }
  }
  return new Set([...region].filter((id) => !canRelease.has(id)));
}

/** Which ends a walk from `node` over the nodes `follow` accepts gets to (exceptions not followed). */
function walkFrom(flow: UnitFlow, node: number, follow: (id: number) => boolean): { exit: boolean; terminate: boolean } {
  const cfg = flow.unit.cfg;
  const seen = new Set<number>([node]);
  const stack = [node];
  let exit = false;
  let terminate = false;
  while (stack.length > 0) {
    const current = stack.pop()!;
    // A page that ends with `exit;` once its work is done gets there as to its normal end.
    if (current === cfg.exit || cfg.nodes[current]!.endsWork) exit = true;
    if (current === cfg.terminate) terminate = true;
    const next = cfg.nodes[current]!.succs.map((edge) => edge.to).filter((to) => to !== cfg.throwExit);
    // A call after which no path goes on ends the script inside it (a redirect helper that exits).
    if (cfg.nodes[current]!.effect?.kind === 'call' && next.length > 0 && next.every((to) => flow.states[to] === undefined)) terminate = true;
    for (const to of next) {
      if (seen.has(to) || !follow(to)) continue;
      seen.add(to);
      stack.push(to);
    }
  }
  return { exit, terminate };
}
