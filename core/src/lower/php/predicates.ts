import { FRESH_PROPERTY_PREFIX } from './fresh-objects';
import { lackingOutcome } from './environment-probes';
import type { Cursor } from '../../ir/cfg-builder';
import { NESTED_DECLARATIONS } from './unit-scope';
import type { FactEffect, PredicateValue } from '../../ir/effects';
import type { SyntaxNode } from '../../parse/php';
import type { UnitContext } from './context';
import { literalString } from './session-access';
import { callArguments, calledName, type Literal, literalOf, negatedOperand, parenthesizedInner, stripLeadingBackslash, truthy, withoutParentheses } from './literals';
import { alwaysRemembered, isClassStaticSubject, shapeValue, TYPE_TESTS, type OrderOperator, type PredicateShape, type TypeTest } from '../../ir/predicate-shape';
export { alwaysRemembered } from '../../ir/predicate-shape';
import { evaluate, settingsRead, withDefaults, type PureFunction } from './pure-functions';
import { ownStaticSubject, type ClassStatic } from './class-statics';
import { isResultCall } from './call-result-assignment';
import { constantValueFact } from '../../ir/constant-values';

export { literalOf, stripLeadingBackslash, truthy, type Literal } from './literals';

/**
 * Branch predicates a unit tests more than once, so that the flow can remember them along a
 * path (`FactEffect`): `$need`, `!$started`, `defined('TESTSUITE')`, `$mode === 'x'`. Only
 * shapes whose value cannot change behind the analysis' back are kept: a local variable
 * that is never taken by reference, made `global` or `static`, unset, changed in place,
 * destructured or bound by `foreach`, in a unit without `$$`, `extract()` or `eval`; and
 * constants (`define()` with a literal name is where they change).
 */

/** A predicate as the lowering sees it: its canonical key, what it reads, how it evaluates. */
export interface Predicate {
  readonly key: string;
  /** `$name` for a variable, `const:NAME` for a constant. */
  readonly subject: string;
  /** What the predicate computes from the subject's value (`shapeValue`). */
  readonly shape: PredicateShape;
}

/** The predicate's value when the subject holds `literal`; undefined when it cannot tell. */
export function valueFor(predicate: Predicate, literal: Literal): boolean | undefined {
  return shapeValue(predicate.shape, literal);
}

/** Resolves a call in a condition to a project function that is pure (`pure-functions.ts`). */
export type PureLookup = (call: SyntaxNode) => { name: string; fn: PureFunction } | undefined;

/** What predicates are read against: the project's pure functions, and the class `self::` names. */
export interface PredicateScope {
  readonly pure?: PureLookup;
  /** Lower-case class of the unit, so `self::$x` is `minz_session::$x` wherever it is tested. */
  readonly selfClass?: string;
  /** The session array's name (`_SESSION`), for `isset($_SESSION['k'])`. */
  readonly sessionVariable?: string;
  /** The `private static` and `protected static` properties of the unit's class (`class-statics.ts`). */
  readonly classStatics?: ReadonlyMap<string, ClassStatic>;
  /** A property of an object the unit builds from a class built alike every time (`fresh-objects.ts`). */
  readonly freshProperty?: (node: SyntaxNode) => Subject | undefined;
}

/**
 * `$_SESSION['k']` with a literal key, as a predicate subject: `session:k`. The session array
 * is the same in every unit of a request, so its facts cross calls like settings do; a write
 * to the session or a start (which reloads it) forgets them (`engine.ts`).
 */
export function sessionKeySubject(node: SyntaxNode | null | undefined, sessionVariable: string | undefined): Subject | undefined {
  if (!node || !sessionVariable || node.type !== 'subscript_expression') return undefined;
  const base = node.namedChild(0);
  const index = node.namedChild(1);
  if (base?.type !== 'variable_name' || base.namedChild(0)?.text !== sessionVariable || !index) return undefined;
  const key = literalString(index);
  return key === undefined ? undefined : { key: `$_SESSION[${JSON.stringify(key)}]`, subject: `session:${key}` };
}

/** A test of a predicate: the condition is true when the predicate is `!negated`. */
export interface PredicateTest {
  readonly predicate: Predicate;
  readonly negated: boolean;
}

/** The predicates of one unit worth remembering, by subject. */
export interface TrackedPredicates {
  readonly keys: ReadonlySet<string>;
  readonly bySubject: ReadonlyMap<string, readonly Predicate[]>;
  /**
   * The class's own statics the unit stores a new object in (`self::$instance = new self()`):
   * a singleton's getter, whose tests of the property are remembered whatever the unit does,
   * so a second call in the request takes the path that returns the object built by the first.
   */
  readonly builtStatics?: ReadonlySet<string>;
  /** Every test of such a static in the unit's conditions, tested once or more (`instanceof self`). */
  readonly staticTests?: ReadonlyMap<string, readonly Predicate[]>;
}

export const NO_TRACKED_PREDICATES: TrackedPredicates = { keys: new Set(), bySubject: new Map() };

/**
 * A condition whose value is fixed by its text (`false`, `0`, `null`, `true`, `1`): the
 * branch it rules out is dead code. Constants and variables are never folded here.
 */
export function constantTruth(node: SyntaxNode): boolean | undefined {
  if (node.type === 'parenthesized_expression') {
    const inner = node.namedChild(0);
    return inner ? constantTruth(inner) : undefined;
  }
  if (node.type !== 'null' && node.type !== 'boolean' && node.type !== 'integer') return undefined;
  const value = literalOf(node);
  return value === undefined ? undefined : truthy(value);
}

export function literalKey(value: Literal): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function onlyArgument(node: SyntaxNode): SyntaxNode | undefined {
  const args = callArguments(node);
  return args.length === 1 ? (args[0]!.namedChild(0) ?? undefined) : undefined;
}

/** A plain local variable: not `$this`, not a superglobal (other code changes those). */
function localVariable(node: SyntaxNode | null | undefined): string | undefined {
  if (node?.type !== 'variable_name') return undefined;
  const name = node.namedChild(0)?.text ?? '';
  if (name === 'this' || name === 'GLOBALS' || name.startsWith('_')) return undefined;
  return node.text;
}

/**
 * What a predicate can be about: a plain local variable (`$need`), a property of `$this`
 * (`$this->started`, subject `->started`) or a static property (`self::$locked`, subject
 * `::$locked`, whatever the class: `Foo::$x` may be `self::$x`). Properties can change in
 * any call, so the flow forgets their facts at every call.
 */
function subjectOf(node: SyntaxNode | null | undefined, selfClass?: string, statics?: ReadonlyMap<string, ClassStatic>): { key: string; subject: string } | undefined {
  if (!node) return undefined;
  const variable = localVariable(node);
  if (variable) return { key: variable, subject: variable };
  if (node.type === 'member_access_expression') {
    const object = node.childForFieldName('object');
    const name = node.childForFieldName('name');
    if (object?.type === 'variable_name' && object.text === '$this' && name?.type === 'name') return { key: `$this->${name.text}`, subject: `->${name.text}` };
  }
  if (node.type === 'scoped_property_access_expression') {
    const scope = node.childForFieldName('scope');
    const name = node.childForFieldName('name');
    if (scope && name?.type === 'variable_name') {
      // Static properties are facts across calls: `self::` and `static::` are named by the class.
      const written = scope.text.toLowerCase();
      // The class's own private or protected static: another class's code does not write it (named by the class however written).
      const own = ownStaticSubject(node, selfClass, statics);
      const owner = ((written === 'self' || written === 'static') || own) && selfClass ? selfClass : stripLeadingBackslash(written);
      return { key: `${owner}::${name.text}`, subject: own ?? `::${name.text}` };
    }
  }
  return undefined;
}

