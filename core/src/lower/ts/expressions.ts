import * as ts from 'typescript';
import { awaitedListenerCalls } from './awaited-emits';
import { bindingNames, bindsName } from './binding-names';
import { calleeDisplay, shortText } from './display';
import { lowerForwardedScope, noteStructuralScope } from './structural';
import type { NodeSlowExport } from '../../catalog';
import type { Cursor } from '../../ir/cfg-builder';
import type { CallEffect, CallTarget, Effect } from '../../ir/effects';
import type { TsUnitContext } from './context';
import { slowExportOf } from './catalog-entries';
import { clientMethods, clientOf, runnerCallback } from './library-clients';
import { resolveRef } from './import-refs';
import { importedFunction } from './imports';
import { eitherModuleExport } from './either-module';
import { unwrap } from './syntax';
import { projectCallTarget } from './module-exports';
import { isTrackedValue } from './holders';
import { acquire, acquireDestructured, heldCallEffect, noteCallbackScope, noteRunsCallbacks } from './resources';
import { transactionEffect } from './transactions';
import { awaitedEventWork, promiseExecutorWork } from './promises';
import { holderQueryEffect } from './queries';
import { helperReleases } from './releasing-helpers';
import { middlewareChainCalls } from './middleware-chains';
import { keyedLockEffect } from './keyed-locks';
import { isResponseEndNext, noteResponseEndReleases } from './response-end';
import { destructuredParameters, objectLiteralFunctions } from './options-callbacks';
import { objectLiteralKey } from './option-arguments';
import { helperTransactionEffect } from './transaction-helpers';
import { lowerPassportExchange } from './passport';

export { acquire } from './resources';
import { lowerSessionExpression } from './sessions';

/** Function-like nodes are units of their own: as expressions they only create a value. */
export function isFunctionLike(node: ts.Node): node is ts.FunctionLikeDeclaration {
  return (
    ts.isFunctionExpression(node) ||
    ts.isArrowFunction(node) ||
    ts.isFunctionDeclaration(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node)
  );
}

const SHORT_CIRCUIT = new Set([
  ts.SyntaxKind.AmpersandAmpersandToken,
  ts.SyntaxKind.BarBarToken,
  ts.SyntaxKind.QuestionQuestionToken,
  ts.SyntaxKind.AmpersandAmpersandEqualsToken,
  ts.SyntaxKind.BarBarEqualsToken,
  ts.SyntaxKind.QuestionQuestionEqualsToken,
]);

/** Lowers an expression in evaluation order; `awaited`: its value is awaited right away. */
export function lowerExpression(ctx: TsUnitContext, node: ts.Node, cursor: Cursor, awaited = false): Cursor {
  if (cursor.length === 0) return cursor;
  if (isFunctionLike(node) || ts.isClassExpression(node) || ts.isClassDeclaration(node) || ts.isTypeNode(node)) return cursor;
  if (ctx.tooDeep(node)) return cursor;
  ctx.depth++;
  try {
    return lowerInner(ctx, node, cursor, awaited);
  } finally {
    ctx.depth--;
  }
}

