import * as ts from 'typescript';
import { calleeDisplay, shortText } from './display';
import type { NodeCatalog, NodeHeldResource, NodeStructuralTransactions } from '../../catalog';
import type { Cursor } from '../../ir/cfg-builder';
import type { HeldResourceInfo } from '../../ir/unit';
import type { ScopeOpen, TsFileFacts, TsUnitContext } from './context';
import { resolveRef } from './import-refs';
import { isFunctionLiteral, unwrap } from './syntax';
import { holderEntryOf } from './holders';
import { runnerCallback } from './library-clients';

/**
 * Transactions recognised by their shape, for receivers the lowering cannot type: compiled
 * JavaScript, handles injected through constructors (`this.knex = options.knex`), returned by
 * project getters (`getDatabase()`), models of an ORM (`Member.transaction(…)`), parameters of
 * a project helper (`transaction(knex, handler)`). What counts is catalog data
 * (`NodeCatalog.structuralTransactions`):
 * - `x.transaction(async (trx) => …)` (a method of `scopes` with a function literal as its first
 *   or second argument) runs the callback inside a transaction;
 * - `x.transaction(fn)` / `x.transaction((trx) => fn(trx))` where `fn` is the unit's own
 *   parameter: the unit runs its caller's callback inside one (as `withClient(fn)` does), for
 *   catalog holders too (`knex.transaction(fn)`);
 * - `const trx = await x.transaction()` holds one when the unit also ends it
 *   (`trx.commit()`/`trx.rollback()`): the end is the evidence that it is a transaction.
 * Not: receivers the catalog knows (their own entries decide), `this.transaction()` (project
 * code), instances of project classes, values of modules that are no databases (`mobx`), and
 * browser stores' transactions (`db.transaction(['store'], 'readwrite')`, Dexie's
 * `db.transaction('rw', table, fn)`).
 */

/** A unit that starts with a transaction held: a scope of `resources.ts` whose callback parameter holds nothing it releases. */
type StructuralScope = Omit<ScopeOpen, 'held' | 'lock'> & { readonly held?: never; readonly lock?: never };

const scopesByFile = new WeakMap<TsFileFacts, Map<number, StructuralScope>>();



function matchesModule(patterns: readonly string[] | undefined, module: string): boolean {
  return (patterns ?? []).some((p) => (p.endsWith('/*') ? module === p.slice(0, -2) || module.startsWith(p.slice(0, -1)) : module === p));
}

function isProjectModule(module: string): boolean {
  return module.startsWith('./') || module.startsWith('../') || module.startsWith('/');
}

/** The identifier a receiver starts from: `this.db.knex` → `this`, `getDatabase().x` → `getDatabase`. */
function rootOf(node: ts.Expression): ts.Expression {
  let current = unwrap(node);
  for (let depth = 0; depth < 64; depth++) {
    if (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current)) current = unwrap(current.expression);
    else if (ts.isCallExpression(current)) current = unwrap(current.expression);
    else return current;
  }
  return current;
}

/** Initializers of the file's variables of this name (`const db = new Dexie('x')`). */
function initializersOf(facts: TsFileFacts, name: string): ts.Expression[] {
  const found: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === name && node.initializer) found.push(node.initializer);
    else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const left = unwrap(node.left);
      if (ts.isIdentifier(left) && left.text === name) found.push(node.right);
    }
    ts.forEachChild(node, visit);
  };
  visit(facts.source);
  return found;
}

function declaresClass(facts: TsFileFacts, name: string): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if ((ts.isClassDeclaration(node) || ts.isClassExpression(node)) && node.name?.text === name) found = true;
    else if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === name && node.initializer && ts.isClassExpression(unwrap(node.initializer))) found = true;
    else ts.forEachChild(node, visit);
  };
  visit(facts.source);
  return found;
}

