import * as ts from 'typescript';
import type { NodeSessionObjects } from '../../catalog';
import type { Cursor } from '../../ir/cfg-builder';
import type { AccessEffect } from '../../ir/effects';
import type { TsUnitContext } from './context';
import { handlerOf } from './handlers';
import { resolveRef } from './import-refs';
import { importedFunction } from './imports';
import { unwrap } from './syntax';

/**
 * Session objects that a store saves as a whole at the end of the request, as the catalog
 * describes them (`NodeSessionObjects`): a property of a request (`req.session`), an injected
 * parameter (`@Session()`), or what a loader returns (`await getIronSession(…)`, saved by
 * `session.save()`). Reads and writes of them become `read`/`write` effects on
 * `session-object:<unit>:<expression>`; a reload (`req.session.reload()`, a new loader call)
 * is a `fresh` read. Without a catalog entry nothing is a session object.
 */

/** Methods of an object or array that change it in place (the language's, not a library's). */
const MUTATORS = new Set(['push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'set', 'add', 'delete', 'clear', 'copyWithin']);
const ASSIGNMENTS = new Set([
  ts.SyntaxKind.EqualsToken,
  ts.SyntaxKind.PlusEqualsToken,
  ts.SyntaxKind.MinusEqualsToken,
  ts.SyntaxKind.AsteriskEqualsToken,
  ts.SyntaxKind.SlashEqualsToken,
  ts.SyntaxKind.PercentEqualsToken,
  ts.SyntaxKind.AmpersandAmpersandEqualsToken,
  ts.SyntaxKind.BarBarEqualsToken,
  ts.SyntaxKind.QuestionQuestionEqualsToken,
  ts.SyntaxKind.BarEqualsToken,
  ts.SyntaxKind.AmpersandEqualsToken,
]);

/** Variables of a unit holding an iron-session object. */
const ironVariables = new WeakMap<TsUnitContext, Set<string>>();
/**
 * Variables of a unit holding what a project function returned (`const session = await
 * getSession()`), by name, with where that call starts: a session object if the function
 * returns one (`return getIronSession(…)`), which the rule checks across modules.
 */
const candidateVariables = new WeakMap<TsUnitContext, Map<string, number>>();

/** Methods that run their callback before they return (`items.forEach((i) => …)`). */
const SYNC_CALLBACK_METHODS = new Set(['forEach', 'map', 'flatMap', 'filter', 'reduce', 'reduceRight', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex', 'sort']);

type Lower = (node: ts.Node, cursor: Cursor) => Cursor;

function sessionsOf(ctx: TsUnitContext): NodeSessionObjects | undefined {
  return ctx.catalog.sessionObjects;
}

function strip(node: ts.Expression): ts.Expression {
  let current = node;
  while (ts.isParenthesizedExpression(current) || ts.isNonNullExpression(current) || ts.isAsExpression(current) || ts.isSatisfiesExpression(current)) current = current.expression;
  return current;
}

export function sessionResourceId(ctx: TsUnitContext, root: ts.Expression): string {
  if (ts.isIdentifier(root) && !ironVariables.get(ctx)?.has(root.text)) {
    const call = candidateVariables.get(ctx)?.get(root.text);
    if (call !== undefined) return `session-candidate:${ctx.unitId}:${root.text}@${call}`;
  }
  return `session-object:${ctx.unitId}:${ctx.text(root)}`;
}

/**
 * Lowers `node` when it touches a session object; undefined when it does not (the caller
 * lowers it as usual).
 */
export function lowerSessionExpression(ctx: TsUnitContext, node: ts.Node, cursor: Cursor, lower: Lower): Cursor | undefined {
  if (ts.isBinaryExpression(node) && ASSIGNMENTS.has(node.operatorToken.kind)) {
    const target = rootOf(ctx, node.left);
    if (!target || ts.isIdentifier(strip(node.left))) return undefined;
    const after = lower(node.right, cursor);
    const clearsAll = target.root === strip(node.left);
    // `req.session = null` (cookie-session, koa-session): a logout drops the session, as
    // `destroy()` does; nothing of it is saved over another request's changes.
    if (clearsAll && isNothing(node.right)) return after;
    return emitAccess(ctx, after, 'write', target.root, node.left, target.key, clearsAll);
  }
  if (ts.isDeleteExpression(node) || ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && isIncrement(node.operator))) {
    const operand = ts.isDeleteExpression(node) ? node.expression : node.operand;
    const target = rootOf(ctx, operand);
    if (!target) return undefined;
    return emitAccess(ctx, cursor, 'write', target.root, operand, target.key);
  }
  const sessions = sessionsOf(ctx);
  if (!sessions) return undefined;
  if (ts.isCallExpression(node)) return lowerSessionCall(ctx, sessions, node, cursor, lower);
  if (ts.isNewExpression(node)) return lowerPromiseReload(ctx, sessions, node, cursor, lower);
  if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) || ts.isIdentifier(node)) {
    const target = rootOf(ctx, node);
    if (!target) return undefined;
    // `promisify(req.session.reload)`: the reload, not yet called; counted as done here.
    const fresh = ts.isPropertyAccessExpression(node) && sessions.reloadMethods.includes(node.name.text) && strip(node.expression) === target.root;
    const read = emitAccess(ctx, cursor, 'read', target.root, node, fresh ? undefined : target.key, false, fresh);
    // `return session` of an iron-session object: callers get a loaded session.
    return ts.isIdentifier(node) && ironVariables.get(ctx)?.has(node.text) && isReturned(node) ? emitReturned(ctx, read, node) : read;
  }
  return undefined;
}

function isIncrement(operator: ts.SyntaxKind): boolean {
  return operator === ts.SyntaxKind.PlusPlusToken || operator === ts.SyntaxKind.MinusMinusToken;
}

/** `null`, `undefined`, `void 0`. */
function isNothing(node: ts.Expression): boolean {
  const value = strip(node);
  return value.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(value) && value.text === 'undefined') || ts.isVoidExpression(value);
}