function lowerInner(ctx: TsUnitContext, node: ts.Node, cursor: Cursor, awaited: boolean): Cursor {
  // Reads and writes of a request's session object (`req.session.user = …`).
  const session = lowerSessionExpression(ctx, node, cursor, (child, next) => lowerExpression(ctx, child, next));
  if (session) return session;
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node) || ts.isSatisfiesExpression(node)) {
    return lowerExpression(ctx, node.expression, cursor, awaited);
  }
  if (ts.isAwaitExpression(node)) return lowerExpression(ctx, node.expression, cursor, true);
  if (ts.isBinaryExpression(node)) {
    if (SHORT_CIRCUIT.has(node.operatorToken.kind)) {
      const left = lowerExpression(ctx, node.left, cursor);
      return ctx.builder.join(left, lowerExpression(ctx, node.right, left));
    }
    if (node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const after = lowerExpression(ctx, node.right, lowerExpression(ctx, node.left, cursor));
      const target = unwrap(node.left);
      return ts.isIdentifier(target) ? acquire(ctx, target, node.right, after) : acquireDestructured(ctx, target, node.right, after);
    }
  }
  if (ts.isConditionalExpression(node)) {
    const condition = lowerExpression(ctx, node.condition, cursor);
    const note = (truthy: boolean) => `\`${shortText(ctx.text(node.condition))}\` is ${truthy ? 'true' : 'false'} (line ${ctx.line(node.condition)})`;
    const whenTrue = lowerExpression(ctx, node.whenTrue, withNote(condition, note(true)));
    const whenFalse = lowerExpression(ctx, node.whenFalse, withNote(condition, note(false)));
    return ctx.builder.join(whenTrue, whenFalse);
  }
  if (ts.isCallExpression(node)) return lowerCall(ctx, node, cursor, awaited);
  if (ts.isNewExpression(node)) {
    let next = cursor;
    for (const arg of node.arguments ?? []) next = lowerExpression(ctx, arg, next);
    // `await new Promise((resolve) => setTimeout(resolve, ms))`, `… https.get(url, (res) => …)`.
    const work = awaited ? promiseExecutorWork(ctx, node) : undefined;
    if (work) return ctx.emit(next, { kind: 'slow', slowKind: work.kind, callee: work.callee, span: ctx.span(node) });
    return next;
  }
  let next = cursor;
  ts.forEachChild(node, (child) => {
    next = lowerExpression(ctx, child, next);
  });
  return next;
}

function withNote(cursor: Cursor, note: string): Cursor {
  return cursor.map((edge) => ({ from: edge.from, note }));
}


/** Promise methods whose callbacks run before the promise they return settles. */
const PROMISE_CHAIN = new Set(['then', 'catch', 'finally']);

/** `p.then(…)`, `p.catch(…)`, `p.finally(…)`. */
function isPromiseChainCall(node: ts.CallExpression): boolean {
  const callee = unwrap(node.expression);
  return ts.isPropertyAccessExpression(callee) && PROMISE_CHAIN.has(callee.name.text);
}

/**
 * A call whose promise nobody waits for: a statement of its own (`notify(id);`), under
 * `void`, or the start of a `.then`/`.catch`/`.finally` chain that is itself dropped
 * (`report(e).catch(log);`). A result that is stored, returned or passed on may be awaited
 * later, so it is not dropped.
 */
function isDropped(node: ts.CallExpression): boolean {
  let current: ts.Node = node;
  for (;;) {
    const parent: ts.Node = current.parent;
    if (ts.isParenthesizedExpression(parent)) current = parent;
    else if (ts.isPropertyAccessExpression(parent) && parent.expression === current && PROMISE_CHAIN.has(parent.name.text) && ts.isCallExpression(parent.parent) && parent.parent.expression === parent) current = parent.parent;
    else return ts.isExpressionStatement(parent) || ts.isVoidExpression(parent);
  }
}

