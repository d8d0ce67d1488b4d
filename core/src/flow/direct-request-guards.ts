import type { Effect } from '../ir/effects';
import type { Unit } from '../ir/unit';

/**
 * The constants (`const:X`) a file's top level tests first thing to refuse a direct request:
 * `if (!defined('CC_INI_SET')) { die('Access Denied'); }`, `defined('IN_APP') or exit;`,
 * `if (!defined('DC_RC_PATH')) { return; }`. The file is meant to be included by code that
 * defined the constant; requested on its own, it ends at the guard.
 *
 * Read from the graph: before the test, nothing but facts and the `defined()` call itself (no
 * session, project call, output or other effect); on the branch where the constant is undefined, nothing but facts and output (the
 * refusal's message) up to the end of the script (`exit`, `return`, a `throw`), and no
 * `define()` of it (`if (!defined('X')) define('X', 1);` is a fallback, not a guard).
 */
export function directRequestGuards(unit: Unit): readonly string[] {
  if (unit.kind !== 'script' || !unit.constantTests) return [];
  const cfg = unit.cfg;
  const guards = new Set<string>();
  const seen = new Set<number>();
  const stack = [cfg.entry];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const node = cfg.nodes[id]!;
    const effect = node.effect;
    if (effect && effect.kind !== 'fact' && effect.kind !== 'call-result' && !isDefinedTest(effect)) continue;
    for (const fact of effect?.kind === 'fact' ? [...(effect.constants ?? []), ...(effect.set ?? [])] : []) {
      if (fact.value === false && fact.predicate.startsWith('defined(') && endsWithoutWork(unit, id, fact.subject)) guards.add(fact.subject);
    }
    // Past a guard's test, only the branch where it holds goes on to the file's work.
    for (const edge of node.succs) stack.push(edge.to);
  }
  return [...guards].sort();
}

/** Whether every path from `from` ends the script having done nothing but output and facts, without defining `subject`. */
function endsWithoutWork(unit: Unit, from: number, subject: string): boolean {
  const cfg = unit.cfg;
  const ends = new Set([cfg.exit, cfg.terminate, cfg.throwExit]);
  const seen = new Set<number>();
  const stack = cfg.nodes[from]!.succs.map((edge) => edge.to);
  let ended = false;
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    if (ends.has(id)) {
      ended = true;
      continue;
    }
    const node = cfg.nodes[id]!;
    const effect = node.effect;
    if (effect && effect.kind !== 'fact' && effect.kind !== 'output' && effect.kind !== 'call-result') return false;
    if (effect?.kind === 'fact' && [...(effect.constants ?? []), ...(effect.set ?? [])].some((fact) => fact.subject === subject && fact.value)) return false;
    if (node.loop !== undefined) return false;
    for (const edge of node.succs) stack.push(edge.to);
  }
  return ended;
}

/** The call of PHP's `defined()` whose outcome the guard's facts follow (a builtin: it runs no code of the project). */
function isDefinedTest(effect: Effect): boolean {
  return effect.kind === 'call' && effect.target.type === 'function' && effect.target.candidates.length === 1 && effect.target.candidates[0] === 'defined';
}
