import type { ApiEntry } from '../../catalog';
import { emitSessionEmptied } from './session-emptied-facts';
import type { Cursor } from '../../ir/cfg-builder';
import type { AccessEffect, CallTarget } from '../../ir/effects';
import type { SyntaxNode } from '../../parse/php';
import type { Span } from '../../model/span';
import { restoredAt } from './restored-references';
import type { UnitContext } from './context';
import { callableArguments, callableTarget, capturingClosure } from './callables';
import { nativeCallableTarget } from './native-callables';
import { functionNamePattern } from './function-name-pattern';
import { literalString, sessionRoot } from './session-access';
import { emitHeldValueChange, isSessionHeld } from './session-held-values';
import { connectsToThisMachine } from './this-machine';
import { classifyPath, pathArguments, pathParameterOf } from './static-path';
import { emitStoreInstall, noteLockEvidence } from './session-store';
import { sentAsImage } from './image-transfer';
import { lowerExit } from './final-exit';
import { sendsReadData } from './read-data';
import { holdEstimate, isYield, longRunDeclared } from './hold-estimates';
import { flagLiteralKey, literalArgumentKey, literalOf } from './predicates';
import { truthyWhen } from './truthy-strings';
import { TRUTHY_STRING_KEY } from '../../ir/predicate-shape';
import { commandArguments, commandSlowEffect } from './command-line';
import { streamsProcessOutput } from './streamed-process';
import { resolvesWithoutLookup, reversesWithoutLookup } from './host-name';
import { statementIn } from './sql-text';
import { recordTimeouts } from './timeouts';
import { frameworkCloseCall } from './framework-close';
import { sendsOnward } from './redirects';

/** A call, after its callee and receiver have been worked out from the syntax. */
export interface CallSite {
  readonly node: SyntaxNode;
  readonly args: readonly SyntaxNode[];
  /** `sleep()`, `PDO::query()`, `$this->load()`: how messages name the call. */
  readonly display: string;
  /** What the catalog says, when it knows the callee. */
  readonly api: ApiEntry | undefined;
  /** For calls the catalog doesn't know: what the flow pass resolves. */
  readonly target: CallTarget;
}

/** Finds the catalog entry for a method, walking the catalog's and the file's parents. */
export function lookupMethod(ctx: UnitContext, className: string, method: string): ApiEntry | undefined {
  const seen = new Set<string>();
  let current: string | undefined = className;
  while (current && !seen.has(current)) {
    seen.add(current);
    const methods = ctx.catalog.methods[current];
    const entry = methods?.[method] ?? (method === '__construct' ? undefined : methods?.['*']);
    if (entry) return entry;
    current = ctx.catalog.classParents?.[current] ?? ctx.facts.symbols.parentOf(current);
  }
  return undefined;
}

/**
 * Emits what a call does, after its arguments. Catalog APIs become effects; everything
 * else becomes a `call` effect for the flow pass. Returns the cursor after the call.
 */