function lowerCall(ctx: TsUnitContext, node: ts.CallExpression, cursor: Cursor, awaited: boolean): Cursor {
  const callee = unwrap(node.expression);
  let next = cursor;
  // `stream.pipe(res)`: the stream runs to its end while the response is written (as awaited).
  const piped = ts.isPropertyAccessExpression(callee) && (ctx.catalog.drainingMethods ?? []).includes(callee.name.text);
  // `await fetch(url).then((r) => r.json())`: awaiting the chain awaits the promise it starts from.
  const chained = awaited && isPromiseChainCall(node);
  if (ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee)) next = lowerExpression(ctx, callee.expression, next, piped || chained);
  else if (!ts.isIdentifier(callee)) next = lowerExpression(ctx, callee, next);
  // `await Promise.all([fetch(a), execAsync(b)])`: every element is awaited with it.
  const combined = awaited && isPromiseCombinator(callee);
  for (const arg of node.arguments) {
    const value = unwrap(arg);
    if (combined && ts.isArrayLiteralExpression(value)) for (const element of value.elements) next = lowerExpression(ctx, element, next, true);
    else next = lowerExpression(ctx, arg, next);
  }
  noteCallbackScope(ctx, node);
  noteStructuralScope(ctx, node);
  // A query on another connection (`pool.query()` next to a held client) when nothing else is
  // known about the call; a chain's query is counted once, at its innermost awaited call.
  // `res.on('finish', () => client.release())`: released when the response ends (see `response-end.ts`).
  noteResponseEndReleases(ctx, node);
  // `passport.authenticate('google', (err, user) => …)(req, res, next)`: the strategy's token
  // exchange, then its callback.
  const exchange = lowerPassportExchange(ctx, node, next);
  if (exchange) return exchange;
  const found = callEffect(ctx, node, callee, awaited) ?? (awaited && !chained ? holderQueryEffect(ctx, node, ctx.span(node)) : undefined);
  // Express's `next();` in a middleware that keeps a client until the response ends: the routes
  // behind it run while it is held, and the response ends after them.
  const untilResponseEnd = found?.kind === 'call' && isResponseEndNext(ctx, node);
  const effect = found?.kind === 'call' && !awaited && !untilResponseEnd && isDropped(node) ? { ...found, floating: true } : found;
  let after = effect ? ctx.emit(next, effect) : next;
  if (untilResponseEnd) for (const release of ctx.responseEndReleases) after = ctx.emit(after, release);
  // `await events.emitAsync('order.paid', …)`: every listener of the event runs before it returns.
  if (!effect && awaited) for (const listener of awaitedListenerCalls(ctx, node, callee)) after = ctx.emit(after, listener);
  // `return knex.transaction(fn)`: the unit runs its parameter inside the transaction.
  after = lowerForwardedScope(ctx, node, after);
  // `router.post('/x', auth, handler)`: each middleware's `next()` runs what is registered after it.
  for (const chained of middlewareChainCalls(ctx, node, (value) => registeredCallable(ctx, value))) after = ctx.emit(after, chained);
  // `done(client)`: a helper of this file that releases what it is given.
  for (const release of helperReleases(ctx, node)) after = ctx.emit(after, release);
  return chained ? runChainCallbacks(ctx, node, after) : after;
}

/**
 * The callbacks of an awaited `.then(…)`/`.catch(…)`/`.finally(…)` run before the await
 * returns: each is called here (as project code, so slow work inside counts).
 */
function runChainCallbacks(ctx: TsUnitContext, node: ts.CallExpression, cursor: Cursor): Cursor {
  let next = cursor;
  for (const arg of node.arguments) {
    const value = unwrap(arg);
    if (!ts.isArrowFunction(value) && !ts.isFunctionExpression(value)) continue;
    const target: CallTarget = { type: 'closure', file: ctx.facts.file, start: value.getStart(ctx.facts.source) };
    const method = (unwrap(node.expression) as ts.PropertyAccessExpression).name.text;
    next = ctx.emit(next, { kind: 'call', target, display: `the \`.${method}()\` callback`, span: ctx.span(value) });
    for (const release of chainReleases(ctx, value)) next = ctx.emit(next, release);
  }
  return next;
}

/**
 * `.then(() => session.endSession())`: a callback of the chain that releases a resource this
 * unit holds. The callback is a unit of its own and does not know the variable, so the release
 * is also emitted here, after the call into it (the chain runs in order).
 */
