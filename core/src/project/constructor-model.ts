import type { Literal } from '../ir/predicate-shape';

/**
 * What a class's constructor does to its object's properties, as data gathered before any
 * lowering (`lower/php/constructed-properties.ts`), so that `constructed-values.ts` can work
 * out, for every `new` of the class in the project, the value a property (or a key of an
 * array property, `$this->options['image_library']`) holds once the object is built.
 */

/** An expression of the constructor (or of a `new` argument) the model can evaluate. */
export type ValueExpr =
  | { readonly literal: Literal }
  /**
   * An array literal: its string keys; `open` when a key is computed or spread (any string
   * key may be there); `elements` when it has entries with integer keys (it is not empty).
   */
  | { readonly array: readonly (readonly [string, ValueExpr])[]; readonly open?: true; readonly elements?: true }
  /** The constructor's parameter at this position. */
  | { readonly parameter: number }
  /** `$this->name` or `$this->name['key']`, as the constructor has left it so far. */
  | { readonly property: string; readonly key?: string }
  /** `$a + $b` (left keys win), `array_merge($a, $b)`/`array_replace($a, $b)` (right keys win). */
  | { readonly union: readonly [ValueExpr, ValueExpr]; readonly winner: 'left' | 'right'; readonly recursive?: true }
  /** `!$x` */
  | { readonly not: ValueExpr }
  /** `(bool) $x`; `empty($x)` is `!(bool) $x`. */
  | { readonly bool: ValueExpr }
  /** `isset($x)` */
  | { readonly isset: ValueExpr }
  /** `new Foo(…)` of a named project class (lower-case, fully qualified): an object of that class. */
  | { readonly object: string }
  /**
   * `$this->client` written as a `new` argument in the code of class `heldBy` (lower-case, fully
   * qualified): the object that property of the caller holds, of the class the project gives it
   * (its declared or assigned type, or what its own constructor stores, `constructed-values.ts`).
   */
  | { readonly heldBy: string; readonly callerProperty: string }
  | { readonly unknown: true };

/** A statement of the constructor the model follows; every other statement is left out. */
export type ConstructorStep =
  /** `$this->name = value;` */
  | { readonly set: string; readonly value: ValueExpr }
  /** `if (when) { then } else { otherwise }` (an `elseif` is an `if` in `otherwise`). */
  | { readonly when: ValueExpr; readonly then: readonly ConstructorStep[]; readonly otherwise: readonly ConstructorStep[] }
  /** `parent::__construct(args)` */
  | { readonly parentArgs: readonly ValueExpr[] };

export interface ConstructorModel {
  /** Each parameter's default (as an expression), null when it has none. */
  readonly defaults: readonly (ValueExpr | null)[];
  /** Null when the constructor does something the model cannot follow (a `return` in a branch, a spread). */
  readonly steps: readonly ConstructorStep[] | null;
}

/**
 * Which classes a `new` may build: one named class, any class whose name starts with a
 * literal (`new $class` after `$class = 'elFinderPlugin' . $name`), the class of `$this` or
 * a subclass (`new static`, `get_class($this)`), or any class at all (a name the analysis
 * cannot bound: such a `new` counts for no class, `constructed-values.ts`).
 */
export type ClassPattern =
  | { readonly exact: string }
  | { readonly prefix: string }
  | { readonly family: string }
  | { readonly any: true };

/** A `new` in the project: what it may build and its arguments (null: spread or named ones). */
export interface Construction {
  readonly builds: readonly ClassPattern[];
  readonly args: readonly ValueExpr[] | null;
}

/** What a class declares about its properties, for `constructed-values.ts`. */
export interface ClassProperties {
  /** Declared properties (without `$`) → their visibility and default (null default when none is written). */
  readonly declared: ReadonlyMap<string, { readonly visibility: 'public' | 'protected' | 'private'; readonly value: ValueExpr }>;
  /** Its `__construct`, when it declares one. */
  readonly constructorModel?: ConstructorModel;
  /** A method named like the class and no `__construct` (a PHP 4 constructor): not followed. */
  readonly oldStyleConstructor?: true;
  /** Properties its code writes outside the steps of the model (`*`: a computed name on `$this`; `*public`: on another object). */
  readonly writes: readonly string[];
  /** What its construction reads (`ConstructorInputs`); null when it reads state the request changes. */
  readonly inputs?: ConstructorInputs | null;
}

/**
 * What a class's construction reads besides its own code and the request's inputs
 * (`lower/php/constructor-inputs.ts`), for `project/alike-constructions.ts`: whether every
 * `new` of the class in one request gives its properties the same values.
 */
export interface ConstructorInputs {
  /** The functions it calls, each as PHP's lookup candidates: the project must declare none. */
  readonly calls: readonly (readonly string[])[];
  /** The classes it builds (`new`): their constructions must be alike too. */
  readonly builds: readonly ClassPattern[];
  /** Names it probes (`function_exists('x')`, `class_exists('X')`, `defined('X')`): fixed when no project file declares them. */
  readonly probes: readonly { readonly kind: 'function' | 'class' | 'constant'; readonly name: string }[];
  /** It runs its parent's constructor (`parent::__construct()`, or it declares none). */
  readonly parent?: true;
}
