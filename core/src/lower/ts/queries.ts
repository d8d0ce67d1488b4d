import * as ts from 'typescript';
import { calleeDisplay } from './display';
import type { Effect } from '../../ir/effects';
import type { Span } from '../../model/span';
import type { TsUnitContext } from './context';
import { unwrap } from './syntax';
import { holderEntryOf } from './holders';

/**
 * Queries on another connection. A unit holding a client, a transaction or a lock that awaits
 * a query made through a pool or a database client (`pool.query()`, `prisma.user.findMany()`
 * next to `tx`, `db('users')` next to `trx`) waits for another connection while it holds its
 * own: slow work of kind `database`. Only receivers the catalog knows as holders count (the
 * pool, not the client it handed out; never a transaction object passed to a callback), and
 * only awaited calls: a query builder is inert until it is awaited.
 */

/** Where an awaited call chain starts: `db('users')` in `db('users').where(…).first()`. */
function chainRoot(call: ts.CallExpression): ts.CallExpression {
  let current = call;
  for (let depth = 0; depth < 64; depth++) {
    const callee = unwrap(current.expression);
    const receiver = ts.isPropertyAccessExpression(callee) ? unwrap(callee.expression) : undefined;
    if (!receiver || !ts.isCallExpression(receiver)) return current;
    current = receiver;
  }
  return current;
}


/**
 * The chain runs on a connection the unit already has: an option or method of the catalog's
 * `boundQueries` (`{ transaction: t }`, `{ session }`, `.transacting(trx)`), or a held
 * variable passed in.
 */
function boundToHeld(ctx: TsUnitContext, node: ts.CallExpression): boolean {
  const options = ctx.catalog.boundQueries?.options ?? [];
  const methods = ctx.catalog.boundQueries?.methods ?? [];
  let bound = false;
  const visit = (child: ts.Node): void => {
    if (bound || ts.isArrowFunction(child) || ts.isFunctionExpression(child)) return;
    if ((ts.isPropertyAssignment(child) || ts.isShorthandPropertyAssignment(child)) && ts.isIdentifier(child.name) && options.includes(child.name.text)) bound = true;
    else if (ts.isIdentifier(child) && ctx.held.has(child.text)) bound = true;
    else ts.forEachChild(child, visit);
  };
  let current: ts.Expression = node;
  for (let depth = 0; depth < 64 && ts.isCallExpression(current) && !bound; depth++) {
    const callee = unwrap(current.expression);
    if (ts.isPropertyAccessExpression(callee) && methods.includes(callee.name.text)) return true;
    current.arguments.forEach(visit);
    current = ts.isPropertyAccessExpression(callee) ? unwrap(callee.expression) : callee;
  }
  return bound;
}

/** The `database` slow effect of an awaited query on a holder, or undefined. */
export function holderQueryEffect(ctx: TsUnitContext, node: ts.CallExpression, span: Span): Effect | undefined {
  const root = chainRoot(node);
  const callee = unwrap(root.expression);
  let found = false;
  if (ts.isIdentifier(callee)) {
    // `db('users')`: calling the knex instance starts a builder.
    found = holderEntryOf(ctx, callee)?.queries?.callable === true;
  } else if (ts.isPropertyAccessExpression(callee)) {
    const receiver = unwrap(callee.expression);
    const method = callee.name.text;
    if (holderEntryOf(ctx, receiver)?.queries?.methods?.includes(method)) found = true;
    // `prisma.user.findMany()`: a model of the client.
    else if (ts.isPropertyAccessExpression(receiver)) found = holderEntryOf(ctx, unwrap(receiver.expression))?.queries?.resourceMethods === true;
  }
  // Checked last: most awaited calls are not queries on a holder at all.
  return found && !boundToHeld(ctx, node) ? { kind: 'slow', slowKind: 'database', callee: calleeDisplay(callee, ctx.facts.source), detail: 'on another connection', span } : undefined;
}
