import * as ts from 'typescript';
import type { NodeCatalog, NodeHeldResource, NodeKeyedLock } from '../../catalog';
import type { Cursor } from '../../ir/cfg-builder';
import type { Effect } from '../../ir/effects';
import type { HeldResourceInfo } from '../../ir/unit';
import type { Span } from '../../model/span';
import type { TsUnitContext } from './context';
import { shortText } from './display';
import { holderEntryOf } from './holders';
import { isFunctionLiteral, unwrap } from './syntax';

/**
 * Locks taken by key on a shared client (catalog `NodeHeldResource.keyedLock`): Redis
 * `const acquired = await redis.set(key, token, { nx: true, ex: 20 })` takes the lock named
 * `key` when `acquired` is truthy; `redis.del(key)` releases it. The lock is a resource of the
 * unit named after the key (`redis-lock:<unit>:<key>`); the branch on which the call's result
 * is falsy releases it again (nothing was taken there), so `if (!acquired) return null;` leaves
 * only the path that holds it. A `SET NX` that the same function never releases is a marker
 * kept until it expires (de-duplication), not a lock held around work: not an acquire.
 */

interface KeyedAcquire {
  readonly entry: NodeHeldResource;
  readonly lock: NodeKeyedLock;
  readonly key: ts.Expression;
  readonly id: string;
}

const acquireMethodsByCatalog = new WeakMap<NodeCatalog, Set<string>>();

/** Every method name that may take a keyed lock (`set`, `setnx`): most calls are none. */
function acquireMethods(catalog: NodeCatalog): Set<string> {
  let methods = acquireMethodsByCatalog.get(catalog);
  if (!methods) {
    methods = new Set(catalog.heldResources.flatMap((entry) => (entry.keyedLock ? [...entry.keyedLock.conditional, ...entry.keyedLock.always] : [])));
    acquireMethodsByCatalog.set(catalog, methods);
  }
  return methods;
}

/** `{ nx: true }` among the arguments, or the flag `'NX'` (ioredis `set(k, v, 'EX', 20, 'NX')`). */
function asksIfAbsent(lock: NodeKeyedLock, args: readonly ts.Expression[]): boolean {
  return args.some((arg) => {
    const value = unwrap(arg);
    if (ts.isStringLiteralLike(value)) return lock.flags.includes(value.text);
    if (!ts.isObjectLiteralExpression(value)) return false;
    return value.properties.some(
      (p) => ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteralLike(p.name)) && lock.options.includes(p.name.text) && p.initializer.kind === ts.SyntaxKind.TrueKeyword,
    );
  });
}

/** The key's text, as the unit writes it (`lockKey`, `` `lock:${id}` ``). */
function keyText(ctx: TsUnitContext, key: ts.Expression): string {
  return ctx.text(unwrap(key));
}

/** An argument that is the key, or an array literal (or a `keys` property) holding it. */
function holdsKey(ctx: TsUnitContext, arg: ts.Expression, key: string): boolean {
  const value = unwrap(arg);
  if (ts.isArrayLiteralExpression(value)) return value.elements.some((element) => holdsKey(ctx, element, key));
  if (ts.isObjectLiteralExpression(value)) {
    return value.properties.some((p) => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'keys' && holdsKey(ctx, p.initializer, key));
  }
  return ctx.text(value) === key;
}

/** The function (or file) a node is in: where the release that makes a `SET NX` a lock must be. */
function enclosingBody(node: ts.Node): ts.Node {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current)) return current;
  }
  return node.getSourceFile();
}

