import * as ts from 'typescript';
import type { NodeRequestHandlers, NodeResponseEnd } from '../../catalog';
import type { CallEffect, CallTarget } from '../../ir/effects';
import type { TsUnitContext } from './context';
import { serverFramework } from './handlers';
import { unwrap } from './syntax';
import { holdsUntilResponseEnd } from './response-end';

/**
 * Middleware runs the rest of the request inside it: `await next()` in a Koa middleware runs
 * the middleware and the route handler registered after it, and returns when they are done. A
 * middleware that opens a transaction and calls `next()` inside it holds it for every route
 * behind it.
 *
 * The engine already follows a callable passed to a function that calls its parameter
 * (`withClient(async (c) => …)`). So a registration (`router.post('/x', auth, handler)`,
 * `app.use(router.routes())`) is lowered, where it is written, as calls of each middleware
 * registered before a handler with its `next` parameter bound to that handler: the slow work
 * of the handler is then seen wherever the middleware holds something around `next()`.
 *
 * Only what one file shows: the middlewares registered with `use` on the same app or router
 * earlier in the same function (or top level), those given before the handler in the same
 * call, and the routes of a router of this file mounted with `use` (`app.use(router.routes())`,
 * `app.use('/api', router)`). The `next` parameter's position comes from the server
 * framework's catalog entry; a server without one (Express, whose `next()` returns before an
 * async handler is done) or a file that imports no server gets none of this.
 */

/** Registrations looked at per scope; a scope with more is cut (and said so). */
const MAX_REGISTRATIONS = 2000;
/**
 * Middleware calls emitted per unit (each is a summary of the middleware with one handler
 * bound): middlewares × routes grows fast in a big app file; past it, later routes are cut
 * (and said so).
 */
const MAX_CHAIN_CALLS = 2000;

/** Per unit being lowered: how many middleware calls it emitted, and whether the cut was said. */
const emittedByUnit = new WeakMap<TsUnitContext, { count: number; said: boolean }>();

interface Registration {
  readonly call: ts.CallExpression;
  readonly receiver: string;
  readonly method: string;
  /** The callables it registers (closures or names), in order, after the path if any. */
  readonly callables: readonly ts.Expression[];
  /** Routers of this file it mounts (`router.routes()`, `router`). */
  readonly mounts: readonly string[];
}

/** Per scope (a function body or the file): its registrations, in source order. */
const registrationsByScope = new WeakMap<ts.Node, Registration[]>();

/**
 * The calls to emit after the registration `node`: each middleware registered before one of its
 * handlers, called with its `next` bound to that handler. Empty when `node` registers nothing.
 */
export function middlewareChainCalls(ctx: TsUnitContext, node: ts.CallExpression, resolve: (value: ts.Expression) => CallTarget | undefined): CallEffect[] {
  const web = ctx.catalog.requestHandlers;
  if (!web) return [];
  const here = registrationOf(web, node);
  if (!here) return [];
  const framework = serverFramework(web, ctx.facts.imports);
  const server = web.servers.find((candidate) => candidate.name === framework);
  // Express: only middleware that keeps what it holds until the response ends (`response-end.ts`).
  const responseEnd = server?.nextParameter === undefined ? server?.responseEnd : undefined;
  const nextIndex = server?.nextParameter ?? responseEnd?.nextParameter;
  if (nextIndex === undefined) return [];
  const scope = scopeOf(node);
  const all = registrationsIn(web, scope, ctx);
  const position = all.findIndex((r) => r.call === node);
  if (position < 0) return [];
  // Handlers behind this registration: its own callables and the routes of routers it mounts.
  const behind: { handler: ts.Expression; before: readonly ts.Expression[] }[] = [];
  here.callables.forEach((handler, index) => behind.push({ handler, before: here.callables.slice(0, index) }));
  for (const router of here.mounts) {
    for (const route of all) if (route.receiver === router && route.method !== web.middlewareMethod) route.callables.forEach((handler) => behind.push({ handler, before: route.callables.slice(0, route.callables.indexOf(handler)) }));
  }
  const earlier = all.slice(0, position).filter((r) => r.receiver === here.receiver && r.method === web.middlewareMethod).flatMap((r) => r.callables);
  const calls: CallEffect[] = [];
  const emitted = emittedByUnit.get(ctx) ?? { count: 0, said: false };
  emittedByUnit.set(ctx, emitted);
  for (const { handler, before } of behind) {
    const handlerTarget = resolve(handler);
    if (!handlerTarget) continue;
    for (const middleware of [...earlier, ...before]) {
      if (!mayCallNext(middleware, nextIndex)) continue;
      const target = resolve(middleware);
      if (!target) continue;
      if (responseEnd && !keepsUntilResponseEnd(ctx, responseEnd, middleware)) continue;
      if (emitted.count >= MAX_CHAIN_CALLS) {
        if (!emitted.said) ctx.facts.problems.push({ span: ctx.span(handler), message: `more than ${MAX_CHAIN_CALLS} middleware-and-route pairs in one function: the middleware run before this route and later ones is not followed` });
        emitted.said = true;
        return calls;
      }
      emitted.count++;
      calls.push({
        kind: 'call',
        target,
        callables: [{ index: nextIndex, target: handlerTarget }],
        display: `\`next()\` of the ${framework} middleware at line ${ctx.line(middleware)}`,
        span: ctx.span(handler),
      });
    }
  }
  return calls;
}

