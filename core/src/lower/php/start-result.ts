import type { Cursor } from '../../ir/cfg-builder';
import { CfgBuilder } from '../../ir/cfg-builder';
import type { SyntaxNode } from '../../parse/php';
import type { UnitContext } from './context';
import { nativeCallOf } from './native-calls';

/**
 * `$ok = session_start(); if (!$ok) { session_id($fresh); session_start(); }`: `session_start()`
 * returns false when it did not start the session (a bad id, headers already sent), so on the
 * path where the variable it was kept in is false the session is as it was before the call,
 * and the retry is a first start, not one "while the session is already open". The paths split
 * at the assignment: the start's `open` and the variable's fact true on one, only the fact false
 * on the other. `lower` lowers the right side (the start) onto a cursor. Undefined when the
 * right side is not a start of the catalog, the variable is not one the unit tests, or the
 * start's arguments call anything (they would run on both paths).
 */
export function emitStartResultAssignment(ctx: UnitContext, variable: string, right: SyntaxNode, node: SyntaxNode, cursor: Cursor, lower: (cursor: Cursor) => Cursor): Cursor | undefined {
  if (!ctx.predicates.keys.has(variable)) return undefined;
  let call = right;
  while ((call.type === 'parenthesized_expression' || call.type === 'error_suppression_expression') && call.namedChild(0)) call = call.namedChild(0)!;
  const native = nativeCallOf(ctx, call);
  if (!native?.api || native.api.effect !== 'open' || native.api.lazy) return undefined;
  const args = call.childForFieldName('arguments');
  if (args && callsAnything(args)) return undefined;
  const span = ctx.span(node);
  const line = ctx.line(call);
  const fact = (from: Cursor, value: boolean): Cursor => {
    const known = ctx.emit(from, { kind: 'fact', forget: [variable], set: [{ predicate: variable, subject: variable, value }], span });
    return CfgBuilder.withNote(known, `\`${native.name}()\` ${value ? 'started the session' : 'returned false'} (line ${line})`);
  };
  return ctx.builder.join(fact(lower(cursor), true), fact(cursor, false));
}

function callsAnything(node: SyntaxNode): boolean {
  if (CALLS.has(node.type)) return true;
  return node.namedChildren.some((child) => child !== null && callsAnything(child));
}

const CALLS = new Set(['function_call_expression', 'member_call_expression', 'nullsafe_member_call_expression', 'scoped_call_expression', 'object_creation_expression', 'include_expression', 'require_expression', 'include_once_expression', 'require_once_expression']);