function chainReleases(ctx: TsUnitContext, callback: ts.ArrowFunction | ts.FunctionExpression): Effect[] {
  const shadowed = new Set(callback.parameters.flatMap((p) => (ts.isIdentifier(p.name) ? [p.name.text] : [])));
  const releases: Effect[] = [];
  const visit = (child: ts.Node): void => {
    if (isFunctionLike(child)) return;
    if (ts.isCallExpression(child)) {
      const callee = unwrap(child.expression);
      const root = ts.isPropertyAccessExpression(callee) ? unwrap(callee.expression) : callee;
      if (ts.isIdentifier(root) && !shadowed.has(root.text)) {
        const effect = heldCallEffect(ctx, callee, calleeDisplay(callee, ctx.facts.source), ctx.span(child));
        if (effect?.kind === 'close') releases.push(effect);
      }
    }
    ts.forEachChild(child, visit);
  };
  if (ts.isBlock(callback.body)) callback.body.statements.forEach(visit);
  else visit(callback.body);
  return releases;
}

/**
 * A returned value that is awaited before the function's result settles: any value in an
 * async function (`return fetch(url).then(…)`), and a promise built around a callback API
 * (`return new Promise((resolve) => https.get(url, …))`), which is made to be awaited.
 */
export function returnsAwaited(fn: ts.Node | undefined, value: ts.Expression): boolean {
  const expr = unwrap(value);
  if (ts.isNewExpression(expr) && ts.isIdentifier(unwrap(expr.expression)) && (unwrap(expr.expression) as ts.Identifier).text === 'Promise') return true;
  // `return p.then(…).catch(…)`: the caller waits for the whole chain, in order.
  if (ts.isCallExpression(expr) && isPromiseChainCall(expr)) return true;
  return fn !== undefined && isFunctionLike(fn) && (ts.getCombinedModifierFlags(fn) & ts.ModifierFlags.Async) !== 0;
}

/** The function a node is in (undefined at a module's top level). */
export function enclosingFunction(node: ts.Node): ts.FunctionLikeDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionLike(current)) return current;
  }
  return undefined;
}


function isPromiseCombinator(callee: ts.Expression): boolean {
  return (
    ts.isPropertyAccessExpression(callee) &&
    ts.isIdentifier(callee.expression) &&
    callee.expression.text === 'Promise' &&
    ['all', 'allSettled', 'race', 'any'].includes(callee.name.text)
  );
}

