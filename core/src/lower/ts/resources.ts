import * as ts from 'typescript';
import { calleeDisplay, shortText } from './display';
import { structuralAcquisition, structuralScopeAt } from './structural';
import { heldResourceModules, type NodeCatalog, type NodeHeldResource, type NodeResourceScope } from '../../catalog';
import type { Cursor } from '../../ir/cfg-builder';
import type { Effect } from '../../ir/effects';
import type { HeldResourceInfo } from '../../ir/unit';
import type { Span } from '../../model/span';
import type { ScopeOpen, TsFileFacts, TsUnitContext } from './context';
import { holderEntryOf, holderIn } from './holders';
import { resolveRef } from './import-refs';
import { isFunctionLiteral, unwrap } from './syntax';
import { noteKeyedLockResult } from './keyed-locks';
import { noteHelperTransactionResult } from './transaction-helpers';
import { openInterceptions } from './intercepted-methods';

/**
 * Held resources of the TypeScript lowering, all from the catalog (`NodeCatalog.heldResources`):
 * - acquire/release pairs: `const client = await pool.connect()` … `client.release()`, and
 *   acquires that return the release function (`const release = await mutex.acquire()`);
 * - callback scopes: `prisma.$transaction(async (tx) => …)` runs the callback with the
 *   resource held, so the callback's unit starts with it open;
 * - decorators: `@Transactional()` methods run their whole body with a transaction held.
 * A unit that calls a callback it was given while holding a resource (`withClient(fn)`) is
 * marked, so that callers passing slow callbacks are checked for it (see the flow engine's
 * `slowUnderOwnLock`).
 */



/** A callback written in place, through parentheses and type assertions. */
function isCallback(node: ts.Expression): boolean {
  return isFunctionLiteral(unwrap(node));
}

/** What a value acquires: `await pool.connect()`, `lock(file)`, `getClient()` (a helper returning one). */
interface Acquisition {
  readonly entry: NodeHeldResource;
  readonly api: string;
  readonly expr: ts.CallExpression;
  readonly note: string;
  readonly holder: string;
}

function acquisitionOf(ctx: TsUnitContext, value: ts.Expression | undefined): Acquisition | undefined {
  if (!value) return undefined;
  let expr = unwrap(value);
  if (ts.isAwaitExpression(expr)) expr = unwrap(expr.expression);
  if (!ts.isCallExpression(expr)) return undefined;
  const callee = unwrap(expr.expression);
  let entry: NodeHeldResource | undefined;
  let method: string;
  let holder: string;
  if (ts.isPropertyAccessExpression(callee)) {
    entry = holderEntryOf(ctx, callee.expression);
    method = callee.name.text;
    holder = shortText(ctx.text(callee.expression));
    // `db.getClient()`: a function of another module (`const db = require('./db')`).
    const helper = entry ? undefined : ctx.facts.imports.modules?.acquiredBy(callee);
    if (helper) return { entry: helper.entry, api: calleeDisplay(callee, ctx.facts.source), expr, note: ` (it returns \`${helper.api}\`)`, holder };
  } else if (ts.isIdentifier(callee)) {
    // `import { lock } from 'proper-lockfile'`: the module's own function.
    const ref = ctx.facts.imports.bindings.get(callee.text);
    // A helper of this file, or (`import { getClient } from './db'`) of another module.
    const helper = ref ? ctx.facts.imports.modules?.acquiredBy(callee) : acquiringHelpers(ctx.facts).get(callee.text);
    if (helper) return { entry: helper.entry, api: `${callee.text}()`, expr, note: ` (it returns \`${helper.api}\`)`, holder: callee.text };
    if (!ref) return undefined;
    entry = ctx.catalog.heldResources.find((e) => e.made === 'module' && heldResourceModules(e).includes(ref.module) && e.acquire.includes(ref.name));
    method = ref.name;
    holder = callee.text;
  } else {
    return undefined;
  }
  if (!entry || !entry.acquire.includes(method)) return undefined;
  // `knex.transaction(async (trx) => …)` is a callback scope, not an acquire.
  if (entry.scopes?.some((scope) => scope.method === method) && expr.arguments.some(isCallback)) return undefined;
  return { entry, api: calleeDisplay(callee, ctx.facts.source), expr, note: '', holder };
}

/**
 * `const client = await pool.connect()` (or an assignment): the variable now holds a
 * resource of this unit. Returns the cursor after the open.
 */
export function acquire(ctx: TsUnitContext, name: ts.Identifier, value: ts.Expression | undefined, cursor: Cursor): Cursor {
  noteKeyedLockResult(ctx, name, value);
  noteHelperTransactionResult(ctx, name, value);
  const found = acquisitionOf(ctx, value) ?? structuralAcquisition(ctx, name, value);
  // A tuple (`semaphore.acquire()`) is held through its release element only.
  if (!found || found.entry.releaseIndex !== undefined) return cursor;
  return acquireFrom(ctx, name, found.entry, found.api, found.expr, cursor, found.note, found.holder);
}

