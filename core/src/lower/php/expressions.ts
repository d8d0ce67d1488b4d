import type { Cursor } from '../../ir/cfg-builder';
import { emitSessionEmptied } from './session-emptied-facts';
import { stripLeadingBackslash } from './literals';
import type { SyntaxNode } from '../../parse/php';
import { argumentValue, emitCall, lookupMethod, writeEffect } from './calls';
import type { UnitContext } from './context';
import { callableTarget, isFirstClass } from './callables';
import { containerService, emitServiceGet } from './container-services';
import { dynamicClassTarget } from './dynamic-class';
import { dispatchTarget } from './dispatch-target';
import { constructedPropertyDispatch } from './constructed-dispatch';
import { functionNamePattern } from './function-name-pattern';
import { isRequestNamedMethod } from './request-named-method';
import { typeOf } from './types';
import { sessionRoot } from './session-access';
import { assignsIntoSessionHeld, emitHeldValueChange, isSessionHeld, referenceWriteKey } from './session-held-values';
import { isSavedSessionCopy, isTemporaryKeyWrite } from './session-key-restore';
import { evaluateStatic, implodeOperands } from './static-string';
import { assignedSkeletonPath } from './assigned-skeleton';
import { namedElement } from './include-helpers';
import type { StaticString } from '../../ir/static-string';
import { TYPE_TESTS } from '../../ir/predicate-shape';
import { emitBootstrapOpen } from './bootstrap-includes';
import { constantTruth, emitAssignmentFacts, emitChosenCopy, emitDefineFacts, emitPredicateAssignment, emitClassStaticAssignment, forgetStaticProperty, literalOf, trackedVariable } from './predicates';
import { isEmptyArray } from './literals';
import { webRequestTruth } from './web-request';
import { commandSlowEffect } from './command-line';
import { emitCallResultAssignment } from './call-result-assignment';
import { emitSessionTestAssignment } from './session-test-assignment';
import { emitStartResultAssignment } from './start-result';
import { lowerExit } from './final-exit';
import { sendsReadData } from './read-data';
import { declaresInUnit } from './unit-scope';

/** Nodes whose bodies are units of their own: defining them runs nothing. */
const NESTED_UNITS = new Set(['anonymous_function', 'arrow_function', 'anonymous_class', 'function_definition',
  'class_declaration', 'interface_declaration', 'trait_declaration', 'enum_declaration']);

const SHORT_CIRCUIT = new Set(['&&', '||', 'and', 'or', '??', 'xor']);

/** A condition written as a literal, or one every web request answers the same way (`web-request.ts`). */
function decidedTruth(ctx: UnitContext, node: SyntaxNode): boolean | undefined {
  let inner: SyntaxNode | null = node;
  while (inner?.type === 'parenthesized_expression') inner = inner.namedChildren.find((c) => c !== null && c.type !== 'comment') ?? null;
  if (!inner) return undefined;
  if (inner.type === 'unary_op_expression' && inner.child(0)?.text === '!') {
    const operand = inner.namedChild(0);
    const value = operand ? decidedTruth(ctx, operand) : undefined;
    return value === undefined ? undefined : !value;
  }
  return constantTruth(inner) ?? webRequestTruth(ctx, inner);
}

function named(node: SyntaxNode): SyntaxNode[] {
  return node.namedChildren.filter((c): c is SyntaxNode => c !== null && c.type !== 'comment');
}

/**
 * Lowers an expression in PHP's evaluation order (operands before the operation), so the
 * effects of `$_SESSION['x'] = fetch();` come out as: call `fetch()`, then the write.
 */
export function lowerExpression(ctx: UnitContext, node: SyntaxNode, cursor: Cursor): Cursor {
  if (cursor.length === 0 || NESTED_UNITS.has(node.type)) return cursor;
  if (ctx.tooDeep(node)) return cursor;
  ctx.depth++;
  try {
    return lowerExpressionInner(ctx, node, cursor);
  } finally {
    ctx.depth--;
  }
}

