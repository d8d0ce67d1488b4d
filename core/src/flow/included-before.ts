import type { CallEffect } from '../ir/effects';
import type { CfgNode } from '../ir/cfg';
import type { Unit } from '../ir/unit';

/**
 * The files a unit has certainly included before each of its nodes: on every path from its
 * entry, an include (plain or `_once`) that can load only that file has run. PHP keeps the
 * request's included files, so a later `require_once` of one of them, here or in what this
 * unit runs next, does nothing:
 *
 *     include_once './libraries/lib.inc.php';   // session_start(), then the page's output
 *     …
 *     include './dbexport.php';                 // its include_once of lib.inc.php: nothing
 *
 * A forward "must" analysis over the unit's control flow: what every path into a node has
 * included. Only the unit's own includes count, not those of the functions it calls; an
 * include counts with what the included file's top level itself certainly included by its end
 * (`includedBy` gives both), so a page that included `functions.php`, which included
 * `boot.php`, has included `boot.php` too.
 */
export function includedBeforeNodes(unit: Unit, includedBy: (effect: CallEffect) => readonly string[] | undefined): readonly ReadonlySet<string>[] {
  const cfg = unit.cfg;
  // Most units include nothing: every node has the empty set, with no walk.
  const includes = (effect: CfgNode['effect']): effect is CallEffect => effect?.kind === 'call' && effect.target.type === 'include';
  if (!cfg.nodes.some((node) => includes(node.effect))) return cfg.nodes.map(() => NOTHING_INCLUDED);
  // undefined: no path reaches the node yet (the top of the lattice).
  const before: (Set<string> | undefined)[] = cfg.nodes.map(() => undefined);
  before[cfg.entry] = new Set();
  const after = (id: number): Set<string> | undefined => {
    const into = before[id];
    const effect = cfg.nodes[id]!.effect;
    const files = into && includes(effect) ? includedBy(effect) : undefined;
    return files === undefined || !into ? into : new Set([...into, ...files]);
  };
  const queue = [cfg.entry];
  const queued = new Set(queue);
  while (queue.length > 0) {
    const id = queue.shift()!;
    queued.delete(id);
    const out = after(id);
    if (!out) continue;
    for (const edge of cfg.nodes[id]!.succs) {
      const known = before[edge.to];
      const met = known === undefined ? new Set(out) : new Set([...known].filter((file) => out.has(file)));
      if (known !== undefined && met.size === known.size) continue;
      before[edge.to] = met;
      if (!queued.has(edge.to)) {
        queued.add(edge.to);
        queue.push(edge.to);
      }
    }
  }
  return before.map((set) => set ?? NOTHING_INCLUDED);
}

const NOTHING_INCLUDED: ReadonlySet<string> = new Set();
