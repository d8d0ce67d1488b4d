import type { Span } from '../model/span';
import type { Cfg } from './cfg';

export type UnitKind = 'script' | 'function' | 'method' | 'closure';

/** A piece of code that runs as a whole: a function, method, closure or a file's top level. */
export interface Unit {
  /** Unique in the file: `script`, `function:app\auth`, `method:app\db::run`, `closure@123`. */
  readonly id: string;
  readonly kind: UnitKind;
  /** How the unit reads in messages: `auth()`, `Db::run()`, `closure`, the file's top level. */
  readonly displayName: string;
  /** Lower-case fully qualified function name, or class name for methods. */
  readonly qualifiedName?: string;
  readonly className?: string;
  readonly span: Span;
  /** Where a finding about "the end of this unit" points: its closing brace or the file end. */
  readonly endSpan: Span;
  readonly cfg: Cfg;
  /** Contains `yield`: a call only creates the generator; the body runs while iterating. */
  readonly generator?: boolean;
  /**
   * An `async` function (TypeScript/JavaScript): a call returns a promise at its first
   * `await`, so a caller that neither awaits nor keeps it does not wait for its work.
   */
  readonly async?: boolean;
  /**
   * A request handler (TypeScript): what kind, for messages (`express route handler for GET /x`,
   * `Next.js route handler`, `NestJS controller method`). Slow work here costs every request.
   */
  readonly handler?: string;
  /**
   * A method's attributes (lower-case fully qualified class) and docblock tags (`@usesession`),
   * where each is written: framework presets decide from them how an action runs
   * (Nextcloud's `#[UseSession]`).
   */
  readonly annotations?: readonly { readonly name: string; readonly span: Span }[];
  /**
   * A method whose body does nothing at all (no statement, or only `return` of a constant and
   * `throw`): a stand-in implementation (a no-op provider, a "not implemented" stub). Among the
   * implementations of a call through an interface it does not decide what the call does.
   */
  readonly placeholder?: boolean;
  /** A method's visibility (`public` when not written). */
  readonly visibility?: 'public' | 'protected' | 'private';
  /** A method's parameters a call must pass (no default, not variadic); absent for none. */
  readonly requiredParameters?: number;
  /**
   * The first call in the unit that takes a lock of its own (`flock()`, `GET_LOCK(…)` in
   * SQL, Redis `SET … NX`): read only for the code of a session store, to tell whether it locks.
   */
  readonly lockEvidence?: LockEvidence;
  /** The constants (`const:X`) the unit's conditions test: `defined('X')`, or a comparison with a literal (`X == 'a'`, `switch (X)`). */
  readonly constantTests?: readonly string[];
  /**
   * Facts that hold on entry when argument `index` (and so every later one) is left out and
   * the parameter keeps its literal default: `function f($plugin = '')` tested with
   * `if ($plugin !== '')`. Only predicates the unit remembers (see `FactEffect`).
   */
  /**
   * A file's top level: the local variables it mentions. Included inside a function, a file
   * runs in that function's scope, so these are all it can change there; absent when it may
   * change any (`$$name`, `extract()`, `parse_str()` with one argument).
   */
  readonly scriptVariables?: readonly string[];
  readonly omittedArguments?: readonly { readonly index: number; readonly facts: readonly import('./effects').PredicateValue[] }[];
  /**
   * Facts that hold on entry when argument `index` is a flag-like literal (`true`, `false`,
   * `null`, `0`, `1`, `''`; `value` is its `literalKey`): `show_cli($msg, true)` with
   * `function show_cli($msg, $exit = false) { …; if ($exit) exit; }`. Only predicates the unit
   * remembers over parameters with a literal default.
   */
  readonly literalArguments?: readonly { readonly index: number; readonly value: string; readonly facts: readonly import('./effects').PredicateValue[] }[];
  /**
   * The predicates the unit remembers over each parameter with a literal default, with what they
   * compute (`$time < 0`): a number written as the argument (`literalArguments` of the call, not
   * a flag) decides them on entry, evaluated at the call.
   */
  readonly parameterTests?: readonly {
    readonly index: number;
    readonly subject: string;
    readonly tests: readonly { readonly predicate: string; readonly shape: import('./predicate-shape').PredicateShape }[];
  }[];
  /**
   * The properties the unit itself may change (`->x`, `::$x`; `'any'` for a computed name):
   * a call forgets only facts about what the callee and its callees change.
   */
  readonly assignsProperties?: readonly string[] | 'any';
  /**
   * What the unit stores into arrays of callables kept by name (`$Ossn->page[$handler] =
   * $function`): the registry's key and the value (see `lower/php/registries.ts`).
   */
  readonly registryStores?: readonly RegistryStore[];
}