function lowerExpressionInner(ctx: UnitContext, node: SyntaxNode, cursor: Cursor): Cursor {
  const session = ctx.catalog.sessionVariable;
  switch (node.type) {
    case 'function_call_expression':
      return lowerFunctionCall(ctx, node, cursor);
    case 'member_call_expression':
    case 'nullsafe_member_call_expression': {
      const after = lowerMethodCall(ctx, node, cursor);
      // `$nav->addUrl()` on an object the session holds changes the session without a write.
      const object = node.childForFieldName('object');
      return after.length > 0 && object && !isFirstClass(node) && isSessionHeld(ctx, object) ? emitHeldValueChange(ctx, node, after) : after;
    }
    case 'scoped_call_expression':
      return lowerStaticCall(ctx, node, cursor);
    case 'object_creation_expression':
      return lowerNew(ctx, node, cursor);
    case 'include_expression':
    case 'include_once_expression':
    case 'require_expression':
    case 'require_once_expression':
      return lowerInclude(ctx, node, cursor);
    case 'shell_command_expression': {
      const next = lowerChildren(ctx, node, cursor);
      const slow = commandSlowEffect(ctx, node, 'a shell command in backticks', ctx.span(node));
      return slow ? ctx.emit(next, slow) : next;
    }
    case 'print_intrinsic': {
      const next = lowerChildren(ctx, node, cursor);
      if (ctx.capturedOutput > 0) return next;
      return ctx.emit(next, { kind: 'output', flush: false, callee: 'print', ...(sendsReadData(ctx, node) ? { sendsReadData: true as const } : {}), span: ctx.span(node) });
    }
    case 'exit_statement':
      return lowerExit(ctx, node, lowerChildren(ctx, node, cursor));
    case 'throw_expression': {
      const next = lowerChildren(ctx, node, cursor);
      ctx.rethrow(next, ctx.jumps.length);
      return [];
    }
    case 'assignment_expression':
    case 'augmented_assignment_expression':
    case 'reference_assignment_expression':
      return lowerAssignment(ctx, node, cursor);
    case 'update_expression': {
      const argument = node.childForFieldName('argument') ?? named(node)[0];
      const root = argument ? sessionRoot(argument, session) : undefined;
      if (argument && root) return ctx.emit(lowerIndexes(ctx, argument, cursor), writeEffect(ctx, argument, root.key));
      const after = lowerChildren(ctx, node, cursor);
      return argument ? forgetStaticProperty(ctx, argument, after) : after;
    }
    case 'variable_name':
    case 'subscript_expression': {
      const root = sessionRoot(node, session);
      if (!root && node.type === 'subscript_expression') return lowerOffsetAccess(ctx, node, 'offsetget', cursor);
      if (!root) return lowerChildren(ctx, node, cursor);
      const next = lowerIndexes(ctx, node, cursor);
      const read = { kind: 'read' as const, resource: ctx.catalog.sessionResource, span: ctx.span(node) };
      return ctx.emit(next, root.key !== undefined ? { ...read, key: root.key } : node.type === 'variable_name' ? { ...read, whole: true as const } : read);
    }
    case 'binary_expression': {
      const operator = node.childForFieldName('operator')?.text.toLowerCase() ?? '';
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      if (!left || !right) return lowerChildren(ctx, node, cursor);
      const afterLeft = lowerExpression(ctx, left, cursor);
      const afterRight = lowerExpression(ctx, right, afterLeft);
      // `defined('STDIN') or die();`: a left side every web request decides runs the right side
      // always (`or` of a false one) or never (`or` of a true one), as an `if` would.
      const decided = operator === '&&' || operator === 'and' || operator === '||' || operator === 'or' ? decidedTruth(ctx, left) : undefined;
      if (decided !== undefined) return decided === (operator === '&&' || operator === 'and') ? afterRight : afterLeft;
      // `a && f()`: f() may not run, so both the skipping and the running path continue.
      return SHORT_CIRCUIT.has(operator) && operator !== 'xor' ? ctx.builder.join(afterLeft, afterRight) : afterRight;
    }
    case 'conditional_expression': {
      const condition = node.childForFieldName('condition');
      const body = node.childForFieldName('body');
      const alternative = node.childForFieldName('alternative');
      const afterCondition = condition ? lowerExpression(ctx, condition, cursor) : cursor;
      const whenTrue = body ? lowerExpression(ctx, body, afterCondition) : afterCondition;
      const whenFalse = alternative ? lowerExpression(ctx, alternative, afterCondition) : afterCondition;
      return ctx.builder.join(whenTrue, whenFalse);
    }
    case 'match_expression': {
      const condition = node.childForFieldName('condition');
      const afterCondition = condition ? lowerExpression(ctx, condition, cursor) : cursor;
      const block = node.childForFieldName('body');
      const arms = block ? named(block) : [];
      const results: Cursor[] = [];
      for (const arm of arms) {
        const value = arm.childForFieldName('return_expression');
        results.push(value ? lowerExpression(ctx, value, afterCondition) : afterCondition);
      }
      return results.length > 0 ? ctx.builder.join(...results) : afterCondition;
    }
    default:
      return lowerChildren(ctx, node, cursor);
  }
}

export function lowerChildren(ctx: UnitContext, node: SyntaxNode, cursor: Cursor): Cursor {
  let next = cursor;
  for (const child of named(node)) next = lowerExpression(ctx, child, next);
  return next;
}

