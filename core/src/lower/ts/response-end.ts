import * as ts from 'typescript';
import type { NodeRequestHandlers, NodeResponseEnd } from '../../catalog';
import type { CloseEffect } from '../../ir/effects';
import type { TsUnitContext } from './context';
import { calleeDisplay } from './display';
import { serverFramework } from './handlers';
import { heldCallEffect } from './resources';
import { isFunctionLiteral, unwrap } from './syntax';

/**
 * Request-scoped resources of servers whose `next()` does not wait for the handler (Express,
 * catalog `responseEnd`): a middleware that checks a client out, hands it to the request
 * (`req.db = client`, `res.locals.client = client`) and releases it only when the response
 * ends (`res.on('finish', () => client.release())`) holds it for everything the routes behind
 * it do, however long after its own `next()` returns. Such a middleware is lowered as if
 * `next()` ran the rest of the request and the response ended right after it: the call of
 * `next` is awaited (the route's slow work is held) and the releases registered for the
 * response's end follow it. The registrations bind `next` to the routes
 * (`middleware-chains.ts`) only for middleware that registers such a release.
 */

/** The catalog's response-end entry for the file's server framework (the default one when it imports none). */
export function responseEndOf(web: NodeRequestHandlers | undefined, ctx: TsUnitContext): NodeResponseEnd | undefined {
  if (!web) return undefined;
  const name = serverFramework(web, ctx.facts.imports) ?? web.defaultServer;
  return web.servers.find((server) => server.name === name)?.responseEnd;
}

/** `res.on('finish', cb)` (or `once`, `'close'`) on the function's response parameter: the callback, else undefined. */
function responseEndListener(end: NodeResponseEnd, fn: ts.FunctionLikeDeclaration, call: ts.CallExpression): ts.ArrowFunction | ts.FunctionExpression | undefined {
  const callee = unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || !end.listen.includes(callee.name.text)) return undefined;
  const receiver = unwrap(callee.expression);
  const response = fn.parameters[end.responseParameter];
  if (!ts.isIdentifier(receiver) || !response || !ts.isIdentifier(response.name) || response.name.text !== receiver.text) return undefined;
  const [event, callback] = call.arguments;
  if (!event || !ts.isStringLiteralLike(event) || !end.events.includes(event.text) || !callback) return undefined;
  const listener = unwrap(callback);
  return isFunctionLiteral(listener) ? listener : undefined;
}

/**
 * A middleware written as `fn` that registers a listener for the response's end and calls its
 * `next` parameter: the kind whose `next` the registrations bind to the routes behind it.
 */
export function holdsUntilResponseEnd(end: NodeResponseEnd, fn: ts.FunctionLikeDeclaration): boolean {
  if (!fn.body || fn.parameters.length <= end.nextParameter) return false;
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || (node !== fn.body && ts.isFunctionLike(node))) return;
    if (ts.isCallExpression(node) && responseEndListener(end, fn, node)) found = true;
    else ts.forEachChild(node, visit);
  };
  visit(fn.body);
  return found;
}

/**
 * `res.on('finish', () => client.release())` in the unit's own function: the releases of held
 * variables in the listener happen when the response ends. They are kept on the unit's context
 * for the call of `next()`, and the resources say how they are released.
 */
export function noteResponseEndReleases(ctx: TsUnitContext, call: ts.CallExpression): void {
  const end = responseEndOf(ctx.catalog.requestHandlers, ctx);
  const fn = end ? enclosingUnitFunction(call) : undefined;
  const listener = end && fn ? responseEndListener(end, fn, call) : undefined;
  if (!end || !listener) return;
  const shadowed = new Set(listener.parameters.flatMap((p) => (ts.isIdentifier(p.name) ? [p.name.text] : [])));
  const visit = (node: ts.Node): void => {
    if (node !== listener && ts.isFunctionLike(node)) return;
    if (ts.isCallExpression(node)) {
      const callee = unwrap(node.expression);
      const root = ts.isPropertyAccessExpression(callee) ? unwrap(callee.expression) : callee;
      if (ts.isIdentifier(root) && !shadowed.has(root.text)) {
        const effect = heldCallEffect(ctx, callee, calleeDisplay(callee, ctx.facts.source), ctx.span(node));
        if (effect?.kind === 'close') addRelease(ctx, effect, ctx.text(unwrap(call.arguments[0]!)));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(listener.body);
}

function addRelease(ctx: TsUnitContext, effect: CloseEffect, event: string): void {
  if (ctx.responseEndReleases.some((known) => known.resource === effect.resource)) return;
  ctx.responseEndReleases.push({ ...effect, label: `${effect.label ?? `released by \`${effect.api}\``}, when the response ends (${event})` });
  const list = ctx.facts.heldResources;
  const index = list.findIndex((r) => r.id === effect.resource);
  const info = list[index];
  if (info && !info.releasedAtEnd) list[index] = { ...info, releasedAtEnd: `\`${info.variable}\` is released only when the response ends (${event}), after every route behind this middleware` };
}

/** The call of the unit's `next` parameter, when the unit released something at the response's end. */
export function isResponseEndNext(ctx: TsUnitContext, call: ts.CallExpression): boolean {
  if (ctx.responseEndReleases.length === 0) return false;
  const end = responseEndOf(ctx.catalog.requestHandlers, ctx);
  const callee = unwrap(call.expression);
  return end !== undefined && ts.isIdentifier(callee) && ctx.parameters.get(callee.text) === end.nextParameter && enclosingUnitFunction(call)?.parameters[end.nextParameter] !== undefined;
}

function enclosingUnitFunction(node: ts.Node): ts.FunctionLikeDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current)) return current as ts.FunctionLikeDeclaration;
  }
  return undefined;
}