/** A store into a registry of callables: the key of the array, and what is stored. */
export interface RegistryStore {
  readonly key: string;
  /** One of the unit's parameters (never reassigned), a callable the code names, or unknown. */
  readonly value: { readonly parameter: number } | { readonly target: import('./effects').CallTarget } | { readonly unknown: true };
}

export interface LockEvidence {
  readonly span: Span;
  /** What takes the lock, for messages: "`flock()`", "`GET_LOCK(` in SQL". */
  readonly what: string;
}

/**
 * `session_set_save_handler()`: the store it installs, as far as the syntax tells. The flow
 * opens `Catalog.sessionStore.resource` at `span`; the project analysis reads `code` to tell
 * whether the store locks.
 */
export interface StoreInstall {
  readonly span: Span;
  /** How messages name the store: "`CacheSessionHandler`", "`[$h, 'read']`". */
  readonly display: string;
  /** The handler's code that would take the lock (`read`, `open`); empty when not known. */
  readonly code: readonly import('./effects').CallTarget[];
  /**
   * The handler is held in a private static property of the installing class
   * (`self::$instance = new self(); session_set_save_handler(self::$instance)`): what is known
   * of that property when a request starts, before the class's code first sets it (its
   * declared default: `null`, so `if (self::$instance)` is false until the store is installed).
   */
  readonly holderAtRequestStart?: readonly import('./effects').PredicateValue[];
}

export interface Registration {
  /** The hook's name when it is a literal (`init`), else undefined. */
  readonly hook: string | undefined;
  readonly target: import('./effects').CallTarget;
  /** `add_action()` as written, for messages. */
  readonly registrar: string;
  readonly span: Span;
  /** A route (`Route::post('/x', …)`), not a hook: its first argument is a path. */
  readonly route?: true;
  /** Methods called on what the registration returns (`->block()->name('x')`), in order. */
  readonly chained?: readonly { readonly name: string; readonly span: Span }[];
}

export interface ClassInfo {
  /** Lower-case fully qualified name. */
  readonly name: string;
  readonly parent?: string;
  /** Traits it uses (lower-case fq). */
  readonly traits?: readonly string[];
  /** Interfaces it implements (lower-case fq). */
  readonly interfaces?: readonly string[];
  /**
   * PHP: methods it declares without a body (an interface's, `abstract function`), lower-case:
   * a call of one on an object of this type runs an implementation's (`ProjectResolver`).
   */
  readonly abstractMethods?: readonly string[];
  /** PHP: no object is of exactly this class (`abstract class`, an interface, a trait). */
  readonly abstract?: true;
  readonly span: Span;
}

/** The lowered form of one source file. */
export interface FileIR {
  readonly file: string;
  readonly language: 'php' | 'typescript';
  readonly units: readonly Unit[];
  readonly classes: readonly ClassInfo[];
  /** Where the project installs its own session store (`session_set_save_handler()`). */
  readonly storeInstalls: readonly StoreInstall[];
  /** Callbacks registered for named hooks, in source order. */
  readonly registrations: readonly Registration[];
  /** PHP: file reads on a path the analysis cannot know, not counted as slow work (for `--verbose`). */
  readonly uncountedReads?: readonly { readonly span: Span; readonly callee: string }[];
  /** Comments, for suppressions: span and text. */
  readonly comments: readonly { readonly span: Span; readonly text: string }[];
  /**
   * Resources held per variable (TypeScript: a pooled client), each opened in one unit.
   * PHP files have none: their one resource is the session.
   */
  readonly heldResources?: readonly HeldResourceInfo[];
  /** PHP: whether the file runs only from the command line, from its top level. */
  readonly executionContext?: ExecutionContext;
}