export function emitCall(ctx: UnitContext, site: CallSite, cursor: Cursor): Cursor {
  const span = ctx.span(site.node);
  // `$this->load->library('email')`: an entry that applies to one argument only does nothing else.
  const api = site.api?.onlyWithArgument && !argumentIsOneOf(ctx, site.args[site.api.onlyWithArgument.index], site.api.onlyWithArgument.values) ? NO_EFFECT : site.api;
  let next = cursor;
  noteLockEvidence(ctx, site);
  if (!api) {
    if (site.target.type === 'dynamic') return next;
    // `quiet_call('session_start')`: the callee may run the PHP function the string names.
    const callables = callableArguments(ctx, site.args, (arg) => nativeCallableTarget(ctx, arg, emitCall));
    const argumentCount = positionalCount(site.args);
    const literals = site.target.type === 'include' ? [] : flagArguments(ctx, site.args);
    const passedDefaults = site.target.type === 'include' ? [] : defaultArguments(ctx, site.args);
    const paths = site.target.type === 'include' ? [] : pathArguments(ctx, site.args);
    const commands = site.target.type === 'include' ? [] : commandArguments(ctx, site.args);
    // `$run()` with `$run = function () use ($work) { … }`: the closure gets this unit's bindings.
    const capturing = site.target.type === 'closure' && capturingClosure(ctx, site.node.childForFieldName('function'));
    next = ctx.emit(next, {
      kind: 'call',
      target: site.target,
      display: site.display,
      span,
      ...(capturing ? { capturing: true as const } : {}),
      ...(callables.length > 0 ? { callables } : {}),
      ...(paths.length > 0 ? { pathArguments: paths } : {}),
      ...(commands.length > 0 ? { commandArguments: commands } : {}),
      ...(ctx.capturedOutput > 0 ? { outputCaptured: true as const } : {}),
      ...(argumentCount !== undefined ? { argumentCount } : {}),
      ...(literals.length > 0 ? { literalArguments: literals } : {}),
      ...(passedDefaults.length > 0 ? { defaultArguments: passedDefaults } : {}),
      ...(sendsOnward(ctx, site.node, site.args) ? { sendsOnward: true as const } : {}),
    });
    // `normalize($_SESSION['cart'])` with `function normalize(array &$cart)`: a write.
    next = emitByRefWrites(ctx, site, projectByRef(ctx, site), next);
    return isProjectCallee(ctx, site) ? emitHeldArgumentChanges(ctx, site, undefined, next) : emitHeldArgumentChanges(ctx, site, projectByRef(ctx, site), next);
  }
  switch (api.effect) {
    case 'open': {
      const readAndClose =
        api.readOnly === true || (api.readAndCloseOption !== undefined && hasTrueOption(ctx, site.args[0], api.readAndCloseOption));
      // A framework's start, lazy or not (`$session->get()`, `self::$session->start()`), is
      // released by the framework's own close, which its fixes and advice name.
      const closeCall = api.readAndCloseOption === undefined ? frameworkCloseCall(ctx, site, api) : undefined;
      next = ctx.emit(next, {
        kind: 'open',
        resource: api.resource,
        mode: readAndClose ? 'read-and-close' : 'lock',
        api: site.display,
        span,
        ...(api.lazy ? { lazy: true } : {}),
        ...(api.readAndCloseOption !== undefined ? { readAndCloseOption: api.readAndCloseOption } : {}),
        ...(closeCall ? { closeCall } : {}),
      });
      if (api.writes) next = ctx.emit(next, { kind: 'write', resource: api.resource, span });
      break;
    }
    case 'close':
      next = ctx.emit(next, { kind: 'close', resource: api.resource, how: api.how, api: site.display, span });
      break;
    case 'use':
      next = ctx.emit(next, { kind: 'use', resource: api.resource, api: site.display, span });
      break;
    case 'write':
      next = ctx.emit(next, { kind: 'write', resource: api.resource, span });
      if (api.empties && api.resource === ctx.catalog.sessionResource) next = emitSessionEmptied(ctx, next, site.node);
      break;
    case 'slow':
      next = emitSlow(ctx, site, api, next);
      break;
    case 'time-check':
      next = ctx.emit(next, { kind: 'time-check', callee: site.display, decidesLoop: ctx.loopControl > 0, span });
      break;
    case 'output':
      if (!api.flush && ctx.capturedOutput > 0) break;
      next = ctx.emit(next, { kind: 'output', flush: api.flush, callee: site.display, ...(site.args.some((arg) => sendsReadData(ctx, arg)) ? { sendsReadData: true as const } : {}), span });
      break;
    case 'chunk-read':
      next = ctx.emit(next, { kind: 'chunk-read', callee: site.display, span });
      break;
    case 'terminate':
      return lowerExit(ctx, site.node, next);
    case 'setting':
      next = emitSetting(ctx, site, api.name, next);
      break;
    case 'none':
      break;
  }
  if (api.declaresLongRun) next = emitLongRun(ctx, site, api.declaresLongRun, next);
  if (api.setsTimeouts) recordTimeouts(ctx, site, api.setsTimeouts);
  if (api.replacesSessionStore) next = emitStoreInstall(ctx, site, next);
  if (api.registersCallback) {
    const target = callableTarget(ctx, site.args[api.registersCallback.callback]);
    const hookArg = site.args[api.registersCallback.hook];
    const hookValue = hookArg ? argumentValue(hookArg) : undefined;
    const hook = hookValue ? literalString(hookValue) : undefined;
    const route = api.registersCallback.route === true;
    const callback = site.args[api.registersCallback.callback];
    const found = (route && callback ? controllerAtMethod(ctx, callback) : undefined) ?? target;
    if (found) {
      const chained = chainedCalls(ctx, site.node);
      ctx.facts.registrations.push({
        hook,
        target: found,
        registrar: site.display,
        span,
        ...(route ? { route: true as const } : {}),
        ...(chained.length > 0 ? { chained } : {}),
      });
    }
  }
  // `array_map(fn () => …, $list)`: the callback runs here.
  for (const index of api.invokesArguments ?? []) {
    const target = callableTarget(ctx, site.args[index]) ?? functionNamePattern(ctx, site.args[index]);
    const builtin = target ? builtinCallback(ctx, site, target, index) : undefined;
    if (builtin) next = emitCall(ctx, builtin, next);
    else if (target) {
      const capturing = target.type === 'closure' && capturingClosure(ctx, site.args[index]);
      next = ctx.emit(next, { kind: 'call', target, display: `the callback of ${site.display}`, span, ...(capturing ? { capturing: true as const } : {}) });
    }
  }
  next = emitByRefWrites(ctx, site, api.byRefArguments ?? [], next);
  return emitHeldArgumentChanges(ctx, site, api.byRefArguments ?? [], next);
}