/** The value is an object: `new X()`, `clone $x`, or an expression the unit knows the class of. */
function storesObject(ctx: UnitContext, value: SyntaxNode): boolean {
  return value.type === 'object_creation_expression' || value.type === 'clone_expression' || typeOf(ctx, value) !== undefined;
}

/** Lowers the computed indexes of `$a[f()][g()]` (not the base variable itself). */
function lowerIndexes(ctx: UnitContext, node: SyntaxNode, cursor: Cursor): Cursor {
  if (node.type !== 'subscript_expression') return cursor;
  const [base, index] = named(node);
  let next = base ? lowerIndexes(ctx, base, cursor) : cursor;
  if (index) next = lowerExpression(ctx, index, next);
  return next;
}

/**
 * `$found = find($x)`: a plain `=` into a local that no test of the unit tracks, no reference
 * into the session aliases and that names no superglobal: lowering it is lowering its right
 * side, nothing more (so a condition `if ($f = flood())` can be read as `if (flood())`).
 */
export function isPlainLocalAssignment(ctx: UnitContext, node: SyntaxNode): boolean {
  const left = node.childForFieldName('left');
  if (node.type !== 'assignment_expression' || left?.type !== 'variable_name') return false;
  const name = left.text;
  if (name === '$this' || name === '$GLOBALS' || name.startsWith('$_') || (ctx.catalog.sessionVariable !== undefined && name === `$${ctx.catalog.sessionVariable}`)) return false;
  return trackedVariable(ctx, left) === undefined && referenceWriteKey(ctx, left) === undefined && !assignsIntoSessionHeld(ctx, left);
}

function lowerAssignment(ctx: UnitContext, node: SyntaxNode, cursor: Cursor): Cursor {
  const session = ctx.catalog.sessionVariable;
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  let next = cursor;
  // `$ok = session_start()` with `$ok` tested later: the start opens on the true path only.
  const startVariable = node.type === 'assignment_expression' && right ? trackedVariable(ctx, left) : undefined;
  const startResult = startVariable && right ? emitStartResultAssignment(ctx, startVariable, right, node, next, (from) => lowerExpression(ctx, right, from)) : undefined;
  if (startResult) return startResult;
  if (right) {
    // `$r = &$_SESSION['x']` only binds an alias (a read); what is later written through it
    // is the session write (below, `referenceWriteKey`).
    next = lowerExpression(ctx, right, next);
  }
  if (!left) return next;
  // `$cart[] = …`, `$this->user['path'] = …` through a reference into the session: a write of the bound key.
  const throughReference = node.type !== 'reference_assignment_expression' ? referenceWriteKey(ctx, left) : undefined;
  if (throughReference) {
    next = ctx.emit(lowerIndexes(ctx, left, next), { ...writeEffect(ctx, left, throughReference.key), throughReference: true });
    if (left.type !== 'variable_name') return next;
  }
  // `$nav->current = …` on an object the session holds.
  else if (node.type !== 'reference_assignment_expression' && assignsIntoSessionHeld(ctx, left)) next = emitHeldValueChange(ctx, left, next);
  const ownStatic = node.type === 'assignment_expression' ? emitClassStaticAssignment(ctx, left, right, next) : undefined;
  if (ownStatic) return ownStatic;
  const tracked = node.type === 'reference_assignment_expression' ? undefined : trackedVariable(ctx, left);
  // `$opts += [...]`, `$n .= 'x'`: a new value the lowering cannot tell, so what was known of
  // the variable is forgotten here, as for `$x = f()`.
  if (tracked && node.type === 'augmented_assignment_expression') return emitAssignmentFacts(ctx, tracked, undefined, node, next);
  if (tracked) {
    return (
      (node.type === 'assignment_expression' ? emitSessionTestAssignment(ctx, tracked, right, node, next) : undefined) ??
      emitPredicateAssignment(ctx, left, right, next) ??
      (node.type === 'assignment_expression' ? emitChosenCopy(ctx, left, right, next) : undefined) ??
      (node.type === 'assignment_expression' ? emitCallResultAssignment(ctx, tracked, right, node, next) : undefined) ??
      emitAssignmentFacts(ctx, tracked, literalOf(right), node, next)
    );
  }
  // A static property this unit does not test may still be known to a caller (facts about
  // static properties cross calls): it is forgotten here.
  next = forgetStaticProperty(ctx, left, next);
  const root = sessionRoot(left, session);
  if (root) {
    next = lowerIndexes(ctx, left, next);
    const emptied = left.type === 'variable_name' && right !== null && isEmptyArray(right);
    if (emptied) return emitSessionEmptied(ctx, ctx.emit(next, { ...writeEffect(ctx, left, undefined), clearsAll: true }), node);
    const restores = left.type === 'variable_name' && right !== null && isSavedSessionCopy(ctx, right, session);
    if (restores) return ctx.emit(next, { ...writeEffect(ctx, left, undefined), restoresCopy: true });
    const temporary = root.key !== undefined && isTemporaryKeyWrite(ctx, node, session);
    const object = right !== null && storesObject(ctx, right) ? { storesObject: true as const } : {};
    return ctx.emit(next, temporary ? { ...writeEffect(ctx, left, root.key), temporary: true, ...object } : { ...writeEffect(ctx, left, root.key), ...object });
  }
  if (left.type === 'list_literal' || left.type === 'array_creation_expression') {
    for (const target of left.descendantsOfType(['variable_name', 'subscript_expression'])) {
      const element = target && sessionRoot(target, session);
      if (target && element) next = ctx.emit(next, writeEffect(ctx, target, element.key));
    }
    return next;
  }
  if (left.type === 'subscript_expression' && node.type === 'assignment_expression') return lowerOffsetAccess(ctx, left, 'offsetset', next);
  return left.type === 'variable_name' ? next : lowerIndexesOrChildren(ctx, left, next);
}