/** What a call does: release a held client, slow work from the catalog, or project code. */
function callEffect(ctx: TsUnitContext, node: ts.CallExpression, callee: ts.Expression, awaited: boolean): Effect | undefined {
  const span = ctx.span(node);
  const display = calleeDisplay(callee, ctx.facts.source);
  const { imports } = ctx.facts;
  // `client.query('BEGIN')` on a client this unit did not acquire: a transaction of its own.
  const transaction = transactionEffect(ctx, node, callee, display, span, (receiver) => isTrackedValue(ctx, receiver));
  if (transaction) return transaction;
  // `await initTransaction(req)` … `commitTransaction(req)`: project helpers that begin and end one.
  const helperTransaction = helperTransactionEffect(ctx, node, callee, display, span);
  if (helperTransaction) return helperTransaction;
  // A release of a held resource; anything else on it (a query) is what it is for: a use, not slow.
  const held = heldCallEffect(ctx, callee, display, span);
  if (held) return held;
  // `redis.set(key, token, { nx: true })` … `redis.del(key)`: a lock taken and released by key.
  const keyed = keyedLockEffect(ctx, node, callee, display, span);
  if (keyed) return keyed;
  if (ts.isPropertyAccessExpression(callee)) {
    const receiver = unwrap(callee.expression);
    const method = callee.name.text;
    if (receiver.kind === ts.SyntaxKind.ThisKeyword && ctx.className) {
      // `this.createPaymentFn(…)`, a property the constructor copied from its options: the
      // functions the project's `new` sites give (configuration picks one), or the one function
      // they all give (a plain call of it). A property with an initializer keeps its own lowering.
      const property = imports.modules ? declaredProperty(callee, method) : undefined;
      const configured = property ? projectCallTarget(imports.modules!, callee) : undefined;
      if (configured?.type === 'configured' || (configured && !property!.initializer && (configured.type === 'function' || configured.type === 'closure'))) return call(configured, node, display, span, ctx);
      return call({ type: 'method', className: ctx.className, method }, node, display, span, ctx);
    }
    // `s3.send(command)`, `stripe.charges.create(…)`: calls of an SDK client. What a receiver
    // is costs a lookup across modules: only asked when the method name could be a client's.
    const clients = clientMethods(ctx.catalog);
    const client = clients.methods.has(method) ? clientOf(ctx, receiver) : undefined;
    if (client?.kind && client.methods?.includes(method)) return { kind: 'slow', slowKind: client.kind, callee: display, span };
    const owner = clients.resourceMethods && ts.isPropertyAccessExpression(receiver) ? clientOf(ctx, unwrap(receiver.expression)) : undefined;
    if (owner?.kind && owner.resourceMethods) return { kind: 'slow', slowKind: owner.kind, callee: display, span };
    // `storage.run(store, work)`: a call of `work`, here.
    const ran = callbackRun(ctx, node, display, span);
    if (ran) return ran;
  }
  const ref = resolveRef(imports.bindings, callee);
  // `await once(req, 'response')`: the event comes after the request's round trip.
  const event = awaited ? awaitedEventWork(ctx, node) : undefined;
  if (event) return { kind: 'slow', slowKind: event.kind, callee: event.callee, ...(event.detail ? { detail: event.detail } : {}), span };
  const entry = ref ? slowExportOf(ctx.catalog, ref, true) : eitherModuleExport(ctx, callee);
  if (entry) return slowEffect(entry, display, span, awaited);
  // Project code of another module: an imported function, a method of an exported or new
  // instance (`billing.charge()`); a local name is left to the lookups below. With only this
  // file known (no project), exported function declarations behind relative imports.
  let project: CallTarget | undefined;
  if (imports.modules) project = ref || !ts.isIdentifier(callee) ? projectCallTarget(imports.modules, callee) : undefined;
  else project = ref && importedFunction(ctx.facts.file, ref);
  if (project) return call(project, node, display, span, ctx);
  if (ref) return undefined;
  // `options.fn()`, or `fn()` with `{ fn }` destructured from a parameter: a callback its
  // callers give inside an options object (`withRedisLock({ key, fn })`).
  const optionsCallback = optionsCallbackTarget(ctx, callee);
  if (optionsCallback) {
    if (optionsCallback.captured === undefined) noteRunsCallbacks(ctx);
    return call(optionsCallback, node, display, span, ctx);
  }
  // `email.sendEmail(…)` on a value typed with an object type the project writes inline: the
  // functions the project's object literals of that type give (`type-slots.ts`), one of which
  // the configuration picks.
  const slot = ts.isPropertyAccessExpression(callee) ? ctx.facts.types?.calledSlot?.(callee) : undefined;
  if (slot !== undefined) return call({ type: 'configured', targets: [{ type: 'registry', key: slot }] }, node, display, span, ctx);
  if (ts.isIdentifier(callee)) {
    const name = callee.text;
    const parameter = ctx.parameters.get(name);
    if (parameter !== undefined) {
      noteRunsCallbacks(ctx);
      return call({ type: 'parameter', index: parameter }, node, display, span, ctx);
    }
    // `work(client)` in `withClient(async (client) => work(client))`: `work` is a parameter of
    // the function the closure is written in; the engine resolves it through what that
    // function's caller bound (a parameter shadows a function of the same name). The closure's
    // resources are not marked as lent to callbacks (no `noteRunsCallbacks`): the one it
    // typically has, a `BEGIN` on the client it is given, runs on a client the helper it is
    // passed to holds, and that hold already covers the callback (one finding, as for a
    // transaction on a client a unit acquired itself).
    const captured = capturedParameter(callee);
    if (captured) return call(captured, node, display, span, ctx);
    const local = ctx.facts.functions.get(name);
    if (local) return call(local, node, display, span, ctx);
    const global = Object.prototype.hasOwnProperty.call(ctx.catalog.globals, name) ? ctx.catalog.globals[name] : undefined;
    if (global) return slowEffect(global, display, span, awaited);
  }
  return undefined;
}