/** A call in `scope` (not in nested functions) that releases `key` on a receiver written as `receiver`. */
function releasedIn(ctx: TsUnitContext, scope: ts.Node, receiver: string, lock: NodeKeyedLock, key: string): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || (node !== scope && isFunctionLiteral(node))) return;
    if (ts.isCallExpression(node)) {
      const callee = unwrap(node.expression);
      if (
        ts.isPropertyAccessExpression(callee) &&
        lock.release.includes(callee.name.text) &&
        ctx.text(unwrap(callee.expression)) === receiver &&
        node.arguments.some((arg) => holdsKey(ctx, arg, key))
      ) {
        found = true;
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(scope, visit);
  return found;
}

/** The keyed lock a call takes (`redis.set(key, token, { nx: true })`), when the unit releases it too. */
export function keyedAcquireOf(ctx: TsUnitContext, value: ts.Expression): KeyedAcquire | undefined {
  let node = unwrap(value);
  if (ts.isAwaitExpression(node)) node = unwrap(node.expression);
  if (!ts.isCallExpression(node)) return undefined;
  const callee = unwrap(node.expression);
  if (!ts.isPropertyAccessExpression(callee) || !acquireMethods(ctx.catalog).has(callee.name.text)) return undefined;
  const entry = holderEntryOf(ctx, callee.expression);
  const lock = entry?.keyedLock;
  if (!entry || !lock) return undefined;
  const method = callee.name.text;
  if (!lock.always.includes(method) && !(lock.conditional.includes(method) && asksIfAbsent(lock, node.arguments))) return undefined;
  const key = node.arguments[lock.keyArgument];
  if (!key || ts.isSpreadElement(key)) return undefined;
  const text = keyText(ctx, key);
  if (!releasedIn(ctx, enclosingBody(node), ctx.text(unwrap(callee.expression)), lock, text)) return undefined;
  return { entry, lock, key, id: `${entry.kind}:${ctx.unitId}:${shortText(text)}` };
}

/** The open of a keyed lock at its `SET NX` call, or the release at a `del(key)` of one this unit took. */
export function keyedLockEffect(ctx: TsUnitContext, node: ts.CallExpression, callee: ts.Expression, display: string, span: Span): Effect | undefined {
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const taken = keyedAcquireOf(ctx, node);
  if (taken) {
    const text = keyText(ctx, taken.key);
    const variable = shortText(text);
    ctx.lockKeys.set(text, taken.id);
    if (!ctx.facts.heldResources.some((r) => r.id === taken.id)) {
      const info: HeldResourceInfo = { id: taken.id, unit: ctx.unitId, variable, noun: taken.entry.noun, consequence: taken.entry.consequence, lock: true, tryLock: true };
      ctx.facts.heldResources.push(info);
    }
    return { kind: 'open', resource: taken.id, mode: 'lock', api: display, span, label: `the lock \`${variable}\` is taken here by \`${display}\` (set only if absent)` };
  }
  if (ctx.lockKeys.size === 0) return undefined;
  const lock = holderLockOf(ctx, callee);
  if (!lock || !lock.release.includes(callee.name.text)) return undefined;
  for (const [key, id] of ctx.lockKeys) {
    if (!id.startsWith(`${lock.kind}:`) || !node.arguments.some((arg) => holdsKey(ctx, arg, key))) continue;
    const variable = shortText(key);
    return { kind: 'close', resource: id, how: 'write', api: display, span, label: `the lock \`${variable}\` is released here by \`${display}\`` };
  }
  return undefined;
}

/** The keyed-lock entry of a call's receiver, only for method names some entry releases with. */
function holderLockOf(ctx: TsUnitContext, callee: ts.PropertyAccessExpression): (NodeKeyedLock & { kind: string }) | undefined {
  if (!ctx.catalog.heldResources.some((entry) => entry.keyedLock?.release.includes(callee.name.text))) return undefined;
  const entry = holderEntryOf(ctx, callee.expression);
  return entry?.keyedLock ? { ...entry.keyedLock, kind: entry.kind } : undefined;
}

/** `const acquired = await redis.set(key, v, { nx: true })`: `acquired` tells whether it was taken. */
export function noteKeyedLockResult(ctx: TsUnitContext, name: ts.Identifier, value: ts.Expression | undefined): void {
  const taken = value ? keyedAcquireOf(ctx, value) : undefined;
  if (taken) ctx.lockResults.set(name.text, taken.id);
  else ctx.lockResults.delete(name.text);
}

/**
 * Whether a branch condition tests a keyed lock's result, and on which side it is held:
 * `acquired`, `!acquired`, `acquired === null`, `acquired !== 'OK'`, or the call itself.
 */
function lockTest(ctx: TsUnitContext, condition: ts.Expression): { id: string; heldWhenTrue: boolean } | undefined {
  const expr = unwrap(condition);
  if (ts.isPrefixUnaryExpression(expr) && expr.operator === ts.SyntaxKind.ExclamationToken) {
    const inner = lockTest(ctx, expr.operand);
    return inner && { id: inner.id, heldWhenTrue: !inner.heldWhenTrue };
  }
  if (ts.isBinaryExpression(expr)) {
    const op = expr.operatorToken.kind;
    const equal = op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken;
    if (!equal && op !== ts.SyntaxKind.ExclamationEqualsEqualsToken && op !== ts.SyntaxKind.ExclamationEqualsToken) return undefined;
    const [tested, other] = isLiteralValue(expr.right) ? [expr.left, unwrap(expr.right)] : [expr.right, unwrap(expr.left)];
    if (!isLiteralValue(other)) return undefined;
    const inner = lockTest(ctx, tested);
    if (!inner) return undefined;
    // `=== null`: true when not taken; `=== 'OK'` (ioredis, node-redis): true when taken.
    const trueWhenTaken = ts.isStringLiteralLike(other) || other.kind === ts.SyntaxKind.TrueKeyword;
    return { id: inner.id, heldWhenTrue: equal === trueWhenTaken ? inner.heldWhenTrue : !inner.heldWhenTrue };
  }
  if (ts.isIdentifier(expr)) {
    const id = ctx.lockResults.get(expr.text);
    return id === undefined ? undefined : { id, heldWhenTrue: true };
  }
  const taken = keyedAcquireOf(ctx, expr);
  return taken && { id: taken.id, heldWhenTrue: true };
}

function isLiteralValue(node: ts.Expression): boolean {
  const expr = unwrap(node);
  return (
    ts.isStringLiteralLike(expr) ||
    expr.kind === ts.SyntaxKind.NullKeyword ||
    expr.kind === ts.SyntaxKind.TrueKeyword ||
    expr.kind === ts.SyntaxKind.FalseKeyword ||
    (ts.isIdentifier(expr) && expr.text === 'undefined')
  );
}

/** On the side of a branch where the `SET NX` found the key taken, this unit holds no lock. */
export function keyedLockBranches(ctx: TsUnitContext, condition: ts.Expression, whenTrue: Cursor, whenFalse: Cursor): { whenTrue: Cursor; whenFalse: Cursor } {
  const test = lockTest(ctx, condition);
  if (!test) return { whenTrue, whenFalse };
  const resource = ctx.facts.heldResources.find((r) => r.id === test.id);
  const notTaken = (cursor: Cursor): Cursor =>
    ctx.emit(cursor, {
      kind: 'close',
      resource: test.id,
      how: 'abort',
      api: shortText(ctx.text(condition)),
      span: ctx.span(condition),
      label: `the lock \`${resource?.variable ?? test.id}\` was not taken on this branch (\`${shortText(ctx.text(condition))}\`)`,
    });
  return test.heldWhenTrue ? { whenTrue, whenFalse: notTaken(whenFalse) } : { whenTrue: notTaken(whenTrue), whenFalse };
}