/** The subject of a property on any object (`$o->x` → `->x`, `Foo::$y` → `::$y`); undefined for a computed name. */
export function propertySubject(node: SyntaxNode, selfClass?: string, statics?: ReadonlyMap<string, ClassStatic>): string | undefined {
  const name = node.childForFieldName('name');
  if (node.type === 'member_access_expression') return name?.type === 'name' ? `->${name.text}` : undefined;
  if (node.type === 'scoped_property_access_expression') return name?.type === 'variable_name' ? (ownStaticSubject(node, selfClass, statics) ?? `::${name.text}`) : undefined;
  return undefined;
}

/** True for subjects that calls may change (properties). */
export function isPropertySubject(subject: string): boolean {
  return subject.startsWith('->') || subject.startsWith('::');
}

/**
 * What a comparison or a `switch` can be about: a subject (`subjectOf`), or a project constant
 * (`PAGE_NAME == 'login'`, `switch (PAGE_NAME)`, subject `const:PAGE_NAME`). A constant keeps
 * the value its `define()` gave it, so a literal `define()` before the test decides it
 * (`emitDefineFacts`).
 */
function comparedSubject(node: SyntaxNode | null | undefined, scope?: PredicateScope): { key: string; subject: string } | undefined {
  const subject = subjectOf(node, scope?.selfClass, scope?.classStatics) ?? (node ? scope?.freshProperty?.(node) : undefined);
  if (subject) return subject;
  const constant = constantName(node);
  return constant ? { key: constant, subject: `const:${constant}` } : undefined;
}

function constantName(node: SyntaxNode | null | undefined): string | undefined {
  if (node?.type !== 'name' && node?.type !== 'qualified_name') return undefined;
  const name = stripLeadingBackslash(node.text);
  const lower = name.toLowerCase();
  if (lower === 'true' || lower === 'false' || lower === 'null') return undefined;
  return name;
}

type Subject = { key: string; subject: string };

function truthiness({ key, subject }: Subject): Predicate {
  return { key, subject, shape: { kind: 'truthy' } };
}

function comparison({ key: name, subject }: Subject, strict: boolean, literal: Literal): Predicate {
  const key = `${name} ${strict ? '===' : '=='} ${literalKey(literal)}`;
  return { key, subject, shape: { kind: 'compare', strict, literal } };
}

/** `is_array($opts)`: decided by a literal the subject holds (a parameter's default, `$x = null`). */
function typeTestOf({ key: name, subject }: Subject, builtin: string, type: TypeTest): Predicate {
  return { key: `${builtin}(${name})`, subject, shape: { kind: 'type', type } };
}

const OPAQUE: PredicateShape = { kind: 'opaque' };

/** "The setting is off" (`''` or `'0'`), what `ini_set()` facts say (`settingFact` in the flow). */
function settingOff(setting: string): Predicate {
  return { key: `ini:${setting}=off`, subject: `ini:${setting}`, shape: OPAQUE };
}

/**
 * A call of a pure project function with literal arguments (`ini_bool('session.use_cookies')`).
 * One that reads a single setting and is true exactly when that setting is on (or off), as
 * evaluated on `''`, `'0'` and `'1'` (what `ini_set()` stores for false, 0 and true), is that
 * setting's predicate, so `ini_set()` decides it; any other is a predicate of its own, over
 * the setting it reads (an `ini_set()` of it forgets it) or over nothing.
 */
function pureCallTest(node: SyntaxNode, name: string, fn: PureFunction, scope?: PredicateScope): PredicateTest | undefined {
  const written = callArguments(node);
  if (written.some((arg) => arg.childForFieldName('name') || arg.namedChildren.some((c) => c?.type === 'variadic_unpacking'))) return undefined;
  const literals = written.map((arg) => literalOf(arg.namedChild(0)));
  if (literals.some((value) => value === undefined)) return pureCallOfVariable(written, literals, name, fn, scope);
  const args = withDefaults(fn, literals as Literal[]);
  const settings = args && settingsRead(fn, args);
  if (!args || !settings || settings.length > 1) return undefined;
  const key = `${name}(${args.map(literalKey).join(', ')})`;
  const setting = settings[0];
  if (setting === undefined) return { predicate: { key, subject: `pure:${key}`, shape: OPAQUE }, negated: false };
  const at = (value: string): Literal | undefined => evaluate(fn.result, args, (read) => (read === setting ? value : undefined));
  const [empty, zero, one] = [at(''), at('0'), at('1')];
  if (empty !== undefined && zero !== undefined && one !== undefined && truthy(empty) === truthy(zero) && truthy(one) !== truthy(empty)) {
    return { predicate: settingOff(setting), negated: !truthy(empty) };
  }
  return { predicate: { key, subject: `ini:${setting}`, shape: OPAQUE }, negated: false };
}

/** The values a caller can decide a parameter with: the flag-like literals (`literalArguments`) and `'0'`. */
const DECIDABLE_VALUES: readonly Literal[] = [true, false, null, 0, 1, '', '0'];

/**
 * A call of a pure project function whose one non-literal argument is a variable
 * (`isnum($delay)` in PHPFusion's `redirect($location, $delay = FALSE)`): a predicate over that
 * variable, its answer worked out for each value a caller can decide it with, so a parameter's
 * literal default or a flag-like argument decides the test (`isnum(FALSE)` is false: the
 * redirect exits). Only functions that read no setting.
 */
function pureCallOfVariable(written: readonly SyntaxNode[], literals: readonly (Literal | undefined)[], name: string, fn: PureFunction, scope?: PredicateScope): PredicateTest | undefined {
  const open = literals.flatMap((value, index) => (value === undefined ? [index] : []));
  if (open.length !== 1) return undefined;
  const at = open[0]!;
  const variable = subjectOf(written[at]!.namedChild(0), scope?.selfClass, scope?.classStatics);
  if (!variable) return undefined;
  const known: { value: Literal; result: boolean }[] = [];
  for (const value of DECIDABLE_VALUES) {
    const args = withDefaults(fn, literals.map((literal, index) => (index === at ? value : literal!)));
    const settings = args && settingsRead(fn, args);
    if (!args || !settings || settings.length > 0) return undefined;
    const result = evaluate(fn.result, args, () => undefined);
    if (result !== undefined) known.push({ value, result: truthy(result) });
  }
  if (known.length === 0) return undefined;
  const key = `${name}(${literals.map((literal, index) => (index === at ? variable.key : literalKey(literal!))).join(', ')})`;
  return { predicate: { key, subject: variable.subject, shape: { kind: 'values', known } }, negated: false };
}