/**
 * `Yii::$app->session['cart']` (read: `offsetGet`) or `… = $x` (write: `offsetSet`) on an object
 * whose class the catalog knows as `ArrayAccess`: the access is a call of that method. Elsewhere
 * (arrays, project classes, unknown objects) it is only its parts.
 */
function lowerOffsetAccess(ctx: UnitContext, node: SyntaxNode, method: 'offsetget' | 'offsetset', cursor: Cursor): Cursor {
  const [base, index] = named(node);
  let next = base ? lowerExpression(ctx, base, cursor) : cursor;
  if (index) next = lowerExpression(ctx, index, next);
  const className = base ? typeOf(ctx, base) : undefined;
  const api = className && !ctx.facts.symbols.hasMethod(className, method) ? lookupMethod(ctx, className, method) : undefined;
  if (!api || !className) return next;
  const display = `${receiverDisplay(base!)}[…]`;
  return emitCall(ctx, { node, args: [], display, api, target: { type: 'method', className, method } }, next);
}

function lowerIndexesOrChildren(ctx: UnitContext, node: SyntaxNode, cursor: Cursor): Cursor {
  return node.type === 'subscript_expression' ? lowerIndexes(ctx, node, cursor) : lowerChildren(ctx, node, cursor);
}

function argumentsOf(node: SyntaxNode): SyntaxNode[] {
  const list = node.childForFieldName('arguments') ?? named(node).find((c) => c.type === 'arguments');
  return list ? named(list).filter((c) => c.type === 'argument' || c.type === 'variadic_placeholder') : [];
}

/**
 * `byValue`: the callee is known to take these arguments by value (a language construct, or a
 * catalog function that lists no by-reference argument there).
 */
function lowerArguments(ctx: UnitContext, args: readonly SyntaxNode[], cursor: Cursor, byValue?: (index: number) => boolean): Cursor {
  let next = cursor;
  args.forEach((arg, index) => {
    const value = argumentValue(arg);
    if (value) next = lowerExpression(ctx, value, next);
    // The callee may take it by reference: what was known about it no longer holds.
    const tracked = byValue?.(index) ? undefined : trackedVariable(ctx, value);
    if (tracked) next = emitAssignmentFacts(ctx, tracked, undefined, arg, next);
  });
  return next;
}

/**
 * Language constructs written like calls, and the type-test builtins the predicates read
 * (`is_array($opts)`): they only read their operands, so what is known about them still holds.
 */
const READING_CONSTRUCTS = new Set(['isset', 'empty', 'is_null', 'defined', ...TYPE_TESTS.keys()]);