/**
 * A closure or function written here can call `next` only if it declares it; a name of another
 * module may (its parameters are not known here).
 */
function mayCallNext(middleware: ts.Expression, nextIndex: number): boolean {
  const value = unwrap(middleware);
  if (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) return value.parameters.length > nextIndex;
  return ts.isIdentifier(value);
}

/** A middleware written here, or a function of this file or another module, that releases at the response's end. */
function keepsUntilResponseEnd(ctx: TsUnitContext, end: NodeResponseEnd, middleware: ts.Expression): boolean {
  const value = unwrap(middleware);
  if (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) return holdsUntilResponseEnd(end, value);
  if (!ts.isIdentifier(value)) return false;
  const local = localFunction(ctx.facts.source, value.text);
  if (local) return holdsUntilResponseEnd(end, local);
  const known = ctx.facts.imports.modules?.valueOf(value);
  return known?.kind === 'function' && known.declaration !== undefined && holdsUntilResponseEnd(end, known.declaration.node);
}

/** A function of the file's top level by name (`function withClient(req, res, next) {…}`, `const withClient = (…) => …`). */
function localFunction(source: ts.SourceFile, name: string): ts.FunctionLikeDeclaration | undefined {
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name?.text === name) return statement;
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      const init = declaration.initializer ? unwrap(declaration.initializer) : undefined;
      if (ts.isIdentifier(declaration.name) && declaration.name.text === name && init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) return init;
    }
  }
  return undefined;
}

/** The function body (or file) a registration is written in: the order that counts is theirs. */
function scopeOf(node: ts.Node): ts.Node {
  for (let scope = node.parent; scope; scope = scope.parent) {
    if (ts.isSourceFile(scope) || ts.isFunctionLike(scope)) return scope;
  }
  return node.getSourceFile();
}

function registrationsIn(web: NodeRequestHandlers, scope: ts.Node, ctx: TsUnitContext): Registration[] {
  let found = registrationsByScope.get(scope);
  if (found) return found;
  found = [];
  const list = found;
  let cut = false;
  const visit = (child: ts.Node): void => {
    if (list.length >= MAX_REGISTRATIONS) {
      if (!cut) ctx.facts.problems.push({ span: ctx.span(child), message: `more than ${MAX_REGISTRATIONS} route registrations in one function: the middleware run by later ones is not followed` });
      cut = true;
      return;
    }
    // Registrations inside a nested function belong to that function's order.
    if (child !== scope && ts.isFunctionLike(child)) return;
    if (ts.isCallExpression(child)) {
      const registration = registrationOf(web, child);
      if (registration) list.push(registration);
    }
    ts.forEachChild(child, visit);
  };
  ts.forEachChild(scope, visit);
  registrationsByScope.set(scope, found);
  return found;
}

/** `r.use(…)`, `r.get('/x', …)` on an app or router named by a variable. */
function registrationOf(web: NodeRequestHandlers, call: ts.CallExpression): Registration | undefined {
  const callee = unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const receiver = unwrap(callee.expression);
  if (!ts.isIdentifier(receiver)) return undefined;
  const method = callee.name.text;
  const isUse = method === web.middlewareMethod;
  if (!isUse && !web.routeMethods.includes(method)) return undefined;
  const args = call.arguments.map(unwrap);
  const first = args[0];
  const hasPath = first !== undefined && (ts.isStringLiteralLike(first) || ts.isRegularExpressionLiteral(first) || ts.isArrayLiteralExpression(first));
  // A route needs a path (`app.get('setting')` is an Express setting read, with no callable).
  if (!isUse && !hasPath) return undefined;
  const callables: ts.Expression[] = [];
  const mounts: string[] = [];
  for (const arg of args.slice(hasPath ? 1 : 0)) {
    if (ts.isArrowFunction(arg) || ts.isFunctionExpression(arg)) callables.push(arg);
    else if (ts.isIdentifier(arg)) {
      // `app.use('/api', router)`: a router is mounted; anything else named is a middleware.
      if (isUse) mounts.push(arg.text);
      callables.push(arg);
    } else if (isUse && ts.isCallExpression(arg)) {
      // `app.use(router.routes())`.
      const inner = unwrap(arg.expression);
      if (ts.isPropertyAccessExpression(inner) && ts.isIdentifier(unwrap(inner.expression))) mounts.push((unwrap(inner.expression) as ts.Identifier).text);
    }
  }
  return { call, receiver: receiver.text, method, callables, mounts };
}