function lowerSessionCall(ctx: TsUnitContext, sessions: NodeSessionObjects, node: ts.CallExpression, cursor: Cursor, lower: Lower): Cursor | undefined {
  const callee = strip(node.expression);
  const lifted = lowerSyncCallback(ctx, sessions, node, cursor, lower);
  if (lifted) return lifted;
  const flash = flashCall(ctx, sessions, node);
  if (flash) {
    let next = cursor;
    for (const arg of node.arguments) next = lower(arg, next);
    // connect-flash keeps the messages in `req.session.flash`: adding one changes the session.
    // Taking them (`req.flash('info')`) is counted as a read: it only empties what an earlier
    // request stored for this one.
    const effect: AccessEffect = {
      kind: node.arguments.length >= 2 ? 'write' : 'read',
      resource: `session-object:${ctx.unitId}:${ctx.text(flash)}.session`,
      key: sessions.flash!.key,
      span: ctx.span(node),
    };
    return ctx.emit(next, effect);
  }
  const iron = ironSessionCall(ctx, sessions, node);
  if (iron) {
    let next = cursor;
    for (const arg of node.arguments) next = lower(arg, next);
    ironVariables.get(ctx)?.add(iron.text) ?? ironVariables.set(ctx, new Set([iron.text]));
    return emitAccess(ctx, next, 'read', iron, node, undefined, false, true);
  }
  if (isIronCall(ctx, sessions, node) && isReturned(node)) {
    // `return getIronSession(…)`: a project helper that loads the session for its callers.
    let next = cursor;
    for (const arg of node.arguments) next = lower(arg, next);
    return emitReturned(ctx, next, node);
  }
  noteCandidate(ctx, node);
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const target = rootOf(ctx, callee.expression);
  if (!target) return undefined;
  const method = callee.name.text;
  const onRoot = strip(callee.expression) === target.root;
  // What a project function returned may be anything (an SDK client, a document): its calls
  // are lowered as usual, only a change of a value in it (`session.cart.push(…)`) is recorded.
  if (isCandidate(ctx, target.root) && (onRoot || !MUTATORS.has(method))) return undefined;
  let next = cursor;
  for (const arg of node.arguments) next = lower(arg, next);
  if (onRoot) {
    if (sessions.reloadMethods.includes(method)) return emitAccess(ctx, next, 'read', target.root, node, undefined, false, true);
    // `save()` writes the whole copy to the store at once; `set(key, value)` one key.
    if (sessions.saveMethods.includes(method)) return emitAccess(ctx, next, 'write', target.root, node, undefined);
    if (sessions.setMethods.includes(method)) return emitAccess(ctx, next, 'write', target.root, node, literalArg(node));
    if (sessions.inertMethods.includes(method)) return next;
    return emitAccess(ctx, next, 'read', target.root, node, sessions.getMethods.includes(method) ? literalArg(node) : undefined);
  }
  return emitAccess(ctx, next, MUTATORS.has(method) ? 'write' : 'read', target.root, node, target.key);
}