/**
 * A library method that calls one of its arguments at once and returns what it returns
 * (`storage.run(store, work)`, catalog `runs`): a call of that argument (a closure, a function,
 * or a parameter the unit's callers bind), so what the callback does happens here, with what
 * the unit holds. Its own arguments are the library's, not the callback's: none are bound.
 */
function callbackRun(ctx: TsUnitContext, node: ts.CallExpression, display: string, span: Effect['span']): CallEffect | undefined {
  const arg = runnerCallback(ctx, node);
  if (!arg) return undefined;
  const value = unwrap(arg);
  const callable = passedCallable(ctx, 0, value);
  if (!callable) return undefined;
  // The unit's own parameter: its resources are held around its callers' callbacks.
  if (ts.isIdentifier(value) && ctx.parameters.has(value.text)) noteRunsCallbacks(ctx);
  return { kind: 'call', target: callable.target, display, span };
}

function slowEffect(entry: NodeSlowExport, display: string, span: Effect['span'], awaited: boolean): Effect | undefined {
  if (entry.whenAwaited && !awaited) return undefined;
  return { kind: 'slow', slowKind: entry.kind, callee: display, span };
}

/** A closure written at a registration, or a function of this file or another module named there. */
function registeredCallable(ctx: TsUnitContext, value: ts.Expression): CallTarget | undefined {
  const node = unwrap(value);
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return { type: 'closure', file: ctx.facts.file, start: node.getStart(ctx.facts.source) };
  if (!ts.isIdentifier(node) || ctx.parameters.has(node.text)) return undefined;
  return ctx.facts.functions.get(node.text) ?? importedCallable(ctx, node);
}

/** A function of another module passed by name (`withClient(renderReport)`). */
function importedCallable(ctx: TsUnitContext, value: ts.Identifier): CallTarget | undefined {
  const modules = ctx.facts.imports.modules;
  if (!modules || !ctx.facts.imports.bindings.has(value.text)) return undefined;
  const known = modules.valueOf(value);
  return known?.kind === 'function' ? known.target : undefined;
}

type Callable = NonNullable<CallEffect['callables']>[number];

function call(target: CallTarget, node: ts.CallExpression, display: string, span: Effect['span'], ctx: TsUnitContext): CallEffect {
  const callables: Callable[] = [];
  node.arguments.forEach((arg, index) => {
    const value = unwrap(arg);
    if (ts.isObjectLiteralExpression(value)) {
      // `withLock({ key, fn: async () => … })`: each function-valued property, bound to the
      // callee's `options.fn` (or its destructured `fn`).
      for (const { property, value: member } of objectLiteralFunctions(value)) {
        const callable = passedCallable(ctx, index, ts.isMethodDeclaration(member) ? member : unwrap(member));
        if (callable) callables.push({ ...callable, property });
      }
      return;
    }
    const callable = passedCallable(ctx, index, value);
    if (callable) callables.push(callable);
  });
  // How many arguments, and which object literals (`{ relations }`): a callee's options
  // left out or without a property it tests (`option-arguments.ts`).
  const positional = !node.arguments.some((arg) => ts.isSpreadElement(arg));
  const literalArguments = positional
    ? node.arguments.flatMap((arg, index) => {
        const value = objectLiteralKey(arg);
        return value === undefined ? [] : [{ index, value }];
      })
    : [];
  return {
    kind: 'call',
    target,
    ...(callables.length > 0 ? { callables } : {}),
    display,
    span,
    ...(positional ? { argumentCount: node.arguments.length } : {}),
    ...(literalArguments.length > 0 ? { literalArguments } : {}),
  };
}