/** `const [value, release] = await semaphore.acquire()`: the tuple's release element holds it. */
export function acquireDestructured(ctx: TsUnitContext, pattern: ts.BindingName | ts.Expression, value: ts.Expression | undefined, cursor: Cursor): Cursor {
  const target = ts.isArrayBindingPattern(pattern) || ts.isArrayLiteralExpression(pattern) ? pattern : undefined;
  if (!target) return cursor;
  const found = acquisitionOf(ctx, value);
  if (!found || found.entry.releaseIndex === undefined) return cursor;
  const element = target.elements[found.entry.releaseIndex];
  const name = element && ts.isBindingElement(element) ? element.name : element;
  if (!name || !ts.isIdentifier(name)) return cursor;
  return acquireFrom(ctx, name, found.entry, found.api, found.expr, cursor, found.note, found.holder);
}

function acquireFrom(
  ctx: TsUnitContext,
  name: ts.Identifier,
  entry: NodeHeldResource,
  api: string,
  expr: ts.CallExpression,
  cursor: Cursor,
  note: string,
  holder: string,
): Cursor {
  const variable = name.text;
  // `const release = await mutex.acquire()`: messages name the mutex, not its release function.
  const display = entry.releaseFunction ? holder : variable;
  const id = `${entry.kind}:${ctx.unitId}:${variable}`;
  let held = ctx.held.get(variable);
  if (!held || held.info.id !== id) {
    const info: HeldResourceInfo = {
      id,
      unit: ctx.unitId,
      variable: display,
      noun: entry.noun,
      consequence: entry.consequence,
      ...(entry.lock ? { lock: true } : {}),
      ...(entry.pooled ? { pooled: true } : {}),
    };
    held = { info, entry };
    ctx.held.set(variable, held);
    if (!ctx.facts.heldResources.some((r) => r.id === id)) ctx.facts.heldResources.push(info);
  }
  return ctx.emit(cursor, {
    kind: 'open',
    resource: id,
    mode: 'lock',
    api,
    span: ctx.span(expr),
    label: `\`${display}\` is acquired here by \`${api}\`${note}`,
  });
}

const helpersByFile = new WeakMap<TsFileFacts, Map<string, { entry: NodeHeldResource; api: string }>>();

/**
 * Functions of the file that return a freshly acquired resource (`function getClient() {
 * return pool.connect(); }`): their callers hold what they return.
 */
function acquiringHelpers(facts: TsFileFacts): Map<string, { entry: NodeHeldResource; api: string }> {
  let helpers = helpersByFile.get(facts);
  if (helpers) return helpers;
  helpers = new Map();
  helpersByFile.set(facts, helpers);
  const found = helpers;
  const returned = (value: ts.Expression | undefined): { entry: NodeHeldResource; api: string } | undefined => {
    if (!value) return undefined;
    let expr = unwrap(value);
    if (ts.isAwaitExpression(expr)) expr = unwrap(expr.expression);
    if (!ts.isCallExpression(expr)) return undefined;
    const callee = unwrap(expr.expression);
    if (!ts.isPropertyAccessExpression(callee) || expr.arguments.some(isCallback)) return undefined;
    const entry = holderIn(facts, callee.expression);
    if (!entry || entry.releaseFunction || !entry.acquire.includes(callee.name.text)) return undefined;
    return { entry, api: `${shortText(callee.getText(facts.source))}()` };
  };
  const returnsOf = (fn: ts.FunctionLikeDeclaration): { entry: NodeHeldResource; api: string } | undefined => {
    if (!fn.body) return undefined;
    if (!ts.isBlock(fn.body)) return returned(fn.body);
    let result: { entry: NodeHeldResource; api: string } | undefined;
    const visit = (node: ts.Node): void => {
      if (result) return;
      if (ts.isReturnStatement(node)) result = returned(node.expression);
      else if (!ts.isFunctionLike(node)) ts.forEachChild(node, visit);
    };
    fn.body.statements.forEach(visit);
    return result;
  };
  for (const statement of facts.source.statements) {
    const declaration = ts.isExportAssignment(statement) ? undefined : statement;
    if (declaration && ts.isFunctionDeclaration(declaration) && declaration.name) {
      const helper = returnsOf(declaration);
      if (helper) found.set(declaration.name.text, helper);
    } else if (declaration && ts.isVariableStatement(declaration)) {
      for (const variable of declaration.declarationList.declarations) {
        const init = variable.initializer ? unwrap(variable.initializer) : undefined;
        if (ts.isIdentifier(variable.name) && init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) {
          const helper = returnsOf(init);
          if (helper) found.set(variable.name.text, helper);
        }
      }
    }
  }
  return helpers;
}