function lowerFunctionCall(ctx: UnitContext, node: SyntaxNode, cursor: Cursor): Cursor {
  const callee = node.childForFieldName('function');
  if (isFirstClass(node)) return callee ? lowerExpression(ctx, callee, cursor) : cursor;
  const args = argumentsOf(node);
  if (!callee) return lowerArguments(ctx, args, cursor);
  if (callee.type !== 'name' && callee.type !== 'qualified_name') {
    // `$callback()`, `(function () { … })()`, `$f()` with `$f = fn …`: run what it holds.
    const next = lowerArguments(ctx, args, lowerExpression(ctx, callee, cursor));
    const target = callableTarget(ctx, callee) ?? functionNamePattern(ctx, callee) ?? { type: 'dynamic' as const };
    const display = callee.type === 'variable_name' ? `${callee.text}()` : 'the closure';
    return emitCall(ctx, { node, args, display, api: undefined, target }, next);
  }
  const written = callee.text;
  const candidates = ctx.names.functionCandidates(written);
  const global = candidates[candidates.length - 1]!;
  const projectDeclared = candidates.some((c) => ctx.facts.symbols.hasFunction(c));
  const known = projectDeclared ? undefined : ctx.catalog.functions[global];
  // A pure project function (`pure-functions.ts`) takes no argument by reference: a test of
  // `isnum($delay)` keeps what is known of `$delay`.
  const pureProject = projectDeclared && ctx.predicateScope.pure?.(node) !== undefined;
  const byValue = (index: number): boolean =>
    pureProject || (READING_CONSTRUCTS.has(global) && !projectDeclared) || (known !== undefined && !(known.byRefArguments ?? []).includes(index));
  let next = lowerArguments(ctx, args, cursor, byValue);
  // `define('X', …)`: what was known about `X` no longer holds; `defined('X')` does.
  next = emitDefineFacts(ctx, node, next);
  const projectFunction = candidates.find((c) => ctx.facts.symbols.hasFunction(c));
  const display = `${stripLeadingBackslash(written)}()`;
  const configured = candidates.map((c) => ctx.catalog.functions[c]).find((entry) => entry?.authoritative);
  if (configured) return emitCall(ctx, { node, args, display, api: configured, target: { type: 'function', candidates } }, next);
  if (projectFunction) {
    const called = emitCall(ctx, { node, args, display, api: undefined, target: { type: 'function', candidates: [projectFunction] } }, next);
    return emitHelperInclude(ctx, node, projectFunction, args, called);
  }
  // Catalog functions are global: the last candidate is the global name.
  const api = ctx.catalog.functions[candidates[candidates.length - 1]!];
  return emitCall(ctx, { node, args, display, api, target: { type: 'function', candidates } }, next);
}

function lowerMethodCall(ctx: UnitContext, node: SyntaxNode, cursor: Cursor): Cursor {
  const object = node.childForFieldName('object');
  if (isFirstClass(node)) return object ? lowerExpression(ctx, object, cursor) : cursor;
  const nameNode = node.childForFieldName('name');
  const args = argumentsOf(node);
  let next = object ? lowerExpression(ctx, object, cursor) : cursor;
  next = lowerArguments(ctx, args, next);
  const arrow = node.type === 'nullsafe_member_call_expression' ? '?->' : '->';
  const receiver = object ? receiverDisplay(object) : '';
  if (!nameNode || nameNode.type !== 'name') {
    const display = `${receiver}${arrow}${nameNode?.text ?? ''}()`;
    const className = object ? typeOf(ctx, object) : undefined;
    const method = nameNode ? dynamicMethodName(ctx, nameNode) : undefined;
    // `$this->controller->{$action}()`: a dispatch, when the code bounds both names.
    const dispatch = !className && object && nameNode?.type === 'variable_name' ? dispatchTarget(ctx, object, nameNode) : undefined;
    if (dispatch) return emitCall(ctx, { node, args, display, api: undefined, target: dispatch }, next);
    // `$controller->$action()` with `$action` from the request: any public method may run.
    if (className && !method && object && nameNode && ctx.facts.symbols.hasClass(className) && isRequestNamedMethod(ctx, object, nameNode)) {
      return emitCall(ctx, { node, args, display, api: undefined, target: { type: 'dynamic-method', className, method: [{ unknown: true }], requestNamed: { arguments: passedArguments(node, args) } } }, next);
    }
    if (!className || !method || !ctx.facts.symbols.hasClass(className)) return emitCall(ctx, { node, args, display, api: undefined, target: { type: 'dynamic' } }, next);
    // A name that is all literal (`$this->{'poll'}()`) is that method.
    const literal = method.every((part) => 'text' in part) ? method.map((part) => ('text' in part ? part.text : '')).join('') : undefined;
    const target = literal !== undefined ? { type: 'method' as const, className, method: literal, virtual: true as const } : { type: 'dynamic-method' as const, className, method };
    return emitCall(ctx, { node, args, display, api: literal !== undefined ? catalogUnlessProject(ctx, className, literal) : undefined, target }, next);
  }
  const method = nameNode.text.toLowerCase();
  // `$settings->auth->login()` on a property built with `new $alib()`: the classes that fit.
  const constructed = object ? constructedPropertyDispatch(ctx, object, method) : undefined;
  if (constructed) return emitCall(ctx, { node, args, display: `${receiver}${arrow}${nameNode.text}()`, api: undefined, target: constructed }, next);
  const className = object ? typeOf(ctx, object) : undefined;
  if (className === undefined) {
    const display = `${receiver}${arrow}${nameNode.text}()`;
    return emitCall(ctx, { node, args, display, api: undefined, target: { type: 'unknown-method', method } }, next);
  }
  const api = catalogUnlessProject(ctx, className, method);
  const display = `${receiver}${arrow}${nameNode.text}()`;
  // `$container->get('mailer')`: the container builds the project's service on the first call.
  const service = containerService(ctx, api, args);
  if (service) {
    const written = args.map((a) => a.text).join(', ');
    return emitServiceGet(ctx, node, written.length > 40 ? display : `${receiver}${arrow}${nameNode.text}(${written})`, service, next);
  }
  // On an object: the object's class, perhaps a subclass of the one known here, picks the method.
  return emitCall(ctx, { node, args, display, api, target: { type: 'method', className, method, virtual: true } }, next);
}