/** The predicate a condition leaf tests, if it is one the flow can remember. */
export function predicateTest(node: SyntaxNode, scope?: PredicateScope): PredicateTest | undefined {
  if (node.type === 'parenthesized_expression') {
    const inner = parenthesizedInner(node);
    return inner ? predicateTest(inner, scope) : undefined;
  }
  const negated = negatedOperand(node);
  if (negated) {
    const inner = predicateTest(negated, scope);
    return inner && { predicate: inner.predicate, negated: !inner.negated };
  }
  const variable = subjectOf(node, scope?.selfClass, scope?.classStatics) ?? scope?.freshProperty?.(node);
  if (variable) return { predicate: truthiness(variable), negated: false };
  // `if ($_SESSION['authorized'])`: the session array is the same until it is written or
  // reloaded (`engine.ts` forgets its keys then); `session_destroy()` leaves it as it was, so a
  // second test after a destroy under the first gives the same answer.
  const sessionValue = sessionKeySubject(node, scope?.sessionVariable);
  if (sessionValue) return { predicate: truthiness(sessionValue), negated: false };
  const constant = constantName(node);
  if (constant) return { predicate: { key: constant, subject: `const:${constant}`, shape: OPAQUE }, negated: false };
  const called = calledName(node);
  if (called) {
    const argument = onlyArgument(node);
    const argVariable = subjectOf(argument, scope?.selfClass, scope?.classStatics);
    const emptied = argVariable ?? (called === 'empty' ? sessionKeySubject(argument, scope?.sessionVariable) : undefined);
    if (called === 'empty' && emptied) return { predicate: truthiness(emptied), negated: true };
    const sessionKey = called === 'isset' && !argVariable ? sessionKeySubject(argument, scope?.sessionVariable) : undefined;
    const isset = argVariable ?? sessionKey;
    if (called === 'isset' && isset) {
      return { predicate: { key: `isset(${isset.key})`, subject: isset.subject, shape: { kind: 'isset' } }, negated: false };
    }
    if (called === 'is_null' && argVariable) return { predicate: comparison(argVariable, true, null), negated: false };
    const typeTest = TYPE_TESTS.get(called);
    if (typeTest && argVariable) return { predicate: typeTestOf(argVariable, called, typeTest), negated: false };
    // The settings the flow remembers from `ini_set()` (see `settingFact`): truthy when not off.
    const setting = called === 'ini_get' && argument ? literalString(argument)?.toLowerCase() : undefined;
    if (setting !== undefined) return { predicate: settingOff(setting), negated: true };
    if (called === 'defined' && argument) {
      const name = literalString(argument);
      if (name) {
        const constant = stripLeadingBackslash(name);
        return { predicate: { key: `defined(${constant})`, subject: `const:${constant}`, shape: OPAQUE }, negated: false };
      }
    }
    const project = scope?.pure?.(node);
    return project ? pureCallTest(node, project.name, project.fn, scope) : undefined;
  }
  const instance = instanceTest(node, scope);
  if (instance) return instance;
  if (node.type === 'binary_expression') {
    const operator = (node.childForFieldName('operator')?.text ?? '').toLowerCase();
    const strict = operator === '===' || operator === '!==';
    const loose = operator === '==' || operator === '!=' || operator === '<>';
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    if (ORDER_OPERATORS.has(operator)) return orderTest(left, right, operator as OrderOperator, scope);
    if (!strict && !loose) return undefined;
    for (const [side, other] of [[left, right], [right, left]] as const) {
      const subject = comparedSubject(side, scope);
      const literal = literalOf(other);
      if (subject && literal !== undefined) {
        return { predicate: comparison(subject, strict, literal), negated: operator.startsWith('!') || operator === '<>' };
      }
    }
  }
  return undefined;
}

/**
 * `self::$instance instanceof self` (or `instanceof Session`, the class named): a predicate over
 * the subject, so that a singleton's `if (!(self::$instance instanceof self))` is decided by
 * what an earlier call of the request stored, as `!isset(self::$instance)` is. The class is
 * read as written (`self`/`static` as the unit's class), lower-case; a computed class
 * (`instanceof $cls`) is not a predicate.
 */
function instanceTest(node: SyntaxNode, scope?: PredicateScope): PredicateTest | undefined {
  let left: SyntaxNode | null = null;
  let right: SyntaxNode | null = null;
  if (node.type === 'binary_expression' && node.childForFieldName('operator')?.text.toLowerCase() === 'instanceof') {
    left = node.childForFieldName('left');
    right = node.childForFieldName('right');
  } else if (node.type === 'instanceof_expression') {
    left = node.namedChild(0);
    right = node.namedChild(1);
  } else {
    return undefined;
  }
  const subject = subjectOf(withoutParentheses(left ?? node), scope?.selfClass, scope?.classStatics);
  const className = right ? writtenClass(right, scope?.selfClass) : undefined;
  if (!subject || !className) return undefined;
  return { predicate: { key: `${subject.key} instanceof ${className}`, subject: subject.subject, shape: { kind: 'instance', className } }, negated: false };
}

/** `self`, `static` (the unit's class) or a written class name, lower-case; undefined for anything computed. */
function writtenClass(node: SyntaxNode, selfClass: string | undefined): string | undefined {
  if (node.type !== 'name' && node.type !== 'qualified_name' && node.type !== 'relative_scope') return undefined;
  const written = stripLeadingBackslash(node.text).toLowerCase();
  if (written === 'self' || written === 'static') return selfClass;
  if (written === 'parent') return undefined;
  // `Session` written inside `namespace App; class Session` is the unit's class.
  return selfClass && (selfClass === written || selfClass.endsWith(`\\${written}`)) ? selfClass : written;
}

const ORDER_OPERATORS: ReadonlySet<string> = new Set(['<', '<=', '>', '>=']);
const FLIPPED: Readonly<Record<OrderOperator, OrderOperator>> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

/** `$time < 0` (or `0 > $time`): the subject ordered against a number. */
function orderTest(left: SyntaxNode | null, right: SyntaxNode | null, operator: OrderOperator, scope?: PredicateScope): PredicateTest | undefined {
  for (const [side, other, op] of [[left, right, operator], [right, left, FLIPPED[operator]]] as const) {
    const subject = subjectOf(side, scope?.selfClass, scope?.classStatics);
    const literal = literalOf(other);
    if (subject && typeof literal === 'number') {
      return { predicate: { key: `${subject.key} ${op} ${literal}`, subject: subject.subject, shape: { kind: 'order', operator: op, literal } }, negated: false };
    }
  }
  return undefined;
}

const CONDITION_HOLDERS = new Set(['if_statement', 'else_if_clause', 'while_statement', 'do_statement', 'for_statement']);

/** The leaves of a condition, as `lowerCondition` splits it (`&&`, `||`, `!`, parentheses). */
function conditionLeaves(node: SyntaxNode, out: SyntaxNode[]): void {
  if (node.type === 'parenthesized_expression') {
    const inner = node.namedChildren.find((c) => c !== null && c.type !== 'comment');
    if (inner) conditionLeaves(inner, out);
    return;
  }
  if (node.type === 'binary_expression') {
    const operator = (node.childForFieldName('operator')?.text ?? '').toLowerCase();
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    if (left && right && ['&&', '||', 'and', 'or'].includes(operator)) {
      conditionLeaves(left, out);
      conditionLeaves(right, out);
      return;
    }
  }
  out.push(node);
}

/** Variables (by `$name`) whose value may change in ways the lowering does not see as `$x = …`. */
export function unstableVariables(node: SyntaxNode, unstable: Set<string>, scope?: PredicateScope): boolean {
  let everything = false;
  const mark = (n: SyntaxNode | null | undefined): void => {
    if (!n) return;
    const own = subjectOf(n, scope?.selfClass, scope?.classStatics);
    if (own) unstable.add(own.subject);
    for (const v of n.descendantsOfType(['variable_name', 'member_access_expression', 'scoped_property_access_expression'])) {
      const inner = subjectOf(v, scope?.selfClass, scope?.classStatics);
      if (inner) unstable.add(inner.subject);
    }
  };
  switch (node.type) {
    case 'dynamic_variable_name':
      everything = true;
      break;
    case 'global_declaration':
    case 'function_static_declaration':
    case 'by_ref':
    case 'reference_assignment_expression':
    case 'unset_statement':
    case 'list_literal':
      mark(node);
      break;
    case 'augmented_assignment_expression':
      // A plain variable's `+=` is seen where it happens (its facts are forgotten there); an
      // array element or property changed in place is not a subject the lowering follows.
      if (localVariable(node.childForFieldName('left')) === undefined) mark(node.childForFieldName('left'));
      break;
    case 'update_expression':
      mark(node.childForFieldName('argument') ?? node.namedChild(0));
      break;
    case 'assignment_expression': {
      const left = node.childForFieldName('left');
      if (left?.type === 'array_creation_expression') mark(left);
      break;
    }
    case 'foreach_statement': {
      const body = node.childForFieldName('body');
      const parts = node.namedChildren.filter((c): c is SyntaxNode => c !== null && c.id !== body?.id && c.type !== 'comment');
      for (const binding of parts.slice(1)) mark(binding);
      break;
    }
    case 'catch_clause':
      mark(node.childForFieldName('name'));
      break;
    case 'function_call_expression': {
      const name = calledName(node);
      // They write variables by name, or hand out all of them.
      if (name === 'extract' || name === 'parse_str' || name === 'get_defined_vars' || name === 'eval') everything = true;
      break;
    }
  }
  return everything;
}