/** What an argument (or an options object's property) hands the callee to run, if it is a callable. */
function passedCallable(ctx: TsUnitContext, index: number, value: ts.Expression | ts.MethodDeclaration): Callable | undefined {
  if (ts.isArrowFunction(value) || ts.isFunctionExpression(value) || ts.isMethodDeclaration(value)) {
    const target: CallTarget = { type: 'closure', file: ctx.facts.file, start: value.getStart(ctx.facts.source) };
    return capturesParameters(value) ? { index, target, captures: true } : { index, target };
  }
  // `withLock({ fn: options.fn })`, `run({ fn })` with `{ fn }` destructured: passed on.
  const forwarded = optionsCallbackTarget(ctx, value);
  if (forwarded) return { index, target: forwarded };
  if (!ts.isIdentifier(value)) return undefined;
  // `withClient(fn)` inside `withTransaction(fn)`: whatever the caller bound to `fn`.
  const parameter = ctx.parameters.get(value.text);
  if (parameter !== undefined) return { index, target: { type: 'parameter', index: parameter } };
  const captured = capturedParameter(value);
  if (captured) return { index, target: captured };
  const local = ctx.facts.functions.get(value.text) ?? importedCallable(ctx, value);
  return local ? { index, target: local } : undefined;
}

/**
 * A callback given inside an options object: `fn` destructured from a parameter (`{ key, fn }`),
 * the unit's own or (captured) of a function around it; or `options.fn` of the unit's own
 * parameter whose declared type says `fn` is a function.
 */
function optionsCallbackTarget(ctx: TsUnitContext, callee: ts.Expression): Extract<CallTarget, { type: 'parameter' }> | undefined {
  if (ts.isIdentifier(callee)) {
    const own = ctx.parameterProperties.get(callee.text);
    if (own) return { type: 'parameter', index: own.index, property: own.property };
    const captured = capturedParameter(callee);
    return captured?.type === 'parameter' && captured.property !== undefined ? captured : undefined;
  }
  if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.name)) return undefined;
  const receiver = unwrap(callee.expression);
  if (!ts.isIdentifier(receiver)) return undefined;
  // Only a member the parameter's declared type says is a function: `data.map()` on an
  // array parameter is not a callback its callers give.
  const property = callee.name.text;
  const index = ctx.parameters.get(receiver.text);
  return index !== undefined && ctx.parameterCallables.get(receiver.text)?.has(property) ? { type: 'parameter', index, property } : undefined;
}

/**
 * A name that is a parameter of a function around the one it is used in (a closure reading
 * its enclosing function's `work`): the nearest function that binds the name, unless a
 * declaration in between shadows it. Only plain (not destructured) parameters, as for a
 * unit's own. Undefined for the unit's own parameters and for anything else.
 */
export function capturedParameter(id: ts.Identifier): CallTarget | undefined {
  const name = id.text;
  // Most names are no parameter of any function around them: a cheap walk first.
  if (!boundByEnclosingParameter(id, name)) return undefined;
  let levels = 0;
  for (let scope: ts.Node | undefined = id.parent; scope && !ts.isSourceFile(scope); scope = scope.parent) {
    if (isFunctionLike(scope)) {
      const bound = scope.parameters.findIndex((p) => bindsName(p.name, name));
      if (bound >= 0) {
        if (levels === 0) return undefined;
        const parameter = scope.parameters[bound]!.name;
        if (ts.isIdentifier(parameter)) return { type: 'parameter', index: bound, captured: levels };
        // `{ fn }` destructured from an options parameter: that property of it.
        const slot = destructuredParameters([scope.parameters[bound]!]).get(name);
        return slot ? { type: 'parameter', index: bound, captured: levels, property: slot.property } : undefined;
      }
      // A named function expression binds its own name inside it.
      if (ts.isFunctionExpression(scope) && scope.name?.text === name) return undefined;
      levels++;
      continue;
    }
    if (ts.isCatchClause(scope) && scope.variableDeclaration && bindsName(scope.variableDeclaration.name, name)) return undefined;
    if ((ts.isForStatement(scope) || ts.isForOfStatement(scope) || ts.isForInStatement(scope)) && scope.initializer && ts.isVariableDeclarationList(scope.initializer)) {
      if (scope.initializer.declarations.some((d) => bindsName(d.name, name))) return undefined;
    }
    if ((ts.isBlock(scope) || ts.isCaseBlock(scope)) && blockNames(scope).has(name)) return undefined;
  }
  return undefined;
}

