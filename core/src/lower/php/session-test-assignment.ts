import type { Cursor } from '../../ir/cfg-builder';
import type { SyntaxNode } from '../../parse/php';
import type { UnitContext } from './context';
import { keptSessionTest } from './conditions';

/**
 * `$need = session_status() === PHP_SESSION_NONE; if ($need) session_start(); … if ($need)
 * session_write_close();`: a session test kept in a variable the unit tests later. The paths
 * split where it is assigned, each with what the test proves of the session *then* (closed
 * where it holds, open where it does not) and the variable's value, so the later tests of the
 * variable agree with the session as it was at the assignment: entered with the session open,
 * neither the start nor the close runs. (The test is not repeated at `if ($need)`: by then the
 * start may have changed what `session_status()` would say.)
 */
export function emitSessionTestAssignment(ctx: UnitContext, variable: string, right: SyntaxNode | null, node: SyntaxNode, cursor: Cursor): Cursor | undefined {
  if (!right || !ctx.predicates.keys.has(variable)) return undefined;
  const test = keptSessionTest(ctx, right);
  if (!test) return undefined;
  const resource = ctx.catalog.sessionResource;
  const span = ctx.span(node);
  const branch = (value: boolean): Cursor => {
    const state = value ? test.whenTrue : test.whenFalse;
    const proven = state ? ctx.emit(cursor, { kind: 'assume', resource, state, span }) : cursor;
    return ctx.emit(proven, { kind: 'fact', forget: [variable], set: [{ predicate: variable, subject: variable, value }], span });
  };
  return ctx.builder.join(branch(true), branch(false));
}