/**
 * The catalog's entry for a method, unless project code declares that method (then the
 * analysis follows the code) — except entries the user configured, which always win.
 */
function catalogUnlessProject(ctx: UnitContext, className: string, method: string): ReturnType<typeof lookupMethod> {
  const api = lookupMethod(ctx, className, method);
  if (api?.authoritative) return api;
  return ctx.facts.symbols.hasMethod(className, method) ? undefined : api;
}

/**
 * How a receiver reads in a one-line message: variables and property chains as written,
 * `(new Report(...))` as `Report`, anything long or multi-line shortened.
 */
function receiverDisplay(object: SyntaxNode): string {
  if (object.type === 'parenthesized_expression' && object.namedChild(0)?.type === 'object_creation_expression') {
    const classNode = named(object.namedChild(0)!).find((c) => c.type === 'name' || c.type === 'qualified_name');
    if (classNode) return `(new ${stripLeadingBackslash(classNode.text)})`;
  }
  // A call's arguments are not what names it: `Customers::getLocal(…)->add()`, never an
  // expression cut in the middle of its argument list.
  const call = callDisplay(object);
  if (call !== undefined && call.length <= 60) return call;
  const oneLine = object.text.split(/\s+/).join(' ');
  return oneLine.length > 40 ? `${oneLine.slice(0, 37)}...` : oneLine;
}

/** A class written by name (`Customers`, `\App\Db`), `self`/`static`/`parent`, or a variable. */
const SCOPES = new Set(['name', 'qualified_name', 'relative_scope', 'variable_name']);
const CALLS = new Set(['function_call_expression', 'scoped_call_expression', 'member_call_expression', 'nullsafe_member_call_expression']);

/** A call as its name with the arguments left out (`(…)`), or undefined for anything else. */
function callDisplay(node: SyntaxNode): string | undefined {
  if (!CALLS.has(node.type)) return undefined;
  const args = node.childForFieldName('arguments');
  const elided = args && args.namedChildren.some((c) => c?.type === 'argument') ? '(…)' : '()';
  const name = node.childForFieldName('name')?.text;
  switch (node.type) {
    case 'function_call_expression': {
      const callee = node.childForFieldName('function');
      return callee && (callee.type === 'name' || callee.type === 'qualified_name' || callee.type === 'variable_name') ? `${callee.text}${elided}` : undefined;
    }
    case 'scoped_call_expression': {
      const scope = node.childForFieldName('scope');
      return scope && name && SCOPES.has(scope.type) ? `${scope.text}::${name}${elided}` : undefined;
    }
    default: {
      const object = node.childForFieldName('object');
      return object && name ? `${receiverDisplay(object)}${node.type === 'nullsafe_member_call_expression' ? '?->' : '->'}${name}${elided}` : undefined;
    }
  }
}

function lowerStaticCall(ctx: UnitContext, node: SyntaxNode, cursor: Cursor): Cursor {
  if (isFirstClass(node)) return cursor;
  const scope = node.childForFieldName('scope');
  const nameNode = node.childForFieldName('name');
  const args = argumentsOf(node);
  const next = lowerArguments(ctx, args, cursor);
  if (!scope || !nameNode || nameNode.type !== 'name') {
    return emitCall(ctx, { node, args, display: `${node.text.split('(')[0]}()`, api: undefined, target: { type: 'dynamic' } }, next);
  }
  let className: string | undefined;
  // `static::m()` is bound late: the class the call runs in, perhaps a subclass, picks the method.
  let virtual = false;
  if (scope.type === 'relative_scope') {
    const keyword = scope.text.toLowerCase();
    className = keyword === 'parent' ? (ctx.className ? ctx.facts.symbols.parentOf(ctx.className) : undefined) : ctx.className;
    virtual = keyword === 'static';
  } else if (scope.type === 'name' || scope.type === 'qualified_name') {
    className = ctx.names.resolveClass(scope.text);
  }
  const method = nameNode.text.toLowerCase();
  const display = `${scope.text}::${nameNode.text}()`;
  if (className === undefined) {
    return emitCall(ctx, { node, args, display, api: undefined, target: { type: 'unknown-method', method } }, next);
  }
  const api = catalogUnlessProject(ctx, className, method);
  return emitCall(ctx, { node, args, display, api, target: { type: 'method', className, method, ...(virtual ? { virtual: true as const } : {}) } }, next);
}