/** A value made from a module that is no database, or an instance of a project class. */
function excludedValue(facts: TsFileFacts, entry: NodeStructuralTransactions, root: ts.Expression, depth: number): boolean {
  if (!ts.isIdentifier(root) || depth > 2) return false;
  const ref = facts.imports.bindings.get(root.text);
  if (ref) return matchesModule(entry.notModules, ref.module);
  for (const init of initializersOf(facts, root.text)) {
    let value = unwrap(init);
    if (ts.isAwaitExpression(value)) value = unwrap(value.expression);
    if (ts.isNewExpression(value)) {
      const ctor = unwrap(value.expression);
      // `new Database(config)` of the project: its own methods decide (project code wins).
      if (ts.isIdentifier(ctor) && declaresClass(facts, ctor.text)) return true;
      const made = resolveRef(facts.imports.bindings, ctor);
      if (made && (isProjectModule(made.module) || matchesModule(entry.notModules, made.module))) return true;
    }
    if ((ts.isNewExpression(value) || ts.isCallExpression(value) || ts.isPropertyAccessExpression(value)) && excludedValue(facts, entry, rootOf(value), depth + 1)) return true;
  }
  return false;
}

/** A class of this file that declares `method` itself (`class Batch { static transaction(fn) {…} }`). */
function declaresMember(facts: TsFileFacts, className: string, method: string): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if ((ts.isClassDeclaration(node) || ts.isClassExpression(node)) && node.name?.text === className) {
      found = node.members.some((m) => m.name !== undefined && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name)) && m.name.text === method);
    } else ts.forEachChild(node, visit);
  };
  visit(facts.source);
  return found;
}

/** A receiver whose transaction methods are recognised by shape. */
function structuralReceiver(ctx: TsUnitContext, entry: NodeStructuralTransactions, receiver: ts.Expression, method: string): boolean {
  const expr = unwrap(receiver);
  if (expr.kind === ts.SyntaxKind.ThisKeyword || expr.kind === ts.SyntaxKind.SuperKeyword) return false;
  // Type-aware mode: a value of a library that is no database (`store: Store` of tinybase).
  const typed = ctx.facts.types?.classOf(expr);
  if (typed && matchesModule(entry.notModules, typed.module)) return false;
  // A project class's own static method: project code wins.
  if (ts.isIdentifier(expr) && declaresMember(ctx.facts, expr.text, method)) return false;
  // An instance of a project class of another module (`import { db } from './db'`) whose
  // class declares `transaction()`: project code, followed as a call.
  const modules = ctx.facts.imports.modules;
  const known = modules?.valueOf(expr);
  if (known?.kind === 'instance' && modules!.declares(known.className, method)) return false;
  if (known?.kind === 'class' && modules!.declares(known.name, method)) return false;
  if (ts.isIdentifier(expr) && ctx.held.has(expr.text)) return false;
  if (holderEntryOf(ctx, expr)) return false;
  return !excludedValue(ctx.facts, entry, rootOf(expr), 0);
}

/** Arguments that make it a browser store's transaction: store-name arrays, mode strings. */
function browserShaped(entry: NodeStructuralTransactions, node: ts.CallExpression): boolean {
  return node.arguments.some((arg) => {
    const value = unwrap(arg);
    return ts.isArrayLiteralExpression(value) || (ts.isStringLiteralLike(value) && (entry.notModes ?? []).includes(value.text));
  });
}

/** The callback argument of a scope call: the first function (literal or identifier) at index 0 or 1. */
function callbackArgument(node: ts.CallExpression, accept: (value: ts.Expression) => boolean): ts.Expression | undefined {
  const index = node.arguments.findIndex((arg) => accept(unwrap(arg)));
  return index >= 0 && index <= 1 ? unwrap(node.arguments[index]!) : undefined;
}

interface ScopeCall {
  readonly kind: string;
  readonly noun: string;
  readonly consequence: string;
  readonly api: string;
  readonly receiver: string;
  /** Messages name it by the receiver (`mutex`), not by the callback's parameter. */
  readonly byReceiver?: boolean;
  /** Recognised by shape (the receiver's type is not known). */
  readonly structural: boolean;
}

const scopeMethodsOf = new WeakMap<NodeCatalog, Set<string>>();

/** Every method name that may run a callback inside a transaction (catalog scopes and shapes). */
function scopeMethods(catalog: NodeCatalog): Set<string> {
  let names = scopeMethodsOf.get(catalog);
  if (!names) {
    names = new Set([...(catalog.structuralTransactions?.scopes ?? []), ...catalog.heldResources.flatMap((e) => (e.scopes ?? []).map((s) => s.method))]);
    scopeMethodsOf.set(catalog, names);
  }
  return names;
}