/**
 * A value the session holds passed where it may be changed (`session-held-values.ts`): at a
 * by-reference position, or, with `indices` undefined, anywhere in a call of project code, which
 * may call its methods. (`$_SESSION['k']` itself at a by-reference position is a write already.)
 */
function emitHeldArgumentChanges(ctx: UnitContext, site: CallSite, indices: readonly number[] | undefined, cursor: Cursor): Cursor {
  if (cursor.length === 0 || site.target.type === 'include') return cursor;
  const changed = site.args.some((arg, index) => {
    if (indices !== undefined && !indices.includes(index)) return false;
    const value = argumentValue(arg);
    return value !== undefined && isSessionHeld(ctx, value) && (indices === undefined || sessionRoot(value, ctx.catalog.sessionVariable) === undefined);
  });
  return changed ? emitHeldValueChange(ctx, site.node, cursor) : cursor;
}

/** The call reaches a function or method the project declares. */
function isProjectCallee(ctx: UnitContext, site: CallSite): boolean {
  const target = site.target;
  if (target.type === 'function') return target.candidates.some((c) => ctx.facts.symbols.hasFunction(c));
  if (target.type === 'method') return ctx.facts.symbols.hasMethod(target.className, target.method);
  return false;
}

/** The number of arguments when all are positional: a spread or a named one tells nothing. */
/** Positional arguments (before any named or spread one) written as flag-like literals, or strings PHP reads as true (`truthy-strings.ts`). */
function flagArguments(ctx: UnitContext, args: readonly SyntaxNode[]): { index: number; value: string }[] {
  const found: { index: number; value: string }[] = [];
  for (const [index, arg] of args.entries()) {
    if (arg.type !== 'argument' || arg.childForFieldName('name') || arg.namedChildren.some((c) => c?.type === 'variadic_unpacking')) break;
    const value = literalArgumentKey(literalOf(arg.namedChild(0))) ?? (isTruthyStringArgument(ctx, arg.namedChild(0)) ? TRUTHY_STRING_KEY : undefined);
    if (value !== undefined) found.push({ index, value });
  }
  return found;
}

/**
 * A string PHP reads as true (`truthy-strings.ts`): built here with a truthy part, or returned
 * by the project code called here (`currentURL()` returning `$this->getURL(…)`, whose value
 * ends in `INDEX_FILE . …`).
 */
function isTruthyStringArgument(ctx: UnitContext, node: SyntaxNode | null): boolean {
  const when = truthyWhen(node, ctx.names, ctx.className);
  return when !== undefined && ctx.facts.symbols.isTruthyString(when);
}

/**
 * Positional arguments that are one of the unit's parameters, never assigned in the unit, whose
 * default is a flag-like literal: where the unit's caller leaves it out, the callee gets that.
 */