/** A closure's `use (&$x)` captures (none for an arrow function, which cannot take one). */
export function byReferenceCaptures(node: SyntaxNode): SyntaxNode[] {
  if (node.type !== 'anonymous_function') return [];
  const uses = node.namedChildren.find((c) => c?.type === 'anonymous_function_use_clause');
  return (uses?.descendantsOfType('by_ref') ?? []).filter((ref): ref is SyntaxNode => ref !== null);
}

/**
 * Finds the predicates of a unit worth remembering: tested by two conditions or more, or
 * tested once and also set by a literal assignment (`$started = true`), over a subject that
 * only changes where the lowering sees it.
 */
export function collectTrackedPredicates(
  body: SyntaxNode | null,
  defaults: ReadonlyMap<string, ParameterDefault> = new Map(),
  scope?: PredicateScope,
): TrackedPredicates {
  if (!body) return NO_TRACKED_PREDICATES;
  const counts = new Map<string, number>();
  const predicates = new Map<string, Predicate>();
  // A parameter's literal default is a literal assignment made by every caller that omits it.
  const literalSubjects = new Set<string>(defaults.keys());
  const declaration = body.parent;
  const parameterNames = new Set(declaration && declaration.type !== 'program' ? parameterIndexes(declaration).keys() : []);
  const unstable = new Set<string>();
  const builtStatics = new Set<string>();
  let everythingUnstable = false;
  let constantsUnstable = false;
  let endsRequest: boolean | undefined;
  const stack: SyntaxNode[] = [body];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node !== body && NESTED_DECLARATIONS.has(node.type)) {
      // A closure's `use (&$x)` changes `$x` whenever the closure runs.
      for (const ref of byReferenceCaptures(node)) unstableVariables(ref, unstable, scope);
      continue;
    }
    everythingUnstable = unstableVariables(node, unstable, scope) || everythingUnstable;
    // `unset($_SESSION['k'])` decides `isset($_SESSION['k'])`, as a literal assignment would.
    if (node.type === 'unset_statement') {
      for (const target of node.namedChildren) {
        const key = sessionKeySubject(target, scope?.sessionVariable);
        if (key) literalSubjects.add(key.subject);
      }
    }
    if (node.type === 'function_call_expression' && calledName(node) === 'define') {
      const name = literalString(firstArgument(node) ?? node);
      if (name === undefined) constantsUnstable = true;
      // `define('PAGE_NAME', NULL)` decides the tests of the constant after it, as a literal assignment does.
      else if (literalOf(secondArgument(node)) !== undefined) literalSubjects.add(`const:${stripLeadingBackslash(name)}`);
    }
    if (node.type === 'switch_statement') {
      // Each `case 'lit':` tests `$x == 'lit'`; a parameter switched on may be a literal its
      // caller writes (`handle('/query')`), which decides the cases at the call.
      for (const arm of switchCases(node, scope)) {
        counts.set(arm.predicate.key, (counts.get(arm.predicate.key) ?? 0) + 1);
        predicates.set(arm.predicate.key, arm.predicate);
        if (parameterNames.has(arm.predicate.subject)) literalSubjects.add(arm.predicate.subject);
      }
    }
    if (CONDITION_HOLDERS.has(node.type)) {
      for (const condition of node.childrenForFieldName('condition')) {
        if (!condition) continue;
        const leaves: SyntaxNode[] = [];
        conditionLeaves(condition, leaves);
        for (const leaf of leaves) {
          const test = predicateTest(leaf, scope);
          if (!test) continue;
          counts.set(test.predicate.key, (counts.get(test.predicate.key) ?? 0) + 1);
          predicates.set(test.predicate.key, test.predicate);
          // `if (!$url) return false;` in `redirect($url)`, which exits otherwise: what a caller
          // passes (`''`, a string built with a truthy part, `truthy-strings.ts`) decides at the
          // call whether the request goes on. Only guard clauses of a function that can end the
          // request: a test remembered is a fact every summary of the function is keyed by,
          // which costs summaries wherever callers pass different values.
          if (leaves.length === 1 && test.predicate.shape.kind === 'truthy' && parameterNames.has(test.predicate.subject) && isReturningGuard(node) && (endsRequest ??= exitsItself(body))) literalSubjects.add(test.predicate.subject);
        }
      }
    }
    if (node.type === 'assignment_expression') {
      const left = subjectOf(node.childForFieldName('left'), scope?.selfClass, scope?.classStatics);
      const right = node.childForFieldName('right');
      if (left && isClassStaticSubject(left.subject) && right?.type === 'object_creation_expression') builtStatics.add(left.subject);
      if (left && literalOf(right) !== undefined) literalSubjects.add(left.subject);
      // `$use_cookies = ini_bool('session.use_cookies')`: the variable holds that predicate's
      // value, so it counts as a literal assignment, and as a test of the predicate.
      const test = left && localVariable(node.childForFieldName('left')) && right ? assignedPredicate(right, scope) : undefined;
      if (left && test) {
        literalSubjects.add(left.subject);
        counts.set(test.predicate.key, (counts.get(test.predicate.key) ?? 0) + 1);
        predicates.set(test.predicate.key, test.predicate);
      } else if (left && localVariable(node.childForFieldName('left')) && right && chosenCopies(right, copySources(body, defaults))) {
        // `$do_header = $header === null ? !$done : $header`: the variable holds a copy of a
        // parameter a caller may pass as a literal, chosen by a condition: both are tests.
        const chosen = chosenCopies(right, copySources(body, defaults))!;
        literalSubjects.add(left.subject);
        const leaves: SyntaxNode[] = [];
        for (const condition of chosen.conditions) conditionLeaves(condition, leaves);
        for (const leaf of [...leaves, ...chosen.copies]) {
          const copyTest = predicateTest(leaf, scope);
          if (!copyTest) continue;
          counts.set(copyTest.predicate.key, (counts.get(copyTest.predicate.key) ?? 0) + 1);
          predicates.set(copyTest.predicate.key, copyTest.predicate);
        }
      } else if (left && localVariable(node.childForFieldName('left')) && isResultCall(right)) {
        // `$updated = Update::run()`: each path knows the result's truthiness
        // (`call-result-assignment.ts`), as after a literal assignment.
        literalSubjects.add(left.subject);
      }
    }
    for (const child of node.namedChildren) if (child) stack.push(child);
  }
  const keys = new Set<string>();
  const bySubject = new Map<string, Predicate[]>();
  for (const [key, predicate] of predicates) {
    const { subject } = predicate;
    const isConstant = subject.startsWith('const:');
    if (isConstant ? constantsUnstable : everythingUnstable || unstable.has(subject)) continue;
    const uses = (counts.get(key) ?? 0) + (literalSubjects.has(subject) ? 1 : 0);
    if (uses < 2) continue;
    keys.add(key);
    bySubject.set(subject, [...(bySubject.get(subject) ?? []), predicate]);
  }
  const staticTests = new Map<string, Predicate[]>();
  for (const predicate of predicates.values()) {
    if (builtStatics.has(predicate.subject) && !everythingUnstable && !unstable.has(predicate.subject)) staticTests.set(predicate.subject, [...(staticTests.get(predicate.subject) ?? []), predicate]);
  }
  if (staticTests.size > 0) return { keys, bySubject, builtStatics, staticTests };
  return keys.size === 0 ? NO_TRACKED_PREDICATES : { keys, bySubject };
}

