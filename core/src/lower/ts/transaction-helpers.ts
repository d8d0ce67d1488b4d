import * as ts from 'typescript';
import type { NodeTransactionStatements } from '../../catalog';
import type { Cursor } from '../../ir/cfg-builder';
import type { Effect } from '../../ir/effects';
import type { Span } from '../../model/span';
import type { TsUnitContext } from './context';
import type { FunctionSite } from './module-links';
import { calledFunction } from './dialect-branches';
import { unwrap } from './syntax';

/**
 * A transaction begun by one project helper and ended by another, both called by the same
 * function: Payload's operations run `const shouldCommit = await initTransaction(req)` (which
 * calls `payload.db.beginTransaction()` and returns with it open, its id kept on the request),
 * their work, then `commitTransaction(req)` or, in the `catch`, `killTransaction(req)` (which call
 * `payload.db.commitTransaction()` / `rollbackTransaction()`). The helpers are read from their
 * syntax trees: a function whose own body calls one of the catalog's `beginMethods` and none of
 * its `endMethods` opens a transaction for its caller; one that calls an end method and no begin
 * method closes it. A helper that opens is taken as an open only in a function that also calls
 * a helper that closes (the pair is what says the transaction outlives the first call). When
 * the opening helper can return `false` (Payload's: "false when req already has a transaction
 * to use"), the variable it is assigned to tells where this function holds one:
 * `if (shouldCommit) await commitTransaction(req)` holds nothing on its false side.
 * Methods of project classes are helpers too (vendure's `this.connection.startTransaction(ctx)`,
 * `commitOpenTransaction(ctx)`, `rollBackTransaction(ctx)` on its `TransactionalConnection`):
 * what they do is read from their bodies, not guessed from their names (`transactions.ts`
 * leaves them to this file).
 */

type HelperRole = { readonly role: 'opens' | 'closes'; readonly entry: NodeTransactionStatements; readonly method: string };

const roles = new WeakMap<ts.Node, HelperRole | null>();
/** Per unit: the transaction a helper opened (its resource id), so a closing helper ends it. */
const openedByUnit = new WeakMap<TsUnitContext, string>();
const pairedUnits = new WeakMap<ts.Node, boolean>();

/** The open or close a call of such a helper makes, or undefined. */
export function helperTransactionEffect(ctx: TsUnitContext, node: ts.CallExpression, callee: ts.Expression, display: string, span: Span): Effect | undefined {
  const entries = (ctx.catalog.transactionStatements ?? []).filter((entry) => entry.beginMethods?.length && entry.endMethods?.length);
  if (entries.length === 0) return undefined;
  const declaration = calledHelper(ctx, callee);
  if (!declaration) return undefined;
  const helper = roleOf(declaration, entries);
  if (!helper) return undefined;
  if (helper.role === 'closes') {
    const resource = openedByUnit.get(ctx);
    if (resource === undefined) return undefined;
    return { kind: 'close', resource, how: 'write', api: display, span, label: `the transaction ends here (\`${display}\` calls \`${helper.method}()\`)` };
  }
  const id = openedId(ctx, node, helper, entries);
  if (id === undefined) return undefined;
  openedByUnit.set(ctx, id);
  if (!ctx.facts.heldResources.some((r) => r.id === id)) {
    ctx.facts.heldResources.push({ id, unit: ctx.unitId, variable: display, noun: helper.entry.noun, consequence: helper.entry.consequence });
  }
  return { kind: 'open', resource: id, mode: 'lock', api: display, span, label: `a transaction is opened here (\`${display}\` calls \`${helper.method}()\` and returns with it open)` };
}

/** The resource a call of an opening helper opens in this unit, when the unit also closes one. */
function openedId(ctx: TsUnitContext, node: ts.Node, helper: HelperRole, entries: readonly NodeTransactionStatements[]): string | undefined {
  const unitNode = enclosingUnit(node);
  if (!unitNode || !callsClosingHelper(ctx, unitNode, entries)) return undefined;
  return `${helper.entry.kind}:${ctx.unitId}:helper`;
}

/**
 * `const shouldCommit = await initTransaction(req)` (also `!disabled && (await …)`): remembers
 * that `shouldCommit` is false where no transaction was opened, for a helper that can return
 * `false`.
 */
export function noteHelperTransactionResult(ctx: TsUnitContext, name: ts.Identifier, value: ts.Expression | undefined): void {
  ctx.transactionResults.delete(name.text);
  let expr = value && unwrap(value);
  while (expr && ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) expr = unwrap(expr.right);
  if (expr && ts.isAwaitExpression(expr)) expr = unwrap(expr.expression);
  if (!expr || !ts.isCallExpression(expr)) return;
  const entries = (ctx.catalog.transactionStatements ?? []).filter((entry) => entry.beginMethods?.length && entry.endMethods?.length);
  const declaration = entries.length > 0 ? calledHelper(ctx, expr.expression) : undefined;
  const helper = declaration && roleOf(declaration, entries);
  if (!declaration || helper?.role !== 'opens' || !returnsFalse(declaration)) return;
  const id = openedId(ctx, expr, helper, entries);
  if (id !== undefined) ctx.transactionResults.set(name.text, id);
}