function defaultArguments(ctx: UnitContext, args: readonly SyntaxNode[]): { index: number; parameter: number; value: string }[] {
  const found: { index: number; parameter: number; value: string }[] = [];
  for (const [index, arg] of args.entries()) {
    if (arg.type !== 'argument' || arg.childForFieldName('name') || arg.namedChildren.some((c) => c?.type === 'variadic_unpacking')) break;
    const value = arg.namedChild(0);
    if (value?.type !== 'variable_name' || (ctx.assignments.get(value.text)?.length ?? 0) > 0) continue;
    const parameter = ctx.parameterDefaults.get(value.text);
    const key = parameter ? flagLiteralKey(parameter.value) : undefined;
    if (parameter && key !== undefined) found.push({ index, parameter: parameter.index, value: key });
  }
  return found;
}

function positionalCount(args: readonly SyntaxNode[]): number | undefined {
  for (const arg of args) {
    if (arg.type !== 'argument' || arg.childForFieldName('name') || arg.namedChildren.some((c) => c?.type === 'variadic_unpacking')) return undefined;
  }
  return args.length;
}

/** A setting given a literal value: `ini_set('name', value)`, or `setter(value)` for a named one. */
function emitSetting(ctx: UnitContext, site: CallSite, named: string | undefined, cursor: Cursor): Cursor {
  const [first, second] = site.args.map((arg) => argumentValue(arg));
  const nameNode = named === undefined ? first : undefined;
  const name = named ?? (nameNode ? literalString(nameNode) : undefined);
  const value = iniValue(named === undefined ? second : first);
  if (name === undefined || value === undefined) return cursor;
  return ctx.emit(cursor, { kind: 'setting', name: name.toLowerCase(), value, span: ctx.span(site.node) });
}

/** A literal as PHP stores it in an ini setting. */
function iniValue(node: SyntaxNode | undefined): string | undefined {
  const value = literalOf(node);
  if (value === undefined) return undefined;
  if (value === null || value === false) return '';
  if (value === true) return '1';
  return String(value);
}

/** `Route::get(…)->block()->name('x')`: the methods called on a call's result, in order. */
function chainedCalls(ctx: UnitContext, call: SyntaxNode): { name: string; span: Span }[] {
  const chained: { name: string; span: Span }[] = [];
  let current = call;
  for (let parent = current.parent; parent && chained.length < 20; current = parent, parent = parent.parent) {
    if (parent.type !== 'member_call_expression' || parent.childForFieldName('object')?.id !== current.id) break;
    const name = parent.childForFieldName('name');
    if (name?.type !== 'name') break;
    chained.push({ name: name.text.toLowerCase(), span: { file: ctx.facts.file, start: name.startIndex, end: parent.endIndex } });
  }
  return chained;
}

/**
 * A route action written as `'UserController@store'` (Laravel's action string: the method of
 * the one project class with that name, as written or under any namespace, since the router
 * prefixes one; nothing when no class or several match) or `InvokableController::class`.
 */
function controllerAtMethod(ctx: UnitContext, arg: SyntaxNode): CallTarget | undefined {
  const value = argumentValue(arg);
  // `InvokableController::class`: the route runs its `__invoke()`.
  if (value?.type === 'class_constant_access_expression') {
    const [scope, constant] = value.namedChildren;
    if (constant?.text === 'class' && (scope?.type === 'name' || scope?.type === 'qualified_name')) {
      return { type: 'method', className: ctx.names.resolveClass(scope.text), method: '__invoke' };
    }
    return undefined;
  }
  const text = value ? literalString(value) : undefined;
  const at = text?.indexOf('@') ?? -1;
  if (!text || at <= 0 || at === text.length - 1) return undefined;
  const lower = text.slice(0, at).toLowerCase();
  const written = lower.startsWith('\\') ? lower.slice(1) : lower;
  const classes = ctx.facts.symbols.classesNamed(written);
  return classes.length === 1 ? { type: 'method', className: classes[0]!, method: text.slice(at + 1).toLowerCase() } : undefined;
}

const NO_EFFECT: ApiEntry = { effect: 'none' };