/** What a PHP file's top level says about how it is run (see `lower/php/execution-context.ts`). */
export interface ExecutionContext {
  /** Why the file runs only from the command line, when it says so itself. */
  readonly commandLine?: CommandLineEvidence;
  /** A top-level check that ends the script unless PHP runs from the command line. */
  readonly exitsUnlessCli?: Span;
  /**
   * A top-level check that calls project code unless PHP runs from the command line
   * (`if (php_sapi_name() != 'cli') { $Result->show_cli('…', true); }`): it ends the script
   * when that call never returns, which only the flow can tell (`call`: the call's span).
   */
  readonly callsUnlessCli?: { readonly check: Span; readonly call: Span };
  /** Includes that are statements of the top level: a CLI check there guards this script too. */
  readonly topLevelIncludes: readonly Span[];
  /** Calls that are statements of the top level: one of a `CommandLineRoutine` guards the rest of the script. */
  readonly topLevelCalls?: readonly TopLevelCall[];
  /** The file's functions and methods that end the script unless PHP runs from the command line. */
  readonly commandLineRoutines?: readonly CommandLineRoutine[];
}

/** A call that is a statement of a file's top level (its span: the call expression). */
export type TopLevelCall = Span;

/**
 * A function or method whose body begins with a check that ends the script unless PHP runs from
 * the command line (`lower/php/command-line-routines.ts`).
 */
export interface CommandLineRoutine {
  /** The declaration: the unit whose span this is. */
  readonly routine: Span;
  /** The check (an `if` statement, or `… or die()`). */
  readonly check: Span;
  /** The call the check's branch ends with, when it is one: it ends the script only if it never returns. */
  readonly call?: Span;
}

export interface CommandLineEvidence {
  readonly kind: 'shebang' | 'sapi-check' | 'argv';
  readonly span: Span;
}

/** A resource a unit acquires into a variable, and how messages talk about it. */
export interface HeldResourceInfo {
  readonly id: import('./effects').ResourceId;
  /** The id of the unit that acquires it. */
  readonly unit: string;
  /** The variable holding it: `client`. */
  readonly variable: string;
  /** "Pooled client". */
  readonly noun: string;
  /** "the pool has a fixed number of clients; …". */
  readonly consequence: string;
  /** Its unit calls a callback it was given while it may hold it (`withClient(fn)`): callers look too. */
  readonly runsCallbacks?: boolean;
  /** Held for the whole unit and released by a library when it returns: how to say so. */
  readonly releasedAtEnd?: string;
  /**
   * A lock, not a connection (a mutex, a distributed or file lock): the database queries it
   * guards are what it is for, so they are not slow work under it.
   */
  readonly lock?: boolean;
  /** A connection checked out of a pool, acquired again by repeating the call (`NodeHeldResource.pooled`). */
  readonly pooled?: boolean;
  /**
   * Taking it never waits (Redis `SET key value NX`): a request that finds it taken is turned
   * away (or retries on its own), so holding it across slow work makes others fail or skip
   * rather than stall; such findings are `info`.
   */
  readonly tryLock?: boolean;
  /**
   * Held only if a project helper holds something while it runs its callbacks: a method an
   * interceptor runs inside `this.transactionWrapper.executeInTransaction(…)`. The lowering of
   * one file cannot tell; where every file is lowered, the helper's own resource (marked
   * `runsCallbacks`) confirms it and lends its noun, or the resource is dropped.
   */
  readonly heldThrough?: { readonly file: string; readonly unit: string };
  /** Where the helper acquires what is held (a related location), once confirmed. */
  readonly acquiredAt?: { readonly span: Span; readonly label: string };
}