/** On the side of `if (shouldCommit)` where the helper returned `false`, this unit opened nothing. */
export function helperTransactionBranches(ctx: TsUnitContext, condition: ts.Expression, whenTrue: Cursor, whenFalse: Cursor): { whenTrue: Cursor; whenFalse: Cursor } {
  let expr = unwrap(condition);
  let heldWhenTrue = true;
  if (ts.isPrefixUnaryExpression(expr) && expr.operator === ts.SyntaxKind.ExclamationToken) {
    expr = unwrap(expr.operand);
    heldWhenTrue = false;
  }
  const id = ts.isIdentifier(expr) ? ctx.transactionResults.get(expr.text) : undefined;
  if (id === undefined) return { whenTrue, whenFalse };
  const text = ctx.text(expr);
  const notOpened = (cursor: Cursor): Cursor =>
    ctx.emit(cursor, { kind: 'close', resource: id, how: 'abort', api: text, span: ctx.span(condition), label: `no transaction was opened on this branch (\`${text}\` is false)` });
  return heldWhenTrue ? { whenTrue, whenFalse: notOpened(whenFalse) } : { whenTrue: notOpened(whenTrue), whenFalse };
}

/** The project function a call runs: a function by name, or a project class's method. */
function calledHelper(ctx: TsUnitContext, callee: ts.Expression): ts.FunctionLikeDeclaration | undefined {
  const expr = unwrap(callee);
  if (ts.isIdentifier(expr)) return calledFunction(ctx, expr);
  return ts.isPropertyAccessExpression(expr) ? projectMethod(ctx, expr)?.node : undefined;
}

/**
 * The method a call runs when its receiver is an instance of a project class that declares it
 * (`this.connection.startTransaction(ctx)` with `connection: TransactionalConnection`, or
 * `this.begin()` in the class itself); undefined for anything else.
 */
export function projectMethod(ctx: TsUnitContext, callee: ts.PropertyAccessExpression): FunctionSite | undefined {
  const links = ctx.facts.imports.modules;
  if (!links?.methodOf) return undefined;
  const receiver = unwrap(callee.expression);
  const known = receiver.kind === ts.SyntaxKind.ThisKeyword ? undefined : links.valueOf(receiver);
  const className = receiver.kind === ts.SyntaxKind.ThisKeyword ? ctx.className : known?.kind === 'instance' ? known.className : undefined;
  return className !== undefined ? links.methodOf(className, callee.name.text) : undefined;
}

/** What a project class's method called here does to a transaction, read from its body; undefined when neither. */
export function projectHelperRole(ctx: TsUnitContext, callee: ts.PropertyAccessExpression): 'opens' | 'closes' | undefined {
  const entries = (ctx.catalog.transactionStatements ?? []).filter((entry) => entry.beginMethods?.length && entry.endMethods?.length);
  const method = entries.length > 0 ? projectMethod(ctx, callee) : undefined;
  return method ? roleOf(method.node, entries)?.role : undefined;
}

/** Whether the helper's own body has a `return false`. */
function returnsFalse(declaration: ts.FunctionLikeDeclaration): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || (node !== declaration && ts.isFunctionLike(node))) return;
    if (ts.isReturnStatement(node) && node.expression && unwrap(node.expression).kind === ts.SyntaxKind.FalseKeyword) found = true;
    ts.forEachChild(node, visit);
  };
  if (declaration.body) visit(declaration.body);
  return found;
}

/** Whether the function calls a helper that ends a transaction (asked once per function). */
function callsClosingHelper(ctx: TsUnitContext, unitNode: ts.Node, entries: readonly NodeTransactionStatements[]): boolean {
  const known = pairedUnits.get(unitNode);
  if (known !== undefined) return known;
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (node !== unitNode && ts.isFunctionLike(node)) return;
    if (ts.isCallExpression(node)) {
      const declaration = calledHelper(ctx, node.expression);
      if (declaration && roleOf(declaration, entries)?.role === 'closes') found = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(unitNode);
  pairedUnits.set(unitNode, found);
  return found;
}

/** What a helper does to a transaction, from the methods its own body calls (not its closures'). */
function roleOf(declaration: ts.FunctionLikeDeclaration, entries: readonly NodeTransactionStatements[]): HelperRole | undefined {
  const known = roles.get(declaration);
  if (known !== undefined) return known ?? undefined;
  let begin: HelperRole | undefined;
  let end: HelperRole | undefined;
  const visit = (node: ts.Node): void => {
    if (node !== declaration && ts.isFunctionLike(node)) return;
    if (ts.isCallExpression(node)) {
      const callee = unwrap(node.expression);
      if (ts.isPropertyAccessExpression(callee)) {
        const method = callee.name.text;
        for (const entry of entries) {
          if (!begin && entry.beginMethods!.includes(method)) begin = { role: 'opens', entry, method };
          if (!end && entry.endMethods!.includes(method)) end = { role: 'closes', entry, method };
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  if (declaration.body) visit(declaration.body);
  const role = begin && !end ? begin : end && !begin ? end : undefined;
  roles.set(declaration, role ?? null);
  return role;
}

function enclosingUnit(node: ts.Node): ts.Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current) || ts.isSourceFile(current)) return current;
  }
  return undefined;
}