function lowerInclude(ctx: UnitContext, node: SyntaxNode, cursor: Cursor): Cursor {
  const argument = named(node)[0];
  const next = argument ? lowerExpression(ctx, argument, cursor) : cursor;
  const alternatives = includeAlternatives(ctx, argument);
  const path = alternatives?.[0] ?? assignedSkeletonPath(argument, ctx.facts.file) ?? evaluateStatic(argument, ctx.facts.file);
  const keyword = node.type.slice(0, node.type.indexOf('_expression'));
  const written = argument ? argument.text.split(/\s+/).join(' ') : '';
  const display = `${keyword} ${written.length > 50 ? `${written.slice(0, 47)}...` : written}`;
  const once = keyword.endsWith('_once');
  const target = { type: 'include' as const, path, from: ctx.facts.file, ...(alternatives ? { alternatives } : {}), ...(once ? { once: true as const } : {}) };
  const included = emitCall(ctx, { node, args: [], display, api: undefined, target }, next);
  return emitBootstrapOpen(ctx, node, path, display, included);
}

/**
 * `new self` and `new static` build the class they are written in (for `static`, a subclass
 * calling an inherited factory builds itself; the class written is what the code shows);
 * `new parent` its parent.
 */
function relativeClass(ctx: UnitContext, keyword: string): string | undefined {
  const lower = keyword.toLowerCase();
  if (lower === 'parent') return ctx.className ? ctx.facts.symbols.parentOf(ctx.className) : undefined;
  return ctx.className;
}

function lowerNew(ctx: UnitContext, node: SyntaxNode, cursor: Cursor): Cursor {
  const classNode = named(node).find((c) => c.type === 'name' || c.type === 'qualified_name' || c.type === 'relative_scope');
  const args = argumentsOf(node);
  const next = lowerArguments(ctx, args, cursor);
  if (!classNode) {
    // `new $class()`: the class when the unit says which (a literal, or files a pattern include picks).
    const variable = named(node).find((c) => c.type === 'variable_name');
    const target = variable ? dynamicClassTarget(ctx, variable) : undefined;
    if (!target || !variable) return next;
    const api = target.type === 'method' ? catalogUnlessProject(ctx, target.className, '__construct') : undefined;
    return emitCall(ctx, { node, args, display: `new ${variable.text}()`, api, target }, next);
  }
  // `new static` parses as a name, `self`/`parent` as a name or a relative scope.
  const relative = classNode.type === 'relative_scope' || ['self', 'static', 'parent'].includes(classNode.text.toLowerCase());
  const className = relative ? relativeClass(ctx, classNode.text) : ctx.names.resolveClass(classNode.text);
  if (className === undefined) return next;
  const display = `new ${stripLeadingBackslash(classNode.text)}()`;
  const api = catalogUnlessProject(ctx, className, '__construct');
  return emitCall(ctx, { node, args, display, api, target: { type: 'method', className, method: '__construct' } }, next);
}


/** Alternatives of an include path are capped: beyond this the variable is taken as unknown. */
const MAX_INCLUDE_ALTERNATIVES = 4;

/**
 * The paths an include may be when variables in it have only literal values in this unit
 * (`$rel_path = './';` … `$rel_path = '../';` then `require_once($rel_path . 'common.php')`);
 * undefined when no variable has.
 */