/** A call that runs a callback inside a transaction: a catalog holder's scope, or one by shape. */
function scopeCall(ctx: TsUnitContext, node: ts.CallExpression, catalogToo: boolean): ScopeCall | undefined {
  const callee = unwrap(node.expression);
  if (ts.isIdentifier(callee)) return moduleScopeCall(ctx, callee);
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const method = callee.name.text;
  // Most calls are no scope at all: decide by the name before looking at the receiver.
  if (!scopeMethods(ctx.catalog).has(method) || (!catalogToo && !ctx.catalog.structuralTransactions?.scopes.includes(method))) return undefined;
  const receiver = unwrap(callee.expression);
  const api = calleeDisplay(callee, ctx.facts.source);
  const receiverText = shortText(ctx.text(receiver));
  if (ts.isIdentifier(receiver) && ctx.held.has(receiver.text)) return undefined;
  const holder = holderEntryOf(ctx, receiver);
  if (holder) {
    const scope = catalogToo ? holder.scopes?.find((s) => s.method === method) : undefined;
    if (!scope) return undefined;
    const byReceiver = scope.name === 'receiver';
    return { kind: holder.kind, noun: scope.noun ?? holder.noun, consequence: scope.consequence ?? holder.consequence, api, receiver: receiverText, structural: false, ...(byReceiver ? { byReceiver } : {}) };
  }
  const entry = ctx.catalog.structuralTransactions;
  if (!entry || !entry.scopes.includes(method) || browserShaped(entry, node) || !structuralReceiver(ctx, entry, receiver, method)) return undefined;
  return { kind: entry.kind, noun: entry.noun, consequence: entry.consequence, api, receiver: receiverText, structural: true };
}

/** `import { transaction } from 'objection'`: `transaction(knex, async (trx) => …)`, a module's own scope. */
function moduleScopeCall(ctx: TsUnitContext, callee: ts.Identifier): ScopeCall | undefined {
  const ref = ctx.facts.imports.bindings.get(callee.text);
  if (!ref) return undefined;
  for (const holder of ctx.catalog.heldResources) {
    if (holder.made !== 'module' || !(holder.module === ref.module || (holder.modules ?? []).includes(ref.module))) continue;
    const scope = holder.scopes?.find((s) => s.method === ref.name);
    if (scope) {
      return { kind: holder.kind, noun: scope.noun ?? holder.noun, consequence: scope.consequence ?? holder.consequence, api: `${callee.text}()`, receiver: ref.module, structural: false };
    }
  }
  return undefined;
}

function inference(scope: ScopeCall, method: string): string {
  return `\`${scope.receiver}\` is not typed here: \`${method}()\` is taken for a database transaction by its name`;
}

/** `this.knex.transaction(async (trx) => …)` on a receiver that is not typed: records the callback's scope. */
export function noteStructuralScope(ctx: TsUnitContext, node: ts.CallExpression): void {
  const scope = scopeCall(ctx, node, false);
  if (!scope) return;
  const callback = callbackArgument(node, isFunctionLiteral);
  if (!callback || !isFunctionLiteral(callback)) return;
  const first = callback.parameters[0];
  const variable = first && ts.isIdentifier(first.name) ? first.name.text : scope.api;
  const method = methodName(node);
  let scopes = scopesByFile.get(ctx.facts);
  if (!scopes) scopesByFile.set(ctx.facts, (scopes = new Map()));
  scopes.set(callback.getStart(ctx.facts.source), {
    kind: scope.kind,
    variable,
    noun: scope.noun,
    consequence: scope.consequence,
    api: scope.api,
    span: ctx.span(unwrap(node.expression)),
    label: scope.structural
      ? `\`${scope.api}\` runs this callback inside a transaction (${inference(scope, method)})`
      : `\`${scope.api}\` runs this callback with ${scope.noun} \`${variable}\` held`,
    releasedAtEnd: `the transaction of \`${scope.api}\` ends only when the callback returns`,
  });
}

function methodName(node: ts.CallExpression): string {
  const callee = unwrap(node.expression);
  return ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
}

