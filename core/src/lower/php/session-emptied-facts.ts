import type { Cursor } from '../../ir/cfg-builder';
import { SESSION_EMPTIED, SESSION_EMPTIED_SUBJECT, SESSION_HAS_KEYS, sessionKeyNeeded } from '../../ir/session-emptied';
import type { SyntaxNode } from '../../parse/php';
import type { UnitContext } from './context';
import { callArguments, calledName, literalOf, negatedOperand, parenthesizedInner, truthy } from './literals';
import { sessionRoot } from './session-access';

/**
 * What PHP itself says of an emptied session array (`ir/session-emptied.ts`): where the
 * lowering marks it, and which condition edges need a key to be set.
 */

/** After `session_unset()`, `$_SESSION = []` or `unset($_SESSION)`: no key is set. */
export function emitSessionEmptied(ctx: UnitContext, cursor: Cursor, node: SyntaxNode): Cursor {
  return ctx.emit(cursor, { kind: 'fact', forget: [SESSION_EMPTIED_SUBJECT], set: [SESSION_EMPTIED], span: ctx.span(node) });
}

/**
 * On the edge of a condition leaf that passes only when a session key is set, a check that the
 * session was not emptied on the path: for a literal key, not emptied since or written since
 * (`sessionKeyNeeded('rights')`); for a computed one (`isset($_SESSION[$permission])`), not
 * emptied with no key written since.
 */
export function emitSessionKeyChecks(ctx: UnitContext, leaf: SyntaxNode, whenTrue: Cursor, whenFalse: Cursor): { whenTrue: Cursor; whenFalse: Cursor } {
  const session = ctx.catalog.sessionVariable;
  const needs = session ? keyNeededWhen(leaf, session) : undefined;
  if (needs === undefined) return { whenTrue, whenFalse };
  const needed = needs.key === undefined ? SESSION_HAS_KEYS : sessionKeyNeeded(needs.key);
  const check = (cursor: Cursor): Cursor => ctx.emit(cursor, { kind: 'fact', checks: [needed], span: ctx.span(leaf) });
  return needs.when ? { whenTrue: check(whenTrue), whenFalse } : { whenTrue, whenFalse: check(whenFalse) };
}

/** `$_SESSION[…]` or an element below it (set only if its first-level key is): that key, when a literal. */
function sessionElement(node: SyntaxNode | null | undefined, session: string): { key: string | undefined } | undefined {
  return node?.type === 'subscript_expression' ? sessionRoot(node, session) : undefined;
}

/**
 * Whether the truthiness of a returned value is one a session key decides (`return
 * ($_SESSION['rights'] & $flag);`): such a return is lowered as a condition, its truthy
 * outcome checking that the session was not emptied, so a caller's `if (!has_rights(X))`
 * after an emptied session takes only its falsy exit.
 */
export function truthinessNeedsSessionKey(ctx: UnitContext, node: SyntaxNode): boolean {
  const session = ctx.catalog.sessionVariable;
  return session !== undefined && keyNeededWhen(node, session) !== undefined;
}

/** The branch of a leaf PHP takes only when a session key is set (`when`), and that key when it is a literal. */
export interface KeyNeed {
  readonly when: boolean;
  readonly key: string | undefined;
}

/**
 * The branch of the leaf (true or false) that PHP takes only when a session element it reads
 * is set: `$_SESSION['k']` and `isset($_SESSION[$k])` true, `empty($_SESSION['k'])` false,
 * `$_SESSION[$p] == 1` true (a missing key is `null`, which equals no truthy literal),
 * `$_SESSION['rights'] & $flag` true (`null & $flag` is `0`, whatever `$flag` is).
 */
export function keyNeededWhen(node: SyntaxNode, session: string): KeyNeed | undefined {
  if (node.type === 'parenthesized_expression') {
    const inner = parenthesizedInner(node);
    return inner ? keyNeededWhen(inner, session) : undefined;
  }
  const negated = negatedOperand(node);
  if (negated) {
    const inner = keyNeededWhen(negated, session);
    return inner === undefined ? undefined : { when: !inner.when, key: inner.key };
  }
  const element = sessionElement(node, session);
  if (element) return { when: true, key: element.key };
  const called = node.type === 'function_call_expression' ? calledName(node) : undefined;
  if (called === 'isset' || called === 'empty') {
    const args = callArguments(node).map((arg) => arg.namedChild(0));
    // `isset($a, $b)` is true only when all are set; `empty()` takes one argument.
    const elements = args.map((arg) => sessionElement(arg, session)).filter((one) => one !== undefined);
    if (called === 'isset' && elements.length > 0) return { when: true, key: elements.find((one) => one.key !== undefined)?.key };
    const only = args.length === 1 ? sessionElement(args[0], session) : undefined;
    if (called === 'empty' && only) return { when: false, key: only.key };
    return undefined;
  }
  if (node.type === 'binary_expression') {
    const operator = (node.childForFieldName('operator')?.text ?? '').toLowerCase();
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    if (operator === '&') {
      const element = sessionElement(left, session) ?? sessionElement(right, session);
      return element ? { when: true, key: element.key } : undefined;
    }
    const equal = operator === '==' || operator === '===';
    const unequal = operator === '!=' || operator === '!==' || operator === '<>';
    if (!equal && !unequal) return undefined;
    const strict = operator.length === 3;
    for (const [side, other] of [[left, right], [right, left]] as const) {
      const element = sessionElement(side, session);
      if (!element) continue;
      const literal = literalOf(other);
      if (literal === undefined) continue;
      // A missing key reads as `null`: `null === 'x'` and `null == 1` are false.
      const nullDiffers = strict ? literal !== null : truthy(literal);
      if (nullDiffers) return { when: equal, key: element.key };
    }
  }
  return undefined;
}