/**
 * A call on (or of) a held variable: its release (`client.release()`, `release()`), or a
 * `use` for anything else on it (`client.query()`, `trx('t')`: what the resource is for, not
 * slow for it, but it may throw, so a `catch` around it is entered). Calls on the parameter a
 * scope callback gets its resource as (`trx.insert()` in `knex.transaction(async (trx) => …)`)
 * are uses too.
 */
export function heldCallEffect(ctx: TsUnitContext, callee: ts.Expression, display: string, span: Span): Effect | undefined {
  let variable: string | undefined;
  let method: string | undefined;
  if (ts.isPropertyAccessExpression(callee)) {
    const receiver = unwrap(callee.expression);
    if (!ts.isIdentifier(receiver)) return undefined;
    variable = receiver.text;
    method = callee.name.text;
  } else if (ts.isIdentifier(callee)) {
    variable = callee.text;
  } else {
    return undefined;
  }
  const held = ctx.held.get(variable);
  if (!held) {
    const scoped = ctx.scopeParameters.get(variable);
    return scoped === undefined ? undefined : { kind: 'use', resource: scoped, api: display, span };
  }
  const releases = method === undefined ? held.entry.releaseFunction === true : held.entry.release.includes(method);
  if (!releases) return { kind: 'use', resource: held.info.id, api: display, span };
  return {
    kind: 'close',
    resource: held.info.id,
    how: 'write',
    api: display,
    span,
    label: `\`${held.info.variable}\` is released here by \`${display}\``,
  };
}

/** Callback scopes per file, by the callback's start. Parents are lowered before their closures. */
const scopesByFile = new WeakMap<TsFileFacts, Map<number, ScopeOpen>>();

/** `prisma.$transaction(async (tx) => …)`, `mutex.runExclusive(…)`: records the callback's scope. */
const scopeMethodsByCatalog = new WeakMap<NodeCatalog, Set<string>>();

/** Every method name that runs a callback scope of some catalog entry (`$transaction`, `runExclusive`). */
function scopeMethods(catalog: NodeCatalog): Set<string> {
  let methods = scopeMethodsByCatalog.get(catalog);
  if (methods) return methods;
  methods = new Set(catalog.heldResources.flatMap((entry) => [...(entry.scopes ?? []), ...(entry.heldScopes ?? [])].map((scope) => scope.method)));
  scopeMethodsByCatalog.set(catalog, methods);
  return methods;
}

export function noteCallbackScope(ctx: TsUnitContext, node: ts.CallExpression): void {
  const callee = unwrap(node.expression);
  if (!ts.isPropertyAccessExpression(callee)) return;
  const method = callee.name.text;
  if (method === 'then') {
    noteAcquiredThen(ctx, node, callee);
    return;
  }
  // Most calls are no scope: a name check first, before working out what the receiver is.
  if (!scopeMethods(ctx.catalog).has(method)) return;
  let entry: NodeHeldResource | undefined;
  let scope: NodeResourceScope | undefined;
  const receiver = unwrap(callee.expression);
  const held = ts.isIdentifier(receiver) ? ctx.held.get(receiver.text) : undefined;
  if (held) {
    entry = held.entry;
    scope = held.entry.heldScopes?.find((s) => s.method === method);
  } else {
    entry = holderEntryOf(ctx, receiver);
    scope = entry?.scopes?.find((s) => s.method === method);
  }
  if (!entry || !scope) return;
  const callbacks = node.arguments.filter(isCallback);
  const callback = callbacks[callbacks.length - 1];
  if (!callback) return;
  const fn = unwrap(callback) as ts.ArrowFunction | ts.FunctionExpression;
  const first = fn.parameters[0];
  const receiverName = held ? held.info.variable : shortText(ctx.text(receiver));
  const variable = (scope.name ?? 'parameter') === 'parameter' && first && ts.isIdentifier(first.name) ? first.name.text : receiverName;
  const api = calleeDisplay(callee, ctx.facts.source);
  let scopes = scopesByFile.get(ctx.facts);
  if (!scopes) scopesByFile.set(ctx.facts, (scopes = new Map()));
  scopes.set(fn.getStart(ctx.facts.source), {
    kind: entry.kind,
    variable,
    noun: scope.noun ?? entry.noun,
    consequence: scope.consequence ?? entry.consequence,
    api,
    span: ctx.span(callee),
    label: `\`${api}\` runs this callback with ${scope.noun ?? entry.noun} \`${variable}\` held`,
    releasedAtEnd: `\`${variable}\` is released only when the callback returns (by \`${api}\`)`,
    ...(entry.lock ? { lock: true } : {}),
  });
}