/** Whether the body has an `exit`/`die` of its own (not in a nested function or class). */
function exitsItself(body: SyntaxNode): boolean {
  const stack: SyntaxNode[] = [body];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'exit_statement') return true;
    if (node !== body && NESTED_DECLARATIONS.has(node.type)) continue;
    for (const child of node.namedChildren) if (child) stack.push(child);
  }
  return false;
}

/** `if (…) return …;` (or `{ …; return …; }`) with no `else`: a guard clause leaving the function. */
function isReturningGuard(node: SyntaxNode): boolean {
  if (node.type !== 'if_statement' || node.childForFieldName('alternative')) return false;
  let body = node.childForFieldName('body');
  if (body?.type === 'compound_statement') body = body.namedChildren.filter((c) => c !== null && c.type !== 'comment').pop() ?? null;
  return body?.type === 'return_statement';
}

function firstArgument(node: SyntaxNode): SyntaxNode | undefined {
  const arg = node.childForFieldName('arguments')?.namedChildren.find((c) => c?.type === 'argument');
  return arg?.namedChild(0) ?? undefined;
}

function secondArgument(node: SyntaxNode): SyntaxNode | undefined {
  const args = node.childForFieldName('arguments')?.namedChildren.filter((c) => c?.type === 'argument') ?? [];
  return args[1]?.namedChild(0) ?? undefined;
}

/** After a condition leaf: on each branch, the tracked predicate it tests is known. */
export function emitBranchFacts(ctx: UnitContext, leaf: SyntaxNode, whenTrue: Cursor, whenFalse: Cursor): { whenTrue: Cursor; whenFalse: Cursor } {
  const test = predicateTest(leaf, ctx.predicateScope) ?? environmentTest(ctx, leaf);
  if (!test) return { whenTrue, whenFalse };
  const { key, subject } = test.predicate;
  // `defined('X')` tested once: X may be defined by the file that includes this one, or by a
  // helper called before; the flow keeps the fact if X decides a session effect somewhere.
  const constant = key.startsWith('defined(');
  // `PAGE_NAME == 'login'`: a constant compared with a literal, decided by its value if known.
  const compared = !constant && comparesProjectConstant(ctx, test.predicate);
  if (constant || compared) ctx.constantTests.add(subject);
  // Settings are remembered from `ini_set()` whatever the unit tests, so their tests always count.
  // Static properties are facts across calls: remembered where they decide the unit's own
  // session effects, or the boolean it returns to its caller.
  // So are the properties of a fresh object built alike every time (`fresh-objects.ts`), where
  // they decide the unit's session effects.
  const remembered =
    ctx.predicates.keys.has(key) ||
    alwaysRemembered(test.predicate) ||
    ((ctx.touchesSession || ctx.inBooleanReturn > 0) && subject.startsWith('::')) ||
    // A singleton's getter: whether the object exists decides whether its constructor (and the
    // session it may start there) runs again.
    ctx.predicates.staticTests?.has(subject) === true ||
    (ctx.touchesSession && subject.startsWith(FRESH_PROPERTY_PREFIX)) ||
    // In a function only: a script's own probe before its close (`if (function_exists(
    // 'session_write_close')) session_write_close();`) would split its paths on an outcome only
    // an installation's fallback takes, crowding out the facts that tell its real paths apart.
    (ctx.touchesSession && subject.startsWith(ENVIRONMENT_PREFIX) && ctx.unitNode?.type !== 'program');
  if (!remembered && !constant && !compared) return { whenTrue, whenFalse };
  const span = ctx.span(leaf);
  const fact = (value: boolean): PredicateValue => predicateValue(test.predicate, value);
  const effect = (value: boolean): FactEffect =>
    remembered ? { kind: 'fact', set: [fact(value)], span } : compared ? { kind: 'fact', checks: [fact(value)], span } : { kind: 'fact', constants: [fact(value)], span };
  return {
    whenTrue: ctx.emit(whenTrue, effect(!test.negated)),
    whenFalse: ctx.emit(whenFalse, effect(test.negated)),
  };
}

/** The subject prefix of an environment probe's outcome (`env:function_exists('session_start')`). */
export const ENVIRONMENT_PREFIX = 'env:';

/**
 * An environment probe (`function_exists('session_start')` of a PHP function, `extension_loaded()`
 * of a standard extension, a version test: `environment-probes.ts`) as a predicate: what the PHP
 * running the request has is the same in every unit, so its facts cross calls (`flow/facts.ts`)
 * and two helpers that probe it agree (phpVirtualBox's `session_init()`, called twice, takes its
 * no-session branch on `$settings->noAuth || !function_exists('session_start')`).
 */
function environmentTest(ctx: UnitContext, leaf: SyntaxNode): PredicateTest | undefined {
  const operand = negatedOperand(leaf);
  if (operand) {
    const inner = environmentTest(ctx, operand);
    return inner && { predicate: inner.predicate, negated: !inner.negated };
  }
  const bare = withoutParentheses(leaf);
  if (lackingOutcome(ctx, bare) === undefined) return undefined;
  const key = `${ENVIRONMENT_PREFIX}${bare.text}`;
  return { predicate: { key, subject: key, shape: OPAQUE }, negated: false };
}

/**
 * After `$x = …` (or anything else that may change a subject): its facts are forgotten, and
 * a literal value sets every tracked predicate over it that it decides.
 */
export function emitAssignmentFacts(ctx: UnitContext, subject: string, value: Literal | undefined, node: SyntaxNode, cursor: Cursor): Cursor {
  const predicates = ctx.predicates.bySubject.get(subject);
  if (!predicates) return cursor;
  const set: PredicateValue[] = [];
  if (value !== undefined) {
    for (const predicate of predicates) {
      const known = valueFor(predicate, value);
      if (known !== undefined) set.push({ predicate: predicate.key, subject, value: known });
    }
  }
  return ctx.emit(cursor, set.length > 0 ? { kind: 'fact', forget: [subject], set, span: ctx.span(node) } : { kind: 'fact', forget: [subject], span: ctx.span(node) });
}

/**
 * The predicate a call assigned to a variable computes (`$use_cookies = ini_bool('…')`): a
 * pure project function, or a builtin predicate such as `defined('X')`; not a plain variable
 * or literal (those are copies, handled as assignments).
 */
function assignedPredicate(right: SyntaxNode, scope: PredicateScope | undefined): PredicateTest | undefined {
  let inner = right;
  while (inner.type === 'parenthesized_expression' || (inner.type === 'unary_op_expression' && inner.children.some((c) => c !== null && !c.isNamed && c.text === '!'))) {
    const next = inner.type === 'parenthesized_expression' ? inner.namedChildren.find((c) => c !== null && c.type !== 'comment') : (inner.childForFieldName('argument') ?? inner.namedChild(0));
    if (!next) return undefined;
    inner = next;
  }
  if (inner.type !== 'function_call_expression') return undefined;
  return predicateTest(right, scope);
}

/**
 * `$v = <predicate>` where both are remembered: the paths split on the predicate's value, and
 * each knows `$v` holds the same truth, so a later `if ($v)` agrees with a test of the
 * predicate itself (and keeps its value after the predicate's subject changes).
 */
