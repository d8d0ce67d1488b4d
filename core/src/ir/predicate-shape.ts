/**
 * What a remembered predicate computes from its subject's value, as data: so that the flow can
 * decide a callee's predicates from the literal arguments a call passes (`stop_session(true)`
 * decides `$force`), as the lowering decides them from literal assignments.
 */

/** A literal value a variable can hold: what a predicate can be evaluated on. */
export type Literal = null | boolean | number | string;

/** PHP's truthiness of a literal. */
export function truthy(value: Literal): boolean {
  if (value === null) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  return value !== '' && value !== '0';
}

export type PredicateShape =
  /** `if ($x)`, `empty($x)` (negated). */
  | { readonly kind: 'truthy' }
  /** `isset($x)`. */
  | { readonly kind: 'isset' }
  /** `$x === 'a'`, `$x == null`. */
  | { readonly kind: 'compare'; readonly strict: boolean; readonly literal: Literal }
  /** `$time < 0`, `$n >= 10`: an ordering against a number (the subject written on the left). */
  | { readonly kind: 'order'; readonly operator: OrderOperator; readonly literal: number }
  /** `is_array($x)`, `is_string($x)`: PHP's type tests (`TypeTest`). */
  | { readonly kind: 'type'; readonly type: TypeTest }
  /**
   * `$x instanceof Foo` (`self` read as the class it is written in), the class lower-case: no
   * literal is an instance of anything; what an object is depends on its class
   * (`objectValue` in the lowering, where the class built is known).
   */
  | { readonly kind: 'instance'; readonly className: string }
  /**
   * A pure project function of the subject (`isnum($delay)`, `pure-functions.ts`), worked out
   * in advance for the values a caller can decide: each value (same type and value) with the
   * answer. Any other value cannot tell.
   */
  | { readonly kind: 'values'; readonly known: readonly { readonly value: Literal; readonly result: boolean }[] }
  /** What the subject's value cannot tell (a constant's `defined()`, a setting). */
  | { readonly kind: 'opaque' };

export type OrderOperator = '<' | '<=' | '>' | '>=';

/**
 * The type a PHP type-test builtin checks, for the ones a literal's value decides.
 * `is_int`/`is_float` are left out: a literal here is a JavaScript number, which no longer
 * says whether PHP wrote `1` or `1.0`.
 */
export type TypeTest = 'array' | 'string' | 'bool' | 'object' | 'scalar';

/** The builtins whose answer a literal value decides, by lower-case name. */
export const TYPE_TESTS: ReadonlyMap<string, TypeTest> = new Map<string, TypeTest>([
  ['is_array', 'array'],
  ['is_iterable', 'array'],
  ['is_string', 'string'],
  ['is_bool', 'bool'],
  ['is_object', 'object'],
  ['is_scalar', 'scalar'],
]);

function typeTestValue(type: TypeTest, value: Literal): boolean | undefined {
  switch (type) {
    // A literal is never an array or an object: `null`, booleans, numbers and strings only.
    case 'array':
    case 'object':
      return false;
    case 'string':
      return typeof value === 'string';
    case 'bool':
      return typeof value === 'boolean';
    case 'scalar':
      return value !== null;
  }
}

/** The predicate's value when its subject holds `value`; undefined when it cannot tell. */
export function shapeValue(shape: PredicateShape, value: Literal): boolean | undefined {
  switch (shape.kind) {
    case 'truthy':
      return truthy(value);
    case 'isset':
      return value !== null;
    case 'opaque':
      return undefined;
    case 'values':
      return shape.known.find((known) => known.value === value)?.result;
    case 'type':
      return typeTestValue(shape.type, value);
    case 'instance':
      return false;
    case 'order':
      // Only a number is ordered as written; `null`, booleans and strings follow PHP's conversions.
      return typeof value === 'number' ? ordered(value, shape.operator, shape.literal) : undefined;
    case 'compare': {
      const { strict, literal } = shape;
      if (strict) return value === literal;
      // A boolean on either side compares both as booleans.
      if (typeof literal === 'boolean') return truthy(value) === literal;
      if (typeof value === 'boolean') return truthy(literal) === value;
      if (literal === null || value === null) return truthy(value) === truthy(literal);
      // Loose comparison of different scalar types follows rules not worth guessing here.
      return typeof value === typeof literal ? value === literal : undefined;
    }
  }
}

/**
 * The key of an argument that is a string PHP reads as true although its text is not known
 * (`'/index.php?rt=' . $route`, `lower/php/truthy-strings.ts`), among literal arguments' keys.
 */
export const TRUTHY_STRING_KEY = '<truthy string>';

/**
 * A predicate's value when its subject is some string other than `''` and `'0'`: its
 * truthiness (the guard clause `if (!$url) return false;`). Every such string would answer
 * more tests alike (`isset`, `is_string`, `=== null`), but a parameter with a default is
 * tested so (`if ($x === null)`) in many functions, and each decided test is one more way the
 * function is entered, keyed apart (`flow/engine.ts` `omittedKey`), which costs summaries.
 */
export function truthyStringValue(shape: PredicateShape): boolean | undefined {
  return shape.kind === 'truthy' ? true : undefined;
}

/**
 * The session settings whose facts every unit keeps (whatever it tests) and hands to its
 * callers and callees: they decide whether a reopen after output works (domain.md §5.3).
 * Where a state has more facts than it can carry, these are kept first (`capFacts`).
 */
/**
 * The subject of the fact that `$_SESSION` holds no key at all (`session-emptied.ts`, which
 * re-exports it): here so that this module imports nothing and `effects.ts` can use its types.
 */
export const SESSION_EMPTIED_SUBJECT = 'session:*';

export function alwaysRemembered(predicate: { readonly subject: string }): boolean {
  return predicate.subject === 'ini:session.use_cookies' || predicate.subject === 'ini:session.cache_limiter' || predicate.subject === SESSION_EMPTIED_SUBJECT;
}

/**
 * The subject of a static property a class declares `private` or `protected`, as its own code
 * names it (`self::$instance`): `::$instance@private:a\handler`. It starts like every static
 * property's subject (`::$x`, any class), so what holds for those holds for it; but only the
 * class's code (and, for a protected one, its subclasses') writes it: a write to another
 * class's `$instance` (subject `::$instance@…` of that class) leaves it alone, and only a
 * protected one may be what a write of `::$instance` elsewhere (a subclass's code) changes.
 */
export function classStaticSubject(property: string, className: string, visibility: 'private' | 'protected'): string {
  return `::${property}@${visibility}:${className}`;
}

/** A subject made by `classStaticSubject`. */
export function isClassStaticSubject(subject: string): boolean {
  return subject.startsWith('::') && subject.includes('@');
}

/**
 * Whether a write of `written` (a subject in a unit's assigned properties) may change the
 * class static `subject`: the same one, or for a protected one, the same name written by code
 * of a class that does not declare it (a subclass's `self::$instance`).
 */
export function changesClassStatic(written: ReadonlySet<string>, subject: string): boolean {
  if (written.has(subject)) return true;
  const at = subject.indexOf('@');
  return subject.startsWith('protected:', at + 1) && written.has(subject.slice(0, at));
}

/** In a unit's assigned properties: some object property written by a computed name (`$o->$name = …`), so any `->x`. */
export const ANY_OBJECT_PROPERTY = '->*';

function ordered(value: number, operator: OrderOperator, literal: number): boolean {
  switch (operator) {
    case '<':
      return value < literal;
    case '<=':
      return value <= literal;
    case '>':
      return value > literal;
    case '>=':
      return value >= literal;
  }
}