function literalArg(node: ts.CallExpression): string | undefined {
  const first = node.arguments[0] ? strip(node.arguments[0]) : undefined;
  return first && ts.isStringLiteralLike(first) ? first.text : undefined;
}

/** `await new Promise((resolve) => req.session.reload(resolve))` (or `regenerate`): a fresh session, once the promise settles. */
function lowerPromiseReload(ctx: TsUnitContext, sessions: NodeSessionObjects, node: ts.NewExpression, cursor: Cursor, lower: Lower): Cursor | undefined {
  const ctor = strip(node.expression);
  if (!ts.isIdentifier(ctor) || ctor.text !== 'Promise') return undefined;
  const executor = node.arguments?.[0] ? strip(node.arguments[0]) : undefined;
  if (!executor || !(ts.isArrowFunction(executor) || ts.isFunctionExpression(executor))) return undefined;
  let reloaded: ts.Expression | undefined;
  const visit = (child: ts.Node): void => {
    if (reloaded) return;
    if (ts.isCallExpression(child)) {
      const callee = strip(child.expression);
      if (ts.isPropertyAccessExpression(callee) && sessions.reloadMethods.includes(callee.name.text)) {
        const target = rootOf(ctx, callee.expression);
        if (target && target.root === strip(callee.expression)) reloaded = target.root;
      }
    }
    ts.forEachChild(child, visit);
  };
  visit(executor);
  if (!reloaded) return undefined;
  let next = cursor;
  for (const arg of node.arguments ?? []) next = lower(arg, next);
  return emitAccess(ctx, next, 'read', reloaded, node, undefined, false, true);
}

function emitAccess(
  ctx: TsUnitContext,
  cursor: Cursor,
  kind: 'read' | 'write',
  root: ts.Expression,
  at: ts.Node,
  key: string | undefined,
  clearsAll = false,
  fresh = false,
): Cursor {
  const effect: AccessEffect = {
    kind,
    resource: sessionResourceId(ctx, root),
    ...(key !== undefined ? { key } : {}),
    ...(clearsAll ? { clearsAll } : {}),
    ...(fresh ? { fresh } : {}),
    span: ctx.span(at),
  };
  return ctx.emit(cursor, effect);
}

/** The session object at the root of `node` (`req.session` in `req.session.cart[0]`), and the first key under it. */
function rootOf(ctx: TsUnitContext, node: ts.Expression): { root: ts.Expression; key?: string } | undefined {
  let current = strip(node);
  let key: string | undefined;
  for (let depth = 0; depth < 64; depth++) {
    if (isSessionRoot(ctx, current)) return key !== undefined ? { root: current, key } : { root: current };
    if (ts.isPropertyAccessExpression(current)) {
      key = current.name.text;
      current = strip(current.expression);
    } else if (ts.isElementAccessExpression(current)) {
      const arg = strip(current.argumentExpression);
      key = ts.isStringLiteralLike(arg) ? arg.text : undefined;
      current = strip(current.expression);
    } else {
      return undefined;
    }
  }
  return undefined;
}

function isSessionRoot(ctx: TsUnitContext, node: ts.Expression): boolean {
  if (ts.isIdentifier(node)) {
    if (ironVariables.get(ctx)?.has(node.text) && !isDeclarationName(node)) return true;
    // A held resource a helper returned (`const client = await getClient()`) is no session.
    if (candidateVariables.get(ctx)?.has(node.text) && !ctx.held.has(node.text) && !isDeclarationName(node)) return true;
    const parameter = parameterOf(node);
    const decorators = sessionsOf(ctx)?.parameterDecorators ?? [];
    return parameter !== undefined && (ts.getDecorators(parameter) ?? []).some((d) => decorators.includes(decoratorName(d) ?? ''));
  }
  const sessions = sessionsOf(ctx);
  if (!sessions || !ts.isPropertyAccessExpression(node) || !sessions.requestProperties.includes(node.name.text)) return false;
  const base = strip(node.expression);
  return ts.isIdentifier(base) && isRequestLike(ctx, sessions, base);
}

/** A variable holding what a project function returned, not (yet) known to be a session. */
function isCandidate(ctx: TsUnitContext, root: ts.Expression): boolean {
  return ts.isIdentifier(root) && !ironVariables.get(ctx)?.has(root.text) && candidateVariables.get(ctx)?.has(root.text) === true;
}

function isDeclarationName(node: ts.Identifier): boolean {
  const parent = node.parent;
  return parent !== undefined && (ts.isVariableDeclaration(parent) || ts.isParameter(parent)) && parent.name === node;
}