/**
 * `pool.connect().then(async (client) => { … client.release() })`, `mutex.acquire().then((release)
 * => …)`: the callback's first parameter holds what was acquired from its entry on.
 */
function noteAcquiredThen(ctx: TsUnitContext, node: ts.CallExpression, callee: ts.PropertyAccessExpression): void {
  const found = acquisitionOf(ctx, callee.expression);
  const callback = node.arguments[0];
  if (!found || found.entry.releaseIndex !== undefined || !callback || !isCallback(callback)) return;
  const fn = unwrap(callback) as ts.ArrowFunction | ts.FunctionExpression;
  const first = fn.parameters[0];
  if (!first || !ts.isIdentifier(first.name)) return;
  const name = first.name.text;
  const variable = found.entry.releaseFunction ? found.holder : name;
  let scopes = scopesByFile.get(ctx.facts);
  if (!scopes) scopesByFile.set(ctx.facts, (scopes = new Map()));
  scopes.set(fn.getStart(ctx.facts.source), {
    kind: found.entry.kind,
    variable,
    noun: found.entry.noun,
    consequence: found.entry.consequence,
    api: found.api,
    span: ctx.span(found.expr),
    label: `\`${variable}\` is acquired here by \`${found.api}\` and handed to this callback`,
    held: { name, entry: found.entry },
  });
}

/** The decorator's name when it is a held-resource decorator of the catalog (`@Transactional()`). */
function heldDecorator(ctx: TsUnitContext, node: ts.Node): ScopeOpen | undefined {
  if (!ts.canHaveDecorators(node)) return undefined;
  for (const decorator of ts.getDecorators(node) ?? []) {
    const expr = unwrap(decorator.expression);
    const target = ts.isCallExpression(expr) ? unwrap(expr.expression) : expr;
    const ref = resolveRef(ctx.facts.imports.bindings, target);
    if (!ref) continue;
    const entry = ctx.catalog.heldDecorators?.find((d) => d.name === ref.name && d.modules.includes(ref.module));
    if (!entry) continue;
    // Named without its type arguments and options (`@Transactional<Adapter>({ … })` reads
    // `@Transactional(…)`), which say nothing about what it holds.
    const args = ts.isCallExpression(expr) ? (expr.arguments.length > 0 ? '(…)' : '()') : '';
    const api = `@${shortText(ctx.text(target))}${args}`;
    return {
      kind: entry.kind,
      variable: api,
      noun: entry.noun,
      consequence: entry.consequence,
      api,
      span: ctx.span(decorator),
      label: `\`${api}\` runs this method inside a transaction`,
      releasedAtEnd: `the transaction of \`${api}\` ends only when the method returns`,
    };
  }
  return undefined;
}

/** A unit that runs with a resource held from its start: a callback scope or a decorated method. */
export function openAtEntry(ctx: TsUnitContext, node: ts.Node, cursor: Cursor): Cursor {
  cursor = openInterceptions(ctx, node, cursor);
  const scope = scopesByFile.get(ctx.facts)?.get(node.getStart(ctx.facts.source)) ?? heldDecorator(ctx, node) ?? structuralScopeAt(ctx, node);
  if (!scope) return cursor;
  const id = `${scope.kind}:${ctx.unitId}:${scope.variable}`;
  const info: HeldResourceInfo = {
    id,
    unit: ctx.unitId,
    variable: scope.variable,
    noun: scope.noun,
    consequence: scope.consequence,
    ...(scope.releasedAtEnd !== undefined ? { releasedAtEnd: scope.releasedAtEnd } : {}),
    ...(scope.lock ? { lock: true } : {}),
  };
  if (!ctx.facts.heldResources.some((r) => r.id === id)) ctx.facts.heldResources.push(info);
  // Its releases inside the callback (`client.release()`, `release()`) close it.
  if (scope.held) ctx.held.set(scope.held.name, { info, entry: scope.held.entry });
  else {
    // The callback's parameter that is the resource (`trx`): queries on it use it.
    const first = ts.isFunctionLike(node) ? node.parameters[0] : undefined;
    if (first && ts.isIdentifier(first.name) && first.name.text === scope.variable) ctx.scopeParameters.set(scope.variable, id);
  }
  return ctx.emit(cursor, { kind: 'open', resource: id, mode: 'lock', api: scope.api, span: scope.span, label: scope.label });
}

/** `fn(client)` where `fn` is a parameter: this unit's resources are held around its callers' callbacks. */
export function noteRunsCallbacks(ctx: TsUnitContext): void {
  const list = ctx.facts.heldResources;
  list.forEach((resource, index) => {
    if (resource.unit === ctx.unitId && !resource.runsCallbacks) list[index] = { ...resource, runsCallbacks: true };
  });
}
