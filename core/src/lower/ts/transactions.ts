import * as ts from 'typescript';
import type { NodeTransactionStatements } from '../../catalog';
import type { Effect } from '../../ir/effects';
import type { Span } from '../../model/span';
import type { TsUnitContext } from './context';
import { unwrap } from './syntax';
import { projectHelperRole } from './transaction-helpers';

/**
 * Transactions written as SQL: `await client.query('BEGIN')` … `client.query('COMMIT')` holds a
 * transaction on that client, whoever acquired it (a `client: PoolClient` parameter,
 * `this.client`): a helper that runs a transaction on the client it is given holds the rows it
 * locks while it awaits anything else. The statements are catalog data
 * (`NodeCatalog.transactionStatements`); the SQL is the string literal passed to the call
 * (only the literal's value is classified, never the source text around it).
 */

/** Transactions opened in each unit: the receiver as written → its resource id. */
const openedByUnit = new WeakMap<TsUnitContext, Map<string, string>>();

/** `client`, `this.client`, `this.db.client`: a receiver that names the same client each time. */
function receiverKey(ctx: TsUnitContext, node: ts.Expression): string | undefined {
  const expr = unwrap(node);
  if (ts.isIdentifier(expr)) return expr.text;
  if (expr.kind === ts.SyntaxKind.ThisKeyword) return 'this';
  if (ts.isPropertyAccessExpression(expr)) {
    const base = receiverKey(ctx, expr.expression);
    return base === undefined ? undefined : `${base}.${expr.name.text}`;
  }
  return undefined;
}

/** The SQL of a literal first argument (`'BEGIN'`, `` `COMMIT` ``), else undefined. */
function literalSql(node: ts.CallExpression): string | undefined {
  const first = node.arguments[0] ? unwrap(node.arguments[0]) : undefined;
  return first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)) ? first.text : undefined;
}

function matches(statement: string, keywords: readonly string[] | undefined): boolean {
  return (keywords ?? []).some((keyword) => statement === keyword || statement.startsWith(`${keyword} `));
}

/**
 * What the SQL does to a transaction: the last statement that begins or ends one wins
 * (`'BEGIN; UPDATE …; COMMIT'` ends where it started: nothing stays open).
 */
export function classifySql(entry: NodeTransactionStatements, sql: string): 'begin' | 'end' | undefined {
  let result: 'begin' | 'end' | undefined;
  for (const part of sql.split(';')) {
    const statement = part.trim().replace(/\s+/g, ' ').toUpperCase();
    if (statement === '') continue;
    if (matches(statement, entry.begin)) result = 'begin';
    else if (matches(statement, entry.end) && !matches(statement, entry.notEnd)) result = 'end';
  }
  return result;
}

/**
 * The open or close a call makes when it runs transaction control on a client, or undefined.
 * `skip`: the receiver is a value this unit already tracks (a client it acquired, whose hold
 * covers the transaction; a pool, where `BEGIN` would run on a random client).
 */
export function transactionEffect(
  ctx: TsUnitContext,
  node: ts.CallExpression,
  callee: ts.Expression,
  display: string,
  span: Span,
  skip: (receiver: ts.Expression) => boolean,
): Effect | undefined {
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const method = callee.name.text;
  const sql = literalSql(node);
  const entries = (ctx.catalog.transactionStatements ?? []).filter(
    (entry) => (sql !== undefined && entry.methods.includes(method)) || entry.beginMethods?.includes(method) || entry.endMethods?.includes(method),
  );
  if (entries.length === 0) return undefined;
  // A project class's own method whose body begins or ends one (`this.connection.startTransaction(ctx)`
  // on vendure's `TransactionalConnection`) is a helper, read from its body
  // (`transaction-helpers.ts`), not taken from its name. One whose body says neither (a retry
  // loop around a nested function that begins it) is still taken by its name.
  if (sql === undefined && projectHelperRole(ctx, callee) !== undefined) return undefined;
  const receiver = unwrap(callee.expression);
  const key = receiverKey(ctx, receiver);
  if (key === undefined || skip(receiver)) return undefined;
  for (const entry of entries) {
    const what = entry.beginMethods?.includes(method) ? 'begin' : entry.endMethods?.includes(method) ? 'end' : classifySql(entry, sql ?? '');
    if (what === undefined) continue;
    let opened = openedByUnit.get(ctx);
    if (!opened) openedByUnit.set(ctx, (opened = new Map()));
    const statement = sql !== undefined && entry.methods.includes(method) ? sql.trim().split(/\s+/, 1)[0]!.replace(/;$/, '').toUpperCase() : `${method}()`;
    if (what === 'end') {
      const resource = opened.get(key);
      if (resource === undefined) return undefined;
      return { kind: 'close', resource, how: 'write', api: display, span, label: `the transaction on \`${key}\` ends here (\`${statement}\`)` };
    }
    const id = `${entry.kind}:${ctx.unitId}:${key}`;
    opened.set(key, id);
    if (!ctx.facts.heldResources.some((r) => r.id === id)) {
      ctx.facts.heldResources.push({ id, unit: ctx.unitId, variable: key, noun: entry.noun, consequence: entry.consequence });
    }
    return { kind: 'open', resource: id, mode: 'lock', api: display, span, label: `a transaction is opened on \`${key}\` here (\`${statement}\`)` };
  }
  return undefined;
}