export function emitPredicateAssignment(ctx: UnitContext, left: SyntaxNode, right: SyntaxNode | null, cursor: Cursor): Cursor | undefined {
  const variable = localVariable(left);
  const test = variable && right ? assignedPredicate(right, ctx.predicateScope) : undefined;
  if (!variable || !test || !ctx.predicates.keys.has(variable)) return undefined;
  if (!ctx.predicates.keys.has(test.predicate.key) && !alwaysRemembered(test.predicate)) return undefined;
  const span = ctx.span(left.parent ?? left);
  const branch = (value: boolean): Cursor =>
    ctx.emit(cursor, {
      kind: 'fact',
      forget: [variable],
      set: [
        { predicate: test.predicate.key, subject: test.predicate.subject, value: value !== test.negated },
        { predicate: variable, subject: variable, value },
      ],
      span,
    });
  return ctx.builder.join(branch(true), branch(false));
}

/**
 * `$v = $param` or `$v = C ? A : B` where `A` or `B` is `$param`, a parameter with a literal
 * default (one a caller may pass as a literal flag: `obExit(false)`): the condition `C` and the
 * copied parameters, or undefined for any other value.
 */
function chosenCopies(right: SyntaxNode, sources: ReadonlySet<string>): { conditions: SyntaxNode[]; copies: SyntaxNode[] } | undefined {
  const isCopy = (node: SyntaxNode | null): boolean => node?.type === 'variable_name' && sources.has(node.text);
  if (isCopy(right)) return { conditions: [], copies: [right] };
  if (right.type !== 'conditional_expression') return undefined;
  const condition = right.childForFieldName('condition');
  const body = right.childForFieldName('body');
  const alternative = right.childForFieldName('alternative');
  if (!condition || !body || !alternative) return undefined;
  const copies = [body, alternative].filter((node) => isCopy(node));
  return copies.length > 0 ? { conditions: [condition], copies } : undefined;
}

/**
 * The variables whose copies carry a caller's literal: the parameters with a literal default,
 * and the locals assigned a copy of one (`$do_header = … ? … : $header`, then
 * `$do_footer = $do_header`), to a fixed point. Worked out once per unit body.
 */
const copySourcesOf = new WeakMap<object, ReadonlySet<string>>();

function copySources(body: SyntaxNode, defaults: ReadonlyMap<string, ParameterDefault>): ReadonlySet<string> {
  const known = copySourcesOf.get(body);
  if (known) return known;
  const assignments: [string, SyntaxNode][] = [];
  const stack: SyntaxNode[] = [body];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node !== body && NESTED_DECLARATIONS.has(node.type)) continue;
    if (node.type === 'assignment_expression') {
      const left = localVariable(node.childForFieldName('left'));
      const right = node.childForFieldName('right');
      if (left && right) assignments.push([left, right]);
    }
    for (const child of node.namedChildren) if (child) stack.push(child);
  }
  const sources = new Set(defaults.keys());
  let changed = true;
  while (changed) {
    changed = false;
    for (const [left, right] of assignments) {
      if (sources.has(left) || !chosenCopies(right, sources)) continue;
      sources.add(left);
      changed = true;
    }
  }
  copySourcesOf.set(body, sources);
  return sources;
}

/** `copySources` of the unit being lowered, once per unit. */
function unitCopySources(ctx: UnitContext): ReadonlySet<string> | undefined {
  const known = copySourcesOf.get(ctx);
  if (known) return known;
  const unit = ctx.unitNode;
  const body = unit && unit.type !== 'program' && unit.type !== 'ERROR' ? unit.childForFieldName('body') : unit;
  if (!body) return undefined;
  const sources = copySources(body, ctx.parameterDefaults);
  copySourcesOf.set(ctx, sources);
  return sources;
}

/**
 * `$v = $param`, `$v = C ? A : B` with `$param` among `A`, `B` (`chosenCopies`), where `$v` is
 * remembered: the paths split on `C` (when remembered) and on the copied parameter's truth, and
 * each knows `$v`'s truth, so a caller's literal (`obExit(false)`) decides a later `if ($v)`
 * as it decides a test of the parameter itself. A literal option sets what it decides.
 */
export function emitChosenCopy(ctx: UnitContext, left: SyntaxNode, right: SyntaxNode | null, cursor: Cursor): Cursor | undefined {
  const variable = localVariable(left);
  if (!variable || !right || !ctx.predicates.keys.has(variable)) return undefined;
  const sources = unitCopySources(ctx);
  if (!sources) return undefined;
  const chosen = chosenCopies(right, sources);
  if (!chosen) return undefined;
  const span = ctx.span(left.parent ?? left);
  const remembered = (node: SyntaxNode | null | undefined): PredicateTest | undefined => {
    const test = node ? predicateTest(node, ctx.predicateScope) : undefined;
    return test && ctx.predicates.keys.has(test.predicate.key) && test.predicate.subject !== variable ? test : undefined;
  };
  const options: { facts: PredicateValue[]; value: SyntaxNode }[] = [];
  if (right.type === 'conditional_expression') {
    const test = remembered(chosen.conditions[0]);
    const choice = (value: SyntaxNode, outcome: boolean) => ({
      facts: test ? [{ predicate: test.predicate.key, subject: test.predicate.subject, value: outcome !== test.negated }] : [],
      value,
    });
    options.push(choice(right.childForFieldName('body')!, true), choice(right.childForFieldName('alternative')!, false));
  } else {
    options.push({ facts: [], value: right });
  }
  const branches: Cursor[] = [];
  for (const option of options) {
    const copied = option.value.type === 'variable_name' && sources.has(option.value.text) ? remembered(option.value) : undefined;
    if (copied) {
      for (const truth of [true, false]) {
        const set = [...option.facts, { predicate: copied.predicate.key, subject: copied.predicate.subject, value: truth !== copied.negated }, { predicate: variable, subject: variable, value: truth }];
        branches.push(ctx.emit(cursor, { kind: 'fact', forget: [variable], set, span }));
      }
      continue;
    }
    const literal = literalOf(option.value);
    const set = [...option.facts];
    if (literal !== undefined) {
      for (const predicate of ctx.predicates.bySubject.get(variable) ?? []) {
        const known = valueFor(predicate, literal);
        if (known !== undefined) set.push({ predicate: predicate.key, subject: variable, value: known });
      }
    }
    branches.push(ctx.emit(cursor, set.length > 0 ? { kind: 'fact', forget: [variable], set, span } : { kind: 'fact', forget: [variable], span }));
  }
  return ctx.builder.join(...branches);
}

/** After `unset($_SESSION['k'])`: `isset($_SESSION['k'])` is false, when the unit remembers it. */
export function emitSessionUnsetFacts(ctx: UnitContext, target: SyntaxNode, cursor: Cursor): Cursor {
  const key = sessionKeySubject(target, ctx.catalog.sessionVariable);
  const predicate = key && `isset(${key.key})`;
  if (!key || !predicate || !ctx.predicates.keys.has(predicate)) return cursor;
  return ctx.emit(cursor, { kind: 'fact', forget: [key.subject], set: [{ predicate, subject: key.subject, value: false }], span: ctx.span(target) });
}

/** After a write to a static property (`self::$locked = …`, `self::$cache['x'] = …`): its facts no longer hold. */
export function forgetStaticProperty(ctx: UnitContext, target: SyntaxNode, cursor: Cursor): Cursor {
  let base = target;
  while (base.type === 'subscript_expression' && base.namedChild(0)) base = base.namedChild(0)!;
  if (base.type !== 'scoped_property_access_expression') return cursor;
  const subject = subjectOf(base, ctx.className, ctx.classStatics)?.subject;
  return subject ? ctx.emit(cursor, { kind: 'fact', forget: [subject], span: ctx.span(target) }) : cursor;
}