function includeAlternatives(ctx: UnitContext, node: SyntaxNode | undefined): StaticString[] | undefined {
  if (!node) return undefined;
  let expanded = false;
  const expand = (current: SyntaxNode | null, depth: number): StaticString[] => {
    if (!current || depth > 32) return [[{ unknown: true }]];
    if (current.type === 'parenthesized_expression' || current.type === 'argument') return expand(current.namedChild(current.namedChildCount - 1), depth + 1);
    if (current.type === 'binary_expression' && current.childForFieldName('operator')?.text === '.') {
      const lefts = expand(current.childForFieldName('left'), depth + 1);
      const rights = expand(current.childForFieldName('right'), depth + 1);
      if (lefts.length * rights.length > MAX_INCLUDE_ALTERNATIVES) return [[{ unknown: true }]];
      return lefts.flatMap((left) => rights.map((right) => [...left, ...right]));
    }
    const imploded = implodeOperands(current);
    const separator = imploded ? evaluateStatic(imploded.separator, ctx.facts.file) : undefined;
    if (imploded && separator && !separator.some((part) => 'unknown' in part)) {
      // `implode(DIRECTORY_SEPARATOR, [$config['lib'], 'x.php'])`: its elements, expanded like `.`'s operands.
      let joined: StaticString[] = [[]];
      for (const [index, element] of imploded.elements.entries()) {
        const values = expand(element, depth + 1);
        if (joined.length * values.length > MAX_INCLUDE_ALTERNATIVES) return [[{ unknown: true }]];
        joined = joined.flatMap((left) => values.map((right) => [...left, ...(index > 0 ? separator : []), ...right]));
      }
      return joined;
    }
    // `$config['lib_dir']` at a file's top level (or with `global $config;`): the one value the project's top-level code gives that element.
    const element = current.type === 'subscript_expression' ? namedElement(current) : undefined;
    if (element !== undefined) {
      const global = isGlobalHere(ctx, element.slice(0, element.indexOf('['))) ? ctx.facts.symbols.globalValues(element) : undefined;
      if (global) {
        expanded = true;
        return [...global];
      }
    }
    if (current.type === 'variable_name') {
      const assigned = ctx.assignments.get(current.text) ?? [];
      // A global the unit does not assign (`global $g_core_path;`, or read at a file's top
      // level): the one value the project's top-level code gives it.
      const global = assigned.length === 0 && isGlobalHere(ctx, current.text) ? ctx.facts.symbols.globalValues(current.text) : undefined;
      if (global) {
        expanded = true;
        return [...global];
      }
      const values = assigned.map((value) => evaluateStatic(value, ctx.facts.file));
      if (values.length > 0 && values.length <= MAX_INCLUDE_ALTERNATIVES && values.every((value) => value.every((part) => 'text' in part))) {
        expanded = true;
        return [...new Map(values.map((value) => [JSON.stringify(value), value] as const)).values()];
      }
    }
    return [evaluateStatic(current, ctx.facts.file)];
  };
  const alternatives = expand(node, 0);
  return expanded ? alternatives : undefined;
}

/** `$name` is a global in this unit: at a file's top level, or declared `global` in a function. */
function isGlobalHere(ctx: UnitContext, variable: string): boolean {
  const unit = ctx.unitNode;
  if (!unit) return false;
  if (unit.type === 'program') return true;
  return declaresInUnit(unit, variable, 'global_declaration');
}

/**
 * `require_api('authentication_api.php')` where `require_api()` includes a path built from
 * its parameter: the file that call includes runs here, after the call (the include inside
 * the function cannot know which file it is). Only when the argument is known.
 */
function emitHelperInclude(ctx: UnitContext, node: SyntaxNode, name: string, args: readonly SyntaxNode[], cursor: Cursor): Cursor {
  const helper = ctx.facts.symbols.includeHelper(name);
  if (!helper) return cursor;
  const argument = (index: number): StaticString | undefined => {
    const arg = args[index];
    if (!arg || arg.childForFieldName('name') || arg.type === 'variadic_placeholder') return undefined;
    const value = evaluateStatic(arg, ctx.facts.file);
    return value.every((part) => !('unknown' in part)) ? value : undefined;
  };
  const paths = ctx.facts.symbols.instantiate(helper.path, argument);
  if (!paths || paths.length === 0) return cursor;
  const written = node.text.split(/\s+/).join(' ');
  const display = `${helper.keyword} through ${written.length > 50 ? `${written.slice(0, 47)}...` : written}`;
  const target = { type: 'include' as const, path: paths[0]!, from: helper.from, ...(paths.length > 1 ? { alternatives: paths } : {}), helper: true as const };
  return emitCall(ctx, { node, args: [], display, api: undefined, target }, cursor);
}

/**
 * The name of a method called by an expression (`$this->{$method}()` with `$method =
 * "ping_" . $this->type`, or `$this->{"ping_" . $type}()`), lower-case, when it starts with
 * literal text: a pattern of the methods it may be.
 */
/** How many arguments a call passes; a spread (`...$args`) may pass any number. */
function passedArguments(call: SyntaxNode, args: readonly SyntaxNode[]): number {
  const spread = call.childForFieldName('arguments')?.namedChildren.some((a) => a?.text.startsWith('...'));
  return spread ? SPREAD_ARGUMENTS : args.length;
}

/** More arguments than any method requires. */
const SPREAD_ARGUMENTS = 1000;

function dynamicMethodName(ctx: UnitContext, node: SyntaxNode): StaticString | undefined {
  const value = node.type === 'variable_name' ? ctx.singleAssignments.get(node.text) : node;
  if (!value || ctx.parameters.has(node.text)) return undefined;
  const name = evaluateStatic(value, ctx.facts.file).map((part) => ('text' in part ? { text: part.text.toLowerCase() } : { unknown: true as const }));
  const first = name[0];
  return first && 'text' in first && first.text !== '' ? name : undefined;
}
