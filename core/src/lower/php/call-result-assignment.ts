import { CfgBuilder, type Cursor } from '../../ir/cfg-builder';
import type { SyntaxNode } from '../../parse/php';
import type { UnitContext } from './context';

/**
 * `$updated = Update::run(); … if ($updated) die('done');`: the result of a call to project
 * code kept in a variable the unit tests later. The paths split on the call's result as a
 * condition on the call would (`call-result`: the callee's exit for a truthy or a falsy
 * return), and each knows what the variable holds, so the later test picks the callee's
 * matching exit: a callee that destroys the session only on the path where it returns true,
 * followed by `die()` when it did, leaves the session as it was on the path that continues.
 */

const CALLS = new Set(['function_call_expression', 'member_call_expression', 'nullsafe_member_call_expression', 'scoped_call_expression']);

/** Whether the node is a call whose result a variable may keep (not `new`, which is always truthy). */
export function isResultCall(node: SyntaxNode | null | undefined): boolean {
  return node !== null && node !== undefined && CALLS.has(node.type);
}

/** The node of a call to project code that is the whole expression (`hasDatabase()` in `if (!hasDatabase())`). */
export function calledProjectCode(ctx: UnitContext, after: Cursor, node: SyntaxNode): number | undefined {
  if (after.length !== 1 || !node.type.endsWith('call_expression')) return undefined;
  const effect = ctx.builder.effectOf(after[0]!.from);
  return effect?.kind === 'call' && effect.span.start === node.startIndex && effect.span.end === node.endIndex ? after[0]!.from : undefined;
}

/**
 * After `$variable = call()` (the call lowered into `cursor`), with `$variable` remembered by
 * the unit: one path per truthiness of the result, each with the callee's matching exit and
 * the variable's fact. Undefined when the right side is not a call to project code.
 */
export function emitCallResultAssignment(ctx: UnitContext, variable: string, right: SyntaxNode | null, node: SyntaxNode, cursor: Cursor): Cursor | undefined {
  if (!right || !isResultCall(right) || !ctx.predicates.keys.has(variable)) return undefined;
  const callNode = calledProjectCode(ctx, cursor, right);
  if (callNode === undefined) return undefined;
  const span = ctx.span(node);
  const words = right.text.split(/\s+/).join(' ');
  const call = words.length > 40 ? `${words.slice(0, 37)}...` : words;
  const line = ctx.line(right);
  const branch = (truthy: boolean): Cursor => {
    const result = ctx.emit(cursor, { kind: 'call-result', callNode, truthy, span });
    const known = ctx.emit(result, { kind: 'fact', forget: [variable], set: [{ predicate: variable, subject: variable, value: truthy }], span });
    // Why the session may be open after the paths meet: "`f()` returns false (line N)".
    return CfgBuilder.withNote(known, `\`${call}\` returns ${truthy ? 'a true value' : 'a false value'} (line ${line})`);
  };
  return ctx.builder.join(branch(true), branch(false));
}