/** Argument `arg` is a string literal among `values`, or an array literal holding one. */
export function argumentIsOneOf(ctx: UnitContext, arg: SyntaxNode | undefined, values: readonly string[]): boolean {
  let value = arg ? argumentValue(arg) : undefined;
  if (value?.type === 'variable_name') value = ctx.singleAssignments.get(value.text);
  if (!value) return false;
  const literal = literalString(value);
  if (literal !== undefined) return values.includes(literal.toLowerCase());
  if (value.type !== 'array_creation_expression') return false;
  return value.namedChildren.some((element) => {
    const item = element?.type === 'array_element_initializer' && element.namedChildCount === 1 ? element.namedChild(0) : null;
    const text = item ? literalString(item) : undefined;
    return text !== undefined && values.includes(text.toLowerCase());
  });
}

function emitByRefWrites(ctx: UnitContext, site: CallSite, indices: readonly number[], cursor: Cursor): Cursor {
  let next = cursor;
  // A parameter the callee leaves as it was (a marker key set and removed) changes nothing.
  const restored = restoredAt(ctx, site.node);
  for (const index of indices) {
    if (restored.includes(index)) continue;
    const arg = site.args[index];
    const value = arg ? argumentValue(arg) : undefined;
    const root = value ? sessionRoot(value, ctx.catalog.sessionVariable) : undefined;
    if (root) next = ctx.emit(next, writeEffect(ctx, value!, root.key));
  }
  return next;
}

/** By-reference parameters of the project function or method a call reaches. */
function projectByRef(ctx: UnitContext, site: CallSite): readonly number[] {
  const target = site.target;
  if (target.type === 'function') {
    const name = target.candidates.find((c) => ctx.facts.symbols.hasFunction(c));
    return name ? ctx.facts.symbols.byRefParameters({ type: 'function', name }) : [];
  }
  if (target.type === 'method') return ctx.facts.symbols.byRefParameters(target);
  return [];
}

function emitSlow(ctx: UnitContext, site: CallSite, api: Extract<ApiEntry, { effect: 'slow' }>, cursor: Cursor): Cursor {
  const span = ctx.span(site.node);
  const hold = holdEstimate(ctx, site, api);
  if (isYield(api, hold)) return ctx.emit(cursor, { kind: 'yield', callee: site.display, span });
  // Streamed into an output buffer the code captures: a read into memory, nothing sent.
  if (api.kind === 'download' && ctx.capturedOutput > 0) return cursor;
  if (api.commandArgument !== undefined) {
    const slow = commandSlowEffect(ctx, site.args[api.commandArgument], site.display, span, () => streamsProcessOutput(ctx, site.node, site.args));
    return slow ? ctx.emit(cursor, { ...slow, ...(hold ? { hold } : {}) }) : cursor;
  }
  if (api.hostArgument !== undefined && resolvesWithoutLookup(ctx, site.node, site.args[api.hostArgument])) return cursor;
  if (api.addressArgument !== undefined && reversesWithoutLookup(ctx, site.args[api.addressArgument])) return cursor;
  if (api.slowOnlyWithStatementIn !== undefined) {
    const waits = api.slowOnlyWithStatementIn
      .map((index) => site.args[index])
      .map((arg) => statementIn(ctx, arg ? argumentValue(arg) : undefined, ctx.catalog.waitStatements ?? []))
      .find((statement) => statement !== undefined);
    if (waits === undefined) return cursor;
    return ctx.emit(cursor, { kind: 'slow', slowKind: api.kind, callee: site.display, detail: `with \`${waits}\` in its SQL`, span, ...(hold ? { hold } : {}) });
  }
  const withHold = hold ? { hold } : {};
  const image = api.kind === 'download' && ctx.unitNode && sentAsImage(ctx.unitNode, site.node) ? { image: true as const } : {};
  // `fsockopen('127.0.0.1', 8080)`: a service on this machine, not a remote server.
  const thisMachine = api.connectArgument === undefined ? undefined : connectsToThisMachine(ctx, site.args[api.connectArgument]);
  if (thisMachine) return ctx.emit(cursor, { kind: 'slow', slowKind: api.kind, callee: site.display, span, ...withHold, thisMachine });
  if (api.pathArgument === undefined) return ctx.emit(cursor, { kind: 'slow', slowKind: api.kind, callee: site.display, span, ...withHold, ...image });
  const path = classifyPath(ctx, site.args[api.pathArgument]);
  if (path === 'local' || path === 'opaque') return cursor;
  if (path === 'url') {
    return ctx.emit(cursor, { kind: 'slow', slowKind: 'remote-io', callee: site.display, detail: 'on a URL', span, ...withHold });
  }
  // A path the analysis cannot know is not slow work (precision first: on real code it is
  // nearly always a local file). Only the unit's own parameter is kept, pending: a caller that
  // passes a URL makes it remote I/O there (`withPathArgument` in the flow), nothing else does.
  const parameter = pathParameterOf(ctx, site.args[api.pathArgument]);
  if (parameter === undefined) {
    ctx.facts.uncountedReads.push({ span, callee: site.display });
    return cursor;
  }
  return ctx.emit(cursor, {
    kind: 'slow',
    slowKind: 'file-io',
    callee: site.display,
    detail: 'on the path its callers give',
    pathParameter: parameter,
    span,
  });
}