/**
 * After `self::$instance = new self()` (or a literal) in the class that declares `$instance`
 * a private or protected static: besides forgetting what was known, the truthiness and `isset()` of the
 * property (and the unit's remembered predicates over it that the value decides) are known,
 * for the callers too (facts about static properties cross calls): a later
 * `if (self::$instance)` or `Handler::isEnabled()` agrees with the path that set it.
 */
export function emitClassStaticAssignment(ctx: UnitContext, left: SyntaxNode, right: SyntaxNode | null, cursor: Cursor): Cursor | undefined {
  const found = left.type === 'scoped_property_access_expression' ? subjectOf(left, ctx.className, ctx.classStatics) : undefined;
  if (!found || !isClassStaticSubject(found.subject)) return undefined;
  const value: Literal | typeof AN_OBJECT | undefined = right?.type === 'object_creation_expression' ? AN_OBJECT : literalOf(right);
  const span = ctx.span(left.parent ?? left);
  if (value === undefined) return ctx.emit(cursor, { kind: 'fact', forget: [found.subject], span });
  // The unit's own tests of the property (`instanceof self`, `=== null`), tested once or more:
  // the singleton that builds the object is the one that tests it next time.
  const predicates: Predicate[] = [
    truthiness(found),
    { key: `isset(${found.key})`, subject: found.subject, shape: { kind: 'isset' } },
    ...(ctx.predicates.bySubject.get(found.subject) ?? []),
    ...(ctx.predicates.staticTests?.get(found.subject) ?? []),
  ];
  const built = value === AN_OBJECT && right ? createdClass(right, ctx.className) : undefined;
  const set: PredicateValue[] = [];
  for (const predicate of predicates) {
    const known = value === AN_OBJECT ? objectValue(predicate.shape, built) : valueFor(predicate, value);
    if (known !== undefined && !set.some((fact) => fact.predicate === predicate.key)) set.push({ predicate: predicate.key, subject: found.subject, value: known });
  }
  return ctx.emit(cursor, { kind: 'fact', forget: [found.subject], set, span });
}

/**
 * What is known of `self::$x`, a private or protected static of the unit's class with a literal default,
 * when a request starts (before the class's code first writes it): its truthiness and
 * `isset()` on that default. Empty for any other property.
 */
export function staticAtRequestStart(ctx: UnitContext, node: SyntaxNode): PredicateValue[] {
  const found = node.type === 'scoped_property_access_expression' ? subjectOf(node, ctx.className, ctx.classStatics) : undefined;
  const name = node.childForFieldName('name')?.text;
  const initial = name !== undefined ? ctx.classStatics.get(name)?.initial : undefined;
  if (!found || !isClassStaticSubject(found.subject) || initial === undefined) return [];
  return [truthiness(found), { key: `isset(${found.key})`, subject: found.subject, shape: { kind: 'isset' } as const }].flatMap((predicate) => {
    const value = valueFor(predicate, initial);
    return value === undefined ? [] : [{ predicate: predicate.key, subject: found.subject, value }];
  });
}

/** A new object, as the value a predicate is evaluated on. */
const AN_OBJECT = Symbol('object');

/**
 * The class `new self()`, `new static()` or `new Session()` builds, lower-case (`static` is the
 * class or a subclass, an instance of the class either way); undefined for a computed class.
 */
function createdClass(creation: SyntaxNode, selfClass: string | undefined): string | undefined {
  const named = creation.namedChildren.find((c) => c !== null && (c.type === 'name' || c.type === 'qualified_name' || c.type === 'relative_scope'));
  return named ? writtenClass(named, selfClass) : undefined;
}

/**
 * A predicate's value on an object: truthy, set, never `===` a literal, `==` only to `true`; an
 * instance of the class it was built from (a parent class would need the hierarchy: unknown).
 */
function objectValue(shape: PredicateShape, built?: string): boolean | undefined {
  switch (shape.kind) {
    case 'instance':
      return built !== undefined && built === shape.className ? true : undefined;
    case 'truthy':
    case 'isset':
      return true;
    case 'compare':
      if (shape.strict) return false;
      return shape.literal === null || typeof shape.literal === 'boolean' ? shape.literal === true : undefined;
    case 'type':
      return shape.type === 'object';
    // PHP orders an object against a number by converting it (with a warning): not worth guessing.
    case 'order':
    case 'values':
    case 'opaque':
      return undefined;
  }
}

/** The subject a variable or property stands for, when a remembered predicate reads it. */
export function trackedVariable(ctx: UnitContext, node: SyntaxNode | null | undefined): string | undefined {
  const found = subjectOf(node, ctx.className, ctx.classStatics);
  return found && ctx.predicates.bySubject.has(found.subject) ? found.subject : undefined;
}

/**
 * After `define('X', …)` with a literal name: what was known about `X` no longer holds, and
 * `defined('X')` is true (for the files this one includes and its callers too: `constants`).
 */
export function emitDefineFacts(ctx: UnitContext, call: SyntaxNode, cursor: Cursor): Cursor {
  if (calledName(call) !== 'define') return cursor;
  const name = literalString(firstArgument(call) ?? call);
  if (name === undefined) return cursor;
  const constant = stripLeadingBackslash(name);
  const subject = `const:${constant}`;
  const defined: PredicateValue = { predicate: `defined(${constant})`, subject, value: true };
  // A literal value decides the remembered tests of the constant after it (`define('PAGE_NAME',
  // NULL)` then `switch (PAGE_NAME) { case 'style': … }` in the same file), as `$x = NULL` does.
  const value = literalOf(secondArgument(call));
  const decided = value === undefined ? [] : (ctx.predicates.bySubject.get(subject) ?? [])
    .filter((predicate) => !predicate.key.startsWith('defined('))
    .flatMap((predicate): PredicateValue[] => {
      const known = valueFor(predicate, value);
      return known === undefined ? [] : [{ predicate: predicate.key, subject, value: known }];
    });
  const set = [...(ctx.predicates.keys.has(defined.predicate) ? [defined] : []), ...decided];
  // Forgotten first: a path that knew it undefined now knows it defined. The value goes with it
  // to the files this one includes, which may compare it (`constant-values.ts`).
  return ctx.emit(cursor, {
    kind: 'fact',
    forget: [subject],
    ...(set.length > 0 ? { set } : {}),
    constants: value === undefined ? [defined] : [defined, constantValueFact(subject, value)],
    span: ctx.span(call),
  });
}

/** A parameter with a literal default (`$plugin = ''`), by position. */
export interface ParameterDefault {
  readonly index: number;
  readonly value: Literal;
}

/** The unit's parameters with a literal default, by `$name` (not by-reference ones). */
export function parameterDefaults(unitNode: SyntaxNode): Map<string, ParameterDefault> {
  const defaults = new Map<string, ParameterDefault>();
  const parameters = unitNode.childForFieldName('parameters');
  let index = 0;
  for (const parameter of parameters?.namedChildren ?? []) {
    if (!parameter || parameter.type === 'comment') continue;
    const name = parameter.childForFieldName('name')?.text;
    const byReference = parameter.childForFieldName('reference_modifier') !== null;
    const value = parameter.type === 'simple_parameter' && !byReference ? literalOf(parameter.childForFieldName('default_value')) : undefined;
    if (name && value !== undefined) defaults.set(name, { index, value });
    index++;
  }
  return defaults;
}

/** The unit's parameters taken by value, by `$name`, with their position. */
export function parameterIndexes(unitNode: SyntaxNode): Map<string, number> {
  const indexes = new Map<string, number>();
  let index = 0;
  for (const parameter of unitNode.childForFieldName('parameters')?.namedChildren ?? []) {
    if (!parameter || parameter.type === 'comment') continue;
    const name = parameter.childForFieldName('name')?.text;
    if (name && parameter.type === 'simple_parameter' && parameter.childForFieldName('reference_modifier') === null) indexes.set(name, index);
    index++;
  }
  return indexes;
}