function decoratorName(decorator: ts.Decorator): string | undefined {
  const expr = unwrap(decorator.expression);
  const callee = ts.isCallExpression(expr) ? unwrap(expr.expression) : expr;
  return ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
}

/** The parameter declaring `name`, in the nearest function that declares it. */
function parameterOf(name: ts.Identifier): ts.ParameterDeclaration | undefined {
  for (let current: ts.Node | undefined = name.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current)) {
      const found = current.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === name.text);
      if (found) return found;
    }
  }
  return undefined;
}

/** A request (or koa context): a typed parameter, a handler's parameter, or `req`/`ctx` in a server file. */
function isRequestLike(ctx: TsUnitContext, sessions: NodeSessionObjects, name: ts.Identifier): boolean {
  const parameter = parameterOf(name);
  if (!parameter) return false;
  const type = parameter.type;
  if (type && ts.isTypeReferenceNode(type)) {
    const typeName = ts.isIdentifier(type.typeName) ? type.typeName.text : type.typeName.right.text;
    if (sessions.requestTypes.includes(typeName)) return true;
  }
  const fn = parameter.parent;
  const { file, source, imports } = ctx.facts;
  if (handlerOf(ctx.catalog.requestHandlers, fn, file, source, imports) !== undefined) return true;
  if (!sessions.requestNames.includes(name.text)) return false;
  for (const ref of imports.bindings.values()) if (sessions.modules.includes(ref.module)) return true;
  return false;
}

/** `req.flash(…)` (connect-flash, express-flash) on a request: the request, else undefined. */
function flashCall(ctx: TsUnitContext, sessions: NodeSessionObjects, node: ts.CallExpression): ts.Identifier | undefined {
  const callee = strip(node.expression);
  if (!sessions.flash || !ts.isPropertyAccessExpression(callee) || callee.name.text !== sessions.flash.method) return undefined;
  const base = strip(callee.expression);
  return ts.isIdentifier(base) && isRequestLike(ctx, sessions, base) ? base : undefined;
}

/** A call of a catalog loader (`getIronSession(…)`). */
function isIronCall(ctx: TsUnitContext, sessions: NodeSessionObjects, node: ts.CallExpression): boolean {
  const ref = resolveRef(ctx.facts.imports.bindings, node.expression);
  return ref !== undefined && sessions.loaders.some((loader) => loader.name === ref.name && loader.modules.includes(ref.module));
}

/** `const session = await getIronSession(…)` → the identifier `session`. */
function ironSessionCall(ctx: TsUnitContext, sessions: NodeSessionObjects, node: ts.CallExpression): ts.Identifier | undefined {
  return isIronCall(ctx, sessions, node) ? assignedTo(node) : undefined;
}

/** The variable a call's (awaited) result is stored in: `const x = await f()`, `x = f()`. */
function assignedTo(node: ts.CallExpression): ts.Identifier | undefined {
  const parent = outside(node).parent;
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name;
  if (parent && ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(parent.left)) return parent.left;
  return undefined;
}

/** The node around `node` past `await`, parentheses and `as`. */
function outside(node: ts.Node): ts.Node {
  let current: ts.Node = node;
  while (current.parent && (ts.isAwaitExpression(current.parent) || ts.isParenthesizedExpression(current.parent) || ts.isAsExpression(current.parent) || ts.isNonNullExpression(current.parent))) current = current.parent;
  return current;
}

/** What the unit returns: `return x`, or the body of an arrow function (`() => x`). */
function isReturned(node: ts.Node): boolean {
  const current = outside(node);
  const parent = current.parent;
  return parent !== undefined && (ts.isReturnStatement(parent) || (ts.isArrowFunction(parent) && parent.body === current));
}

/** Marks the unit as one that returns a loaded session object (`session-returned:<unit>`). */
function emitReturned(ctx: TsUnitContext, cursor: Cursor, at: ts.Node): Cursor {
  return ctx.emit(cursor, { kind: 'read', resource: `session-returned:${ctx.unitId}`, fresh: true, span: ctx.span(at) });
}

/**
 * `const session = await getSession()` where `getSession` is a function of the project (of
 * this module or imported from another one): the variable may hold a session object; its
 * accesses are recorded on a `session-candidate:` resource named after the call, and the rule
 * keeps them when the function returns a loaded session.
 */
