import { CfgBuilder } from '../ir/cfg-builder';
import type { Unit } from '../ir/unit';
import type { Span } from '../model/span';

/**
 * What `new C()` runs for a class without a constructor (its own, inherited or PHP 4 style):
 * nothing. Among the candidates of a `new $class()` it is the one that keeps the state before
 * the call, so the state after is the join of every candidate's (one that starts the session
 * and one that does nothing: maybe-open), and no slow work is shared by all of them. Without
 * it, a candidate that does nothing left the call with no candidates at all, which the flow
 * reads as an unknown call: the opens of the others were lost.
 */
export function constructorlessUnit(className: string, declared: Span): Unit {
  const cfg = new CfgBuilder();
  return {
    id: `new:${className}`,
    kind: 'method',
    displayName: `new ${displayClass(className)} (no constructor)`,
    className,
    span: declared,
    endSpan: declared,
    cfg: cfg.finish(cfg.start()),
  };
}

/** The class's own name as written after its namespace (`mrbs\session\sessionfactory` → `sessionfactory`). */
function displayClass(className: string): string {
  return className.slice(className.lastIndexOf('\\') + 1);
}