/** The structural scope a unit starts in, if its function is such a callback. */
export function structuralScopeAt(ctx: TsUnitContext, node: ts.Node): StructuralScope | undefined {
  return scopesByFile.get(ctx.facts)?.get(node.getStart(ctx.facts.source));
}

/** The unit's parameter a callback forwards to: `fn`, or `(trx) => fn(trx)` / `async (trx) => { return await fn(trx); }`. */
function forwardedParameter(ctx: TsUnitContext, callback: ts.Expression): { name: string; index: number; variable?: string } | undefined {
  if (ts.isIdentifier(callback)) {
    const index = ctx.parameters.get(callback.text);
    return index === undefined ? undefined : { name: callback.text, index };
  }
  if (!isFunctionLiteral(callback)) return undefined;
  const own = new Set(callback.parameters.flatMap((p) => (ts.isIdentifier(p.name) ? [p.name.text] : [])));
  let found: { name: string; index: number } | undefined;
  const visit = (node: ts.Node): void => {
    if (found || (node !== callback && ts.isFunctionLike(node))) return;
    if (ts.isCallExpression(node)) {
      const callee = unwrap(node.expression);
      const index = ts.isIdentifier(callee) && !own.has(callee.text) ? ctx.parameters.get(callee.text) : undefined;
      if (index !== undefined) found = { name: (callee as ts.Identifier).text, index };
      else found = runnerForwards(ctx, node, own);
    }
    ts.forEachChild(node, visit);
  };
  visit(callback);
  const first = callback.parameters[0];
  return found && first && ts.isIdentifier(first.name) ? { ...found, variable: first.name.text } : found;
}

/**
 * `storage.run(trx, fn)` or `storage.run(trx, () => fn())` (a library method that calls its
 * argument at once, catalog `runs`): forwards the unit's parameter `fn` as a call of it would.
 */
function runnerForwards(ctx: TsUnitContext, node: ts.CallExpression, own: ReadonlySet<string>): { name: string; index: number } | undefined {
  const ran = runnerCallback(ctx, node);
  const value = ran && unwrap(ran);
  if (!value) return undefined;
  if (ts.isIdentifier(value)) {
    const index = own.has(value.text) ? undefined : ctx.parameters.get(value.text);
    return index === undefined ? undefined : { name: value.text, index };
  }
  const inner = isFunctionLiteral(value) ? forwardedParameter(ctx, value) : undefined;
  return inner && !own.has(inner.name) ? { name: inner.name, index: inner.index } : undefined;
}

/**
 * `return knex.transaction(fn)` (`fn` the unit's parameter), `x.transaction((trx) => handler(trx))`:
 * the unit runs its caller's callback inside the transaction. Emits the open, the call of the
 * parameter and the end of the transaction, and marks the resource as lent to callbacks.
 */
export function lowerForwardedScope(ctx: TsUnitContext, node: ts.CallExpression, cursor: Cursor): Cursor {
  if (cursor.length === 0 || ctx.parameters.size === 0) return cursor;
  const scope = scopeCall(ctx, node, true);
  if (!scope) return cursor;
  const callback = callbackArgument(node, (value) => isFunctionLiteral(value) || (ts.isIdentifier(value) && ctx.parameters.has(value.text)));
  const forwarded = callback ? forwardedParameter(ctx, callback) : undefined;
  if (!forwarded) return cursor;
  const variable = scope.byReceiver ? scope.receiver : (forwarded.variable ?? scope.api);
  const method = methodName(node);
  const id = `${scope.kind}:${ctx.unitId}:${variable}`;
  const info: HeldResourceInfo = { id, unit: ctx.unitId, variable, noun: scope.noun, consequence: scope.consequence, runsCallbacks: true };
  const list = ctx.facts.heldResources;
  const index = list.findIndex((r) => r.id === id);
  if (index < 0) list.push(info);
  else if (!list[index]!.runsCallbacks) list[index] = { ...list[index]!, runsCallbacks: true };
  const span = ctx.span(node);
  const why = scope.structural ? ` (${inference(scope, method)})` : '';
  // Built without the usual exception edges: an exception from the callback ends the
  // transaction (rolled back) before it reaches a handler of this unit.
  const opened = ctx.builder.emit(cursor, {
    kind: 'open',
    resource: id,
    mode: 'lock',
    api: scope.api,
    span: ctx.span(unwrap(node.expression)),
    label: scope.structural
      ? `\`${scope.api}\` runs \`${forwarded.name}\` inside a transaction${why}`
      : `\`${scope.api}\` runs \`${forwarded.name}\` with ${scope.noun} \`${variable}\` held`,
  });
  const called = ctx.builder.emit(opened.cursor, { kind: 'call', target: { type: 'parameter', index: forwarded.index }, display: `${forwarded.name}()`, span: callback ? ctx.span(callback) : span });
  const end = (label: string) => ({ kind: 'close' as const, resource: id, how: 'write' as const, api: scope.api, span, label });
  const handler = ctx.exceptionTarget(ctx.jumps.length);
  if (handler !== undefined) {
    const rolledBack = ctx.builder.emit(called.cursor, end(`\`${scope.api}\` releases \`${variable}\` when \`${forwarded.name}\` throws (a transaction is rolled back)`));
    ctx.builder.connect(rolledBack.cursor, handler);
  }
  return ctx.emit(called.cursor, end(`\`${scope.api}\` releases \`${variable}\` when \`${forwarded.name}\` returns`));
}