function noteCandidate(ctx: TsUnitContext, node: ts.CallExpression): void {
  const callee = strip(node.expression);
  if (!ts.isIdentifier(callee)) return;
  const variable = assignedTo(node);
  if (!variable) return;
  const ref = ctx.facts.imports.bindings.get(callee.text);
  const project = ref ? importedFunction(ctx.facts.file, ref) !== undefined : ctx.facts.functions.has(callee.text);
  const candidates = candidateVariables.get(ctx) ?? new Map<string, number>();
  candidateVariables.set(ctx, candidates);
  if (project) candidates.set(variable.text, node.getStart(ctx.facts.source));
  else candidates.delete(variable.text);
}

/**
 * `items.forEach((item) => { session.cart.push(item) })`: a callback that runs before the
 * call returns, written inline and not async. Its writes to this unit's session objects
 * happen at the call, so they are recorded here, after the rest of the call.
 */
function lowerSyncCallback(ctx: TsUnitContext, sessions: NodeSessionObjects, node: ts.CallExpression, cursor: Cursor, lower: Lower): Cursor | undefined {
  const callee = strip(node.expression);
  if (!ts.isPropertyAccessExpression(callee) || !SYNC_CALLBACK_METHODS.has(callee.name.text)) return undefined;
  const writes: { root: ts.Expression; at: ts.Node; key: string | undefined }[] = [];
  for (const arg of node.arguments) {
    const fn = strip(arg);
    if (!(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) || fn.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) continue;
    writes.push(...capturedWrites(ctx, sessions, fn));
  }
  if (writes.length === 0) return undefined;
  let next = lower(callee.expression, cursor);
  for (const arg of node.arguments) next = lower(arg, next);
  for (const write of writes) next = emitAccess(ctx, next, 'write', write.root, write.at, write.key);
  return next;
}

/**
 * A callback that runs after a call's slow work (passport's custom callback, `passport.ts`):
 * its writes to this unit's session objects (not those of functions nested in it, such as
 * `req.logIn()`'s callback, which writes the regenerated session) are recorded at `cursor`.
 */
export function emitCallbackWrites(ctx: TsUnitContext, fn: ts.ArrowFunction | ts.FunctionExpression, cursor: Cursor): Cursor {
  const sessions = sessionsOf(ctx);
  if (!sessions) return cursor;
  let next = cursor;
  for (const write of capturedWrites(ctx, sessions, fn)) next = emitAccess(ctx, next, 'write', write.root, write.at, write.key);
  return next;
}

/** Writes to session objects of the enclosing unit inside a callback's body (not in nested functions). */
function capturedWrites(ctx: TsUnitContext, sessions: NodeSessionObjects, fn: ts.ArrowFunction | ts.FunctionExpression): { root: ts.Expression; at: ts.Node; key: string | undefined }[] {
  const shadowed = new Set(fn.parameters.flatMap((p) => (ts.isIdentifier(p.name) ? [p.name.text] : [])));
  const found: { root: ts.Expression; at: ts.Node; key: string | undefined }[] = [];
  const target = (expr: ts.Expression): { root: ts.Expression; key?: string } | undefined => {
    const result = rootOf(ctx, expr);
    if (!result) return undefined;
    const base = ts.isIdentifier(result.root) ? result.root : strip((result.root as ts.PropertyAccessExpression).expression);
    return ts.isIdentifier(base) && shadowed.has(base.text) ? undefined : result;
  };
  const visit = (child: ts.Node): void => {
    if (ts.isFunctionLike(child)) return;
    if (ts.isBinaryExpression(child) && ASSIGNMENTS.has(child.operatorToken.kind) && !ts.isIdentifier(strip(child.left))) {
      const written = target(child.left);
      if (written) found.push({ root: written.root, at: child.left, key: written.key });
    } else if (ts.isDeleteExpression(child) || ((ts.isPrefixUnaryExpression(child) || ts.isPostfixUnaryExpression(child)) && isIncrement(child.operator))) {
      const operand = ts.isDeleteExpression(child) ? child.expression : child.operand;
      const written = target(operand);
      if (written) found.push({ root: written.root, at: operand, key: written.key });
    } else if (ts.isCallExpression(child)) {
      const callee = strip(child.expression);
      if (ts.isPropertyAccessExpression(callee) && (MUTATORS.has(callee.name.text) || sessions.saveMethods.includes(callee.name.text))) {
        const written = target(callee.expression);
        if (written && (MUTATORS.has(callee.name.text) || strip(callee.expression) === written.root)) found.push({ root: written.root, at: child, key: written.key });
      }
    }
    ts.forEachChild(child, visit);
  };
  visit(fn.body);
  return found;
}