/** `set_time_limit(0)`: slow work of kind `long-running` at the call, when its arguments say so. */
function emitLongRun(ctx: UnitContext, site: CallSite, declares: NonNullable<ApiEntry['declaresLongRun']>, cursor: Cursor): Cursor {
  const declared = longRunDeclared(ctx, site, declares);
  if (!declared) return cursor;
  const hold = declared.hold ? { hold: declared.hold } : {};
  return ctx.emit(cursor, { kind: 'slow', slowKind: 'long-running', callee: declared.callee, ...hold, span: ctx.span(site.node) });
}

export function writeEffect(ctx: UnitContext, node: SyntaxNode, key: string | undefined): AccessEffect {
  const base = { kind: 'write' as const, resource: ctx.catalog.sessionResource, span: ctx.span(node) };
  return key === undefined ? base : { ...base, key };
}

/** The expression of an `argument` node (skipping a named argument's name). */
export function argumentValue(arg: SyntaxNode): SyntaxNode | undefined {
  if (arg.type !== 'argument') return arg;
  const named = arg.namedChildren.filter((c): c is SyntaxNode => c !== null);
  return named.length > 1 && named[0]!.type === 'name' ? named[1] : named[0];
}

/** True when argument `arg` is an array literal with `option => true` (or a truthy literal). */
function hasTrueOption(ctx: UnitContext, arg: SyntaxNode | undefined, option: string): boolean {
  let value = arg ? argumentValue(arg) : undefined;
  // `$options = ['read_and_close' => true]; session_start($options);`
  if (value?.type === 'variable_name') value = ctx.singleAssignments.get(value.text);
  // `['read_and_close' => true] + $options` (as the read_and_close fix merges options): an
  // array union keeps the left side's keys, whatever the right side holds.
  while (value?.type === 'parenthesized_expression' || (value?.type === 'binary_expression' && value.childForFieldName('operator')?.text === '+')) {
    value = (value.type === 'parenthesized_expression' ? value.namedChild(0) : value.childForFieldName('left')) ?? undefined;
  }
  if (!value || value.type !== 'array_creation_expression') return false;
  for (const element of value.namedChildren) {
    if (element?.type !== 'array_element_initializer') continue;
    const [key, val] = element.namedChildren;
    if (!key || !val) continue;
    const keyText = key.type === 'string' || key.type === 'encapsed_string' ? key.namedChild(0)?.text : undefined;
    if (keyText !== option) continue;
    const text = val.text.toLowerCase();
    return text === 'true' || (val.type === 'integer' && text !== '0');
  }
  return false;
}

/**
 * `call_user_func_array('imap_open', $args)`: a PHP function named by a literal, not one of
 * the project's, does what the catalog says it does, as if called here. Its arguments are
 * those written after it for `call_user_func('f', $a, $b)`; otherwise (an array) unknown.
 */
function builtinCallback(ctx: UnitContext, site: CallSite, target: CallTarget, index: number): CallSite | undefined {
  if (target.type !== 'function' || target.candidates.some((name) => ctx.facts.symbols.hasFunction(name))) return undefined;
  const name = target.candidates[target.candidates.length - 1]!;
  const api = ctx.catalog.functions[name];
  if (!api) return undefined;
  const args = site.api?.forwardsArguments ? site.args.slice(index + 1) : [];
  return { node: site.node, args, display: `${name}()`, api, target };
}