/** The function or module a node belongs to, for the evidence search. */
function unitNode(node: ts.Node): ts.Node {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current) && (current as ts.FunctionLikeDeclaration).body) return current;
    if (ts.isSourceFile(current)) return current;
  }
  return node.getSourceFile();
}

/**
 * `name.commit()` / `name.rollback()` in the unit itself. Not in nested functions: a release
 * there (`async function commit() { await trx.commit(); }`) is not seen by the unit, which
 * would then report the transaction as never ended.
 */
function endedIn(scope: ts.Node, name: string, releases: readonly string[]): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || (node !== scope && ts.isFunctionLike(node))) return;
    if (ts.isCallExpression(node)) {
      const callee = unwrap(node.expression);
      if (ts.isPropertyAccessExpression(callee) && releases.includes(callee.name.text)) {
        const target = unwrap(callee.expression);
        if (ts.isIdentifier(target) && target.text === name) found = true;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(scope);
  return found;
}

/** What `acquire()` needs to hold the variable (same shape as its catalog acquisitions). */
interface StructuralAcquisition {
  readonly entry: NodeHeldResource;
  readonly api: string;
  readonly expr: ts.CallExpression;
  readonly note: string;
  readonly holder: string;
}

/**
 * `const trx = await this.knex.transaction()` on a receiver that is not typed, when the unit
 * also calls `trx.commit()` or `trx.rollback()`: `trx` holds a transaction.
 */
export function structuralAcquisition(ctx: TsUnitContext, name: ts.Identifier, value: ts.Expression | undefined): StructuralAcquisition | undefined {
  const entry = ctx.catalog.structuralTransactions;
  if (!entry || !value) return undefined;
  const awaited = unwrap(value);
  if (!ts.isAwaitExpression(awaited)) return undefined;
  const expr = unwrap(awaited.expression);
  if (!ts.isCallExpression(expr)) return undefined;
  const callee = unwrap(expr.expression);
  if (!ts.isPropertyAccessExpression(callee) || !entry.acquires.includes(callee.name.text)) return undefined;
  if (expr.arguments.some((arg) => isFunctionLiteral(unwrap(arg))) || browserShaped(entry, expr)) return undefined;
  if (!structuralReceiver(ctx, entry, callee.expression, callee.name.text)) return undefined;
  if (!endedIn(unitNode(expr), name.text, entry.releases)) return undefined;
  const api = calleeDisplay(callee, ctx.facts.source);
  const receiver = shortText(ctx.text(callee.expression));
  const held: NodeHeldResource = {
    kind: entry.kind,
    module: '',
    className: '',
    acquire: entry.acquires,
    release: entry.releases,
    noun: entry.noun,
    consequence: entry.consequence,
  };
  const ends = entry.releases.map((m) => `\`${name.text}.${m}()\``).join(' or ');
  return {
    entry: held,
    api,
    expr,
    note: ` (\`${receiver}\` is not typed here: \`${name.text}\` is taken for a database transaction because this function ends it with ${ends})`,
    holder: receiver,
  };
}