function boundByEnclosingParameter(id: ts.Identifier, name: string): boolean {
  for (let scope: ts.Node | undefined = id.parent; scope && !ts.isSourceFile(scope); scope = scope.parent) {
    if (isFunctionLike(scope) && scope.parameters.some((p) => bindsName(p.name, name))) return true;
  }
  return false;
}

/** The names a block declares, collected once per block: bundles have blocks of thousands of statements. */
const namesByBlock = new WeakMap<ts.Node, Set<string>>();

function blockNames(scope: ts.Block | ts.CaseBlock): Set<string> {
  let names = namesByBlock.get(scope);
  if (names) return names;
  names = new Set();
  const statements = ts.isBlock(scope) ? scope.statements : scope.clauses.flatMap((clause) => [...clause.statements]);
  for (const statement of statements) for (const name of declaredNames(statement)) names.add(name);
  namesByBlock.set(scope, names);
  return names;
}

function declaredNames(statement: ts.Statement): string[] {
  if (ts.isVariableStatement(statement)) return statement.declarationList.declarations.flatMap((d) => bindingNames(d.name));
  if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) return [statement.name.text];
  return [];
}


/**
 * The names a call's callee or argument may run: `fn`, and the values an options object
 * literal gives (`{ fn }`, `{ fn: work }`).
 */
function namesPassedOrCalled(expression: ts.Expression): ts.Identifier[] {
  const value = unwrap(expression);
  if (ts.isIdentifier(value)) return [value];
  if (ts.isObjectLiteralExpression(value)) {
    return objectLiteralFunctions(value).flatMap(({ value: member }) => (ts.isMethodDeclaration(member) ? [] : namesPassedOrCalled(member)));
  }
  return [];
}

/** Nodes looked at for captured calls in one closure; a bigger closure is assumed to have some. */
const MAX_CAPTURE_SCAN = 5000;

/**
 * Whether a closure passed at a call calls (or passes on) a parameter of a function outside
 * it: then the engine hands it the bindings of the unit that passes it. Nested closures count
 * (they reach the parameter through this one).
 */
function capturesParameters(closure: ts.ArrowFunction | ts.FunctionExpression | ts.MethodDeclaration): boolean {
  let seen = 0;
  let found = false;
  const outside = (target: CallTarget | undefined, id: ts.Identifier): boolean => {
    if (target?.type !== 'parameter' || target.captured === undefined) return false;
    // The binding function is outside the closure when it is more levels out than the
    // functions between the name and the closure.
    let inner = 0;
    for (let scope: ts.Node | undefined = id.parent; scope && scope !== closure; scope = scope.parent) if (isFunctionLike(scope)) inner++;
    return target.captured > inner;
  };
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (++seen > MAX_CAPTURE_SCAN) {
      found = true;
      return;
    }
    if (ts.isCallExpression(node)) {
      const names = [node.expression, ...node.arguments].flatMap(namesPassedOrCalled);
      if (names.some((id) => outside(capturedParameter(id), id))) {
        found = true;
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(closure, visit);
  return found;
}

/** The property (not a method) of this name the class around `node` declares: `private readonly createPaymentFn: CreatePaymentFn`. */
function declaredProperty(node: ts.Node, name: string): ts.PropertyDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isClassLike(current)) return current.members.find((m): m is ts.PropertyDeclaration => ts.isPropertyDeclaration(m) && ts.isIdentifier(m.name) && m.name.text === name);
    if (ts.isFunctionLike(current) && !ts.isArrowFunction(current) && !ts.isMethodDeclaration(current) && !ts.isConstructorDeclaration(current) && !ts.isAccessor(current)) return undefined;
  }
  return undefined;
}
