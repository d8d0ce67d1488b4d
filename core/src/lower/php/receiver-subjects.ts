import type { SyntaxNode } from '../../parse/php';
import type { UnitContext } from './context';
import { NESTED_DECLARATIONS } from './unit-scope';

/**
 * The object a method is called on, as the prefix its properties' facts have in the caller
 * (`CallEffect.receiver`), when the call is known to reach the same object every time it runs:
 *
 * - `$this`: `''` (the callee's `->started` is the caller's `->started`);
 * - `$this->session`, when the unit does not assign `$this->session` itself (a call that does
 *   is a call that changes `->session`, and the flow forgets the facts then);
 * - a local variable assigned once in the unit, by `new`, outside any loop (`$s = new Sess();
 *   $s->set('a', 1); $s->set('b', 2);`): every call on it is on the one object built there.
 *
 * Anything else (a parameter, an element, a chain of calls) is no receiver: the call's facts
 * about properties stay the callee's.
 */
export function receiverSubject(ctx: UnitContext, object: SyntaxNode): string | undefined {
  if (object.type === 'variable_name') {
    if (object.text === '$this') return '';
    const name = object.namedChild(0)?.text ?? '';
    if (name.startsWith('_') || name === 'GLOBALS') return undefined;
    const only = ctx.singleAssignments.get(object.text);
    return only?.type === 'object_creation_expression' && !insideLoop(only) ? object.text : undefined;
  }
  if (object.type === 'member_access_expression') {
    const base = object.childForFieldName('object');
    const name = object.childForFieldName('name');
    if (base?.type !== 'variable_name' || base.text !== '$this' || name?.type !== 'name') return undefined;
    return ctx.assignsOwnProperty(name.text) ? undefined : `->${name.text}`;
  }
  return undefined;
}

const LOOPS: ReadonlySet<string> = new Set(['for_statement', 'foreach_statement', 'while_statement', 'do_statement']);

/** True when the node runs in a loop of its unit (a new object each round). */
function insideLoop(node: SyntaxNode): boolean {
  for (let current = node.parent; current && !NESTED_DECLARATIONS.has(current.type) && current.type !== 'program'; current = current.parent) {
    if (LOOPS.has(current.type)) return true;
  }
  return false;
}