/**
 * Literals a caller passes as flags (`show_cli($msg, true)`), for which a callee's facts are
 * worked out in advance: few, so that a summary per literal stays cheap.
 */
export const FLAG_LITERALS: readonly Literal[] = [true, false, null, 0, 1, ''];

/**
 * A literal argument a callee's facts can be decided by, as its key: a flag-like literal, or a
 * number or a short string (decided at the call from `Unit.parameterTests`: `handle('/query')`
 * decides the callee's `switch ($text)` cases).
 */
export function literalArgumentKey(value: Literal | undefined): string | undefined {
  if (typeof value === 'string' && value !== '') return value.length <= MAX_STRING_ARGUMENT ? literalKey(value) : undefined;
  return typeof value === 'number' ? literalKey(value) : flagLiteralKey(value);
}

/** A string written as an argument is evaluated on the callee's tests up to this length (a command word, a mode), not beyond (SQL, messages). */
const MAX_STRING_ARGUMENT = 64;

/** A flag-like literal argument, as its key, or undefined. */
export function flagLiteralKey(value: Literal | undefined): string | undefined {
  return value !== undefined && FLAG_LITERALS.includes(value) ? literalKey(value) : undefined;
}

/** For each parameter with a default and each flag literal, the remembered predicates the literal decides. */
export function literalArgumentFacts(
  tracked: TrackedPredicates,
  defaults: ReadonlyMap<string, ParameterDefault>,
): { index: number; value: string; facts: PredicateValue[] }[] {
  const result: { index: number; value: string; facts: PredicateValue[] }[] = [];
  for (const [subject, { index }] of defaults) {
    const predicates = tracked.bySubject.get(subject) ?? [];
    if (predicates.length === 0) continue;
    for (const literal of FLAG_LITERALS) {
      const facts: PredicateValue[] = [];
      for (const predicate of predicates) {
        const known = valueFor(predicate, literal);
        if (known !== undefined) facts.push({ predicate: predicate.key, subject, value: known });
      }
      if (facts.length > 0) result.push({ index, value: literalKey(literal), facts });
    }
  }
  return result.sort((a, b) => a.index - b.index);
}

/**
 * For each parameter (by value), the remembered predicates over it with their shapes: a number
 * or a string a caller writes (`zp_setCookie($name, '', -368000)`, `handle('/query')`) decides
 * them at the call (`Unit.parameterTests`), where the flag literals' answers are worked out in
 * advance for parameters with a default.
 */
export function parameterTests(
  tracked: TrackedPredicates,
  parameters: ReadonlyMap<string, number>,
): { index: number; subject: string; tests: { predicate: string; shape: PredicateShape }[] }[] {
  const result: { index: number; subject: string; tests: { predicate: string; shape: PredicateShape }[] }[] = [];
  for (const [subject, index] of parameters) {
    const tests = (tracked.bySubject.get(subject) ?? []).filter((p) => p.shape.kind !== 'opaque').map((p) => ({ predicate: p.key, shape: p.shape }));
    if (tests.length > 0) result.push({ index, subject, tests });
  }
  return result.sort((a, b) => a.index - b.index);
}

/** For each parameter with a default, the remembered predicates its default decides. */
export function omittedArgumentFacts(
  tracked: TrackedPredicates,
  defaults: ReadonlyMap<string, ParameterDefault>,
): { index: number; facts: PredicateValue[] }[] {
  const result: { index: number; facts: PredicateValue[] }[] = [];
  for (const [subject, { index, value }] of defaults) {
    const facts: PredicateValue[] = [];
    for (const predicate of tracked.bySubject.get(subject) ?? []) {
      const known = valueFor(predicate, value);
      if (known !== undefined) facts.push({ predicate: predicate.key, subject, value: known });
    }
    if (facts.length > 0) result.push({ index, facts });
  }
  return result.sort((a, b) => a.index - b.index);
}

/**
 * The cases of `switch ($x)` over a subject the flow can remember, each with the predicate
 * entering it tests (`$x == 'lit'`: PHP compares loosely); cases whose value is not a literal
 * are left out.
 */
export function switchCases(node: SyntaxNode, scope?: PredicateScope): { arm: SyntaxNode; predicate: Predicate }[] {
  let condition = node.childForFieldName('condition');
  while (condition?.type === 'parenthesized_expression') condition = condition.namedChildren.find((c) => c !== null && c.type !== 'comment') ?? null;
  const subject = condition ? comparedSubject(condition, scope) : undefined;
  if (!subject) return [];
  const found: { arm: SyntaxNode; predicate: Predicate }[] = [];
  for (const arm of node.childForFieldName('body')?.namedChildren ?? []) {
    if (arm?.type !== 'case_statement') continue;
    const literal = literalOf(arm.childForFieldName('value'));
    if (literal !== undefined) found.push({ arm, predicate: comparison(subject, false, literal) });
  }
  return found;
}

/** What entering a `switch` arm records (`set`, remembered predicates) and only needs (`checks`). */
export interface ArmFacts {
  readonly set: readonly PredicateValue[];
  readonly checks: readonly PredicateValue[];
}

/**
 * What entering each arm of a `switch` says of the case predicates: its own case is true and
 * the cases before it false (PHP enters the first that matches); `default` and no match at
 * all: every case false. Recorded for predicates the unit remembers; a constant's cases the
 * unit does not remember are checked against its value (`switch (PAGE_NAME)` in a bootstrap
 * whose includer defined `PAGE_NAME`: `constant-values.ts`), not recorded.
 */
export function switchArmFacts(ctx: UnitContext, node: SyntaxNode): { byArm: Map<number, ArmFacts>; unmatched: ArmFacts } {
  // By node id: the tree hands out a new node object at each access.
  const byArm = new Map<number, ArmFacts>();
  const before: ArmFacts = { set: [], checks: [] };
  for (const { arm, predicate } of switchCases(node, ctx.predicateScope)) {
    const remembered = ctx.predicates.keys.has(predicate.key);
    const compared = comparesProjectConstant(ctx, predicate);
    if (!remembered && !compared) continue;
    if (compared) ctx.constantTests.add(predicate.subject);
    const fact = (value: boolean): PredicateValue => predicateValue(predicate, value);
    const own = remembered ? { set: [...before.set, fact(true)], checks: before.checks } : { set: before.set, checks: [...before.checks, fact(true)] };
    byArm.set(arm.id, own);
    (remembered ? (before.set as PredicateValue[]) : (before.checks as PredicateValue[])).push(fact(false));
  }
  return { byArm, unmatched: before };
}

/** `const:X`: a constant compared with a literal. */
function isConstantSubject(subject: string): boolean {
  return subject.startsWith('const:');
}

/**
 * A comparison of a constant some project file defines by name: the value an entry script
 * gives it may decide the comparison in the files it includes. PHP's own constants
 * (`PHP_SAPI`) and those defined from outside are left alone.
 */
function comparesProjectConstant(ctx: UnitContext, predicate: Predicate): boolean {
  return isConstantSubject(predicate.subject) && predicate.shape.kind !== 'opaque' && ctx.facts.symbols.constant(predicate.subject.slice('const:'.length)) !== undefined;
}

/** A predicate's value as a fact; a constant's comparison carries its shape (`constant-values.ts`). */
function predicateValue(predicate: Predicate, value: boolean): PredicateValue {
  return isConstantSubject(predicate.subject) && predicate.shape.kind !== 'opaque'
    ? { predicate: predicate.key, subject: predicate.subject, value, shape: predicate.shape }
    : { predicate: predicate.key, subject: predicate.subject, value };
}
