import type { Span } from '../model/span';
import type { StaticString } from './static-string';
import type { Literal, PredicateShape } from './predicate-shape';

/**
 * Effects are what the analysis knows about a piece of code, whatever the language.
 * Language adapters produce them from syntax; the flow pass and the rules only read them.
 */

/** A lock-bearing resource: `php-session` for PHP; TS adapters name held clients, locks, … */
export type ResourceId = string;

/** Slow work, by kind. Severity and on/off are configured per kind. */
export type SlowKind =
  | 'sleep'
  | 'http'
  | 'remote-io'
  | 'file-io'
  | 'mail'
  | 'ldap'
  | 'download'
  | 'process'
  | 'database'
  | 'polling'
  /**
   * Not slow work itself: the code says the request is expected to run long
   * (`set_time_limit(0)`, `ignore_user_abort(true)`), whatever work follows.
   */
  | 'long-running';

export interface OpenEffect {
  readonly kind: 'open';
  readonly resource: ResourceId;
  /** `read-and-close` reads the data and releases the lock at once (PHP's `read_and_close`). */
  readonly mode: 'lock' | 'read-and-close';
  readonly api: string;
  readonly span: Span;
  /** Starts the session on first access only (`$session->get()`): no second start. */
  readonly lazy?: boolean;
  /**
   * PHP's own start, which takes an option that reads the data and releases the lock at once
   * (`read_and_close`); a framework's start (`$session->start()`) has none.
   */
  readonly readAndCloseOption?: string;
  /** The related-location label for where it was opened; the session's wording when absent. */
  readonly label?: string;
  /**
   * Opened by a framework's bootstrap the code includes (Moodle's `config.php`), not by a call
   * the code could change into a `read_and_close` start.
   */
  readonly bootstrap?: true;
  /**
   * The framework's own write-back close of the session this call opens, written with the
   * expression the code reaches it through (`$session->save()`, `session()->close()`), when the
   * catalog names one and the expression can be evaluated again (`lower/php/framework-close.ts`).
   */
  readonly closeCall?: string;
  /** What to check before closing early, where the analysis cannot see every write (`BootstrapInclude.closeCaveat`). */
  readonly closeCaveat?: string;
}

/**
 * An API that needs the resource open and keeps it open (`session_regenerate_id()`; in TS, a
 * query on a held client or transaction, `client.query()`). Neither slow nor a release; inside
 * a `try` it may throw, so it has an edge to the handler.
 */
export interface UseEffect {
  readonly kind: 'use';
  readonly resource: ResourceId;
  readonly api: string;
  readonly span: Span;
}

export interface CloseEffect {
  readonly kind: 'close';
  readonly resource: ResourceId;
  /** `write` saves the data, `abort` discards changes, `destroy` deletes the session. */
  readonly how: 'write' | 'abort' | 'destroy';
  readonly api: string;
  readonly span: Span;
  /** The related-location label for where it was released; the session's wording when absent. */
  readonly label?: string;
}

export interface AccessEffect {
  readonly kind: 'read' | 'write';
  readonly resource: ResourceId;
  /** The first-level key when it is a literal (`$_SESSION['user']` → `user`). */
  readonly key?: string;
  /**
   * `$_SESSION = []` (or `unset($_SESSION)`): empties the in-memory copy. After a close it
   * is how code forgets the data, not a change meant to be saved.
   */
  readonly clearsAll?: boolean;
  /**
   * `unset($_SESSION['k'])`: removes data. After `session_destroy()` the stored session is
   * gone, so a removal then loses nothing.
   */
  readonly removes?: boolean;
  /**
   * `$_SESSION = $saved;` where the unit only ever sets `$saved = $_SESSION`: puts back the
   * in-memory copy it kept (Zend_Session's `writeClose()` saves a serialised form, then restores
   * the array); after a close, nothing was meant to be saved.
   */
  readonly restoresCopy?: boolean;
  /**
   * `$_SESSION['k'] = …` set for this request only: the unit keeps the key's value before the
   * write and puts it back after it (`$prev = $_SESSION['k'] ?? null; $_SESSION['k'] = true;
   * …; $_SESSION['k'] = $prev;`), both writes marked. With the session closed throughout, the
   * key ends as it was saved: not a change meant to be kept (lower/php/session-key-restore.ts).
   */
  readonly temporary?: boolean;
  /**
   * A read that loads the whole object again from its store (`req.session.reload()`,
   * `getIronSession()`): what was read before is fresh again.
   */
  readonly fresh?: boolean;
  /**
   * A read of the whole array (`foreach ($_SESSION as …)`, `$copy = $_SESSION`), not of a key:
   * after a close, code that reads it all can carry what the request changed into a reopened
   * session (`rules/src/rules/carried-changes.ts`).
   */
  readonly whole?: true;
  /**
   * A write that stores an object (`$_SESSION['nav'] = $navigation;` where the unit builds
   * `$navigation` with `new`, or knows its class): the session then holds a handle the code
   * may change through methods, unseen, and PHP saves those changes only while it is open.
   */
  readonly storesObject?: true;
  /**
   * A read marking a change to a value the session holds, made without writing `$_SESSION`: a
   * method called on an object read from it, a property of one set, one passed by reference or
   * to project code, or anything done through a reference into it (`$nav->addUrl()` after
   * `$nav = $_SESSION['navigation']`; lower/php/session-held-values.ts). Saved only while the
   * session is open; the flow does not count it as a write (the value may be a copied scalar).
   */
  readonly changesHeldValue?: true;
  /**
   * A write made through a reference bound into the session earlier (`$cart = &$_SESSION['cart'];
   * … $cart[] = $item;`). A reopen in between rebuilds the array, and the reference still points
   * into the old one: wrapping such a write in `session_start()` … does not save it.
   */
  readonly throughReference?: true;
  readonly span: Span;
}

export interface SlowEffect {
  readonly kind: 'slow';
  readonly slowKind: SlowKind;
  /** What the user wrote, for messages: `sleep()`, `PDO::query()`, backticks. */
  readonly callee: string;
  /** Extra words for the message, e.g. "on a URL". */
  readonly detail?: string;
  /** How long it may take, when the code says (`sleep(5)`, `CURLOPT_TIMEOUT => 10`). */
  readonly hold?: HoldEstimate;
  /**
   * A path the unit cannot know because it is parameter `index` (`function lock($file) {
   * fopen($file, 'c+'); }`): each caller's argument says what it is (local, a URL, unknown).
   */
  readonly pathParameter?: number;
  /**
   * A command line the unit cannot judge because it is parameter `index` (`function
   * safe_exec($cmd) { exec($cmd); }`): a caller's argument that names its programs decides
   * (`CallEffect.commandArguments`); otherwise it stays `unjudged`.
   */
  readonly commandParameter?: number;
  /**
   * A command line the analysis cannot judge (a program the code computes, or one no catalog
   * lists: `lower/php/command-line.ts`): it may be short, so it is reported at `info`.
   */
  readonly unjudged?: true;
  /**
   * A file sent as an image (`lower/php/image-transfer.ts`): a page's picture, sent in the
   * time the page takes to show it, so the hold is short and reported at `info`.
   */
  readonly image?: true;
  /**
   * A connection to a service on this machine (`fsockopen('127.0.0.1', …)`, a `unix://`
   * socket, or a configured host whose default the code writes so: `byDefault`;
   * `lower/php/this-machine.ts`): no remote server, usually quick, reported at `info`.
   */
  readonly thisMachine?: ThisMachineAddress;
  readonly span: Span;
}

/** Where a connection to this machine goes, as the code writes it. */
export interface ThisMachineAddress {
  readonly address: string;
  /** Only as the default of a configured value (`$cfg['host'] ?? '127.0.0.1'`). */
  readonly byDefault?: true;
}

/** What a call passes as a path, for a callee that reads its parameter as one. */
/**
 * An argument written as a command line whose programs the analysis names: `short` (`'tail -n
 * 50 ' . $log`), `slow` with the program (`'mysqldump …'`); or the caller's own parameter
 * (`parameter`), which its callers decide.
 */
export type CommandArgument =
  | { readonly index: number; readonly cost: 'short' }
  | { readonly index: number; readonly cost: 'slow'; readonly program: string }
  | { readonly index: number; readonly cost: 'parameter'; readonly parameter: number };

export interface PathArgument {
  readonly index: number;
  /** `local` (or project configuration): not slow; `url`: remote; `unknown`: still unknown. */
  readonly path: 'local' | 'url' | 'unknown';
  /** When unknown because it is itself a parameter of the caller: which one. */
  readonly parameter?: number;
}

/**
 * How long an operation may keep the lock, worked out from the syntax: a number of seconds
 * and what bounds it, or unknown and why. The rules turn it into words.
 */
export type HoldEstimate =
  | { readonly seconds: number; readonly bound: HoldBound }
  | { readonly unknown: UnknownHold };

/**
 * `sleep`: a literal sleep; `timeout`: a timeout set on the request or its handle;
 * `deadline`: a loop that ends at a clock deadline (`while (time() < $start + 25)`);
 * `iterations`: a loop with a literal number of rounds times the work of one round;
 * `time-limit`: `set_time_limit(N)`.
 */
export type HoldBound = 'sleep' | 'timeout' | 'deadline' | 'iterations' | 'time-limit';

/**
 * `computed`: the duration is computed at run time (`sleep($delay)`); `no-timeout`: nothing
 * bounds the wait for the other side (no timeout option); `loop`: a loop with no bound the
 * code shows; `no-limit`: the script's time limit is lifted (`set_time_limit(0)`).
 */
export type UnknownHold = 'computed' | 'no-timeout' | 'loop' | 'no-limit';

/** A clock read (`time()`, `microtime()`): inside a loop, it marks a polling loop. */
export interface TimeCheckEffect {
  readonly kind: 'time-check';
  readonly callee: string;
  /**
   * Read where it decides whether its loop goes on: the loop's condition (`while (time() <
   * $deadline)`) or an `if` that leaves the loop (`if (time() > $deadline) break;`), and not
   * moved toward by the body (`while ($next <= time()) $next += $step;` computes).
   */
  readonly decidesLoop: boolean;
  readonly span: Span;
}

/** Output to the client. `flush` means it may have reached the client (headers sent). */
export interface OutputEffect {
  readonly kind: 'output';
  readonly flush: boolean;
  /** Sends data the unit read in chunks (`echo fread($fh, 8192)`: `lower/php/read-data.ts`). */
  readonly sendsReadData?: true;
  readonly callee: string;
  readonly span: Span;
}

/** Reading one chunk of a stream (`fread()`); with output in a loop, it marks streaming. */
export interface ChunkReadEffect {
  readonly kind: 'chunk-read';
  readonly callee: string;
  readonly span: Span;
}

/**
 * A sleep too short to keep anyone waiting (`usleep(50)`: under `YIELD_SECONDS`): it only
 * gives the CPU away. Not slow work; a loop that waits on the clock and yields each round
 * spins on a local condition (a lock directory) and is not a polling wait either.
 */
export interface YieldEffect {
  readonly kind: 'yield';
  readonly callee: string;
  readonly span: Span;
}

/**
 * Knowledge gained from a branch condition: `if (session_status() === PHP_SESSION_NONE)`.
 * `started` means open, or closed after having been started (`session_id() !== ''`).
 */
export interface AssumeEffect {
  readonly kind: 'assume';
  readonly resource: ResourceId;
  readonly state: 'open' | 'closed' | 'started' | 'ever-started';
  readonly span: Span;
}

/**
 * The outcome of a call used as a condition (`if (!hasDatabase())`): on this branch the
 * call returned a truthy (or falsy) value, so its callee took the matching `return`.
 */
export interface CallResultEffect {
  readonly kind: 'call-result';
  /** The node of the call. */
  readonly callNode: number;
  readonly truthy: boolean;
  readonly span: Span;
}

/**
 * A runtime setting given a literal value (`ini_set('session.use_cookies', '0')`,
 * `session_cache_limiter('')`), as PHP stores it: a string (`false` is `''`, `0` is `'0'`).
 */
export interface SettingEffect {
  readonly kind: 'setting';
  readonly name: string;
  readonly value: string;
  readonly span: Span;
}

/**
 * What a unit knows about a branch predicate from here on (path-sensitive facts): a branch
 * taken on `$need`, `defined('X')` or `$mode === 'x'`, or `$started = true`. A later test of
 * the same predicate follows only the edge that agrees. Predicate keys are canonical text made
 * by the lowering (`$need`, `$mode === 'x'`, `defined(X)`); a subject is what the predicate
 * reads: `$need` (a local variable), `->started` (a property of `$this`), `::$locked` (a
 * static property), `const:X`. Facts hold for every resource of the unit; a call forgets
 * those about properties (and an include those about variables).
 */
export interface FactEffect {
  readonly kind: 'fact';
  /** Subjects assigned (or possibly changed) here: their facts no longer hold. Applied first. */
  readonly forget?: readonly string[];
  /** Predicates whose value is known from here on. */
  readonly set?: readonly PredicateValue[];
  /**
   * `defined('X')` known from here on although this unit does not test it twice: a constant
   * is global, so the fact matters to the files this one includes and to its callers. The
   * flow applies these (like `set`) only for the constants that decide a session effect
   * somewhere in the project (`FlowEngine`'s `ConstantScope`), so that the many constants a
   * bootstrap defines cost nothing.
   */
  readonly constants?: readonly PredicateValue[];
  /**
   * Predicates this edge needs, checked but not recorded: a case that knows the opposite
   * cannot take it. A test that passes only when a session key is set checks that the
   * session was not emptied (`session-emptied.ts`), whatever key it reads.
   */
  readonly checks?: readonly PredicateValue[];
  readonly span: Span;
}

/**
 * The subject of the fact that marks the path through a repeat guard's body
 * (`if (self::$instance) { …; return; }` before the code that sets it; `isRepeatGuard` in the
 * PHP lowering): followed by the guard's offset in its file. True on that path only.
 */
export const REPEAT_PATH_PREFIX = 'once:repeat@';

export interface PredicateValue {
  readonly predicate: string;
  readonly subject: string;
  readonly value: boolean;
  /**
   * For a constant's value fact (`define('PAGE_NAME', 'search')`, `constantValueFact`): the
   * literal it was defined with. One fact says what every comparison of it answers.
   */
  readonly literal?: Literal;
  /**
   * For a comparison of a constant (`PAGE_NAME == 'style'`): how it is computed, so that a
   * value fact about the constant decides it (`applyFacts`) although no unit remembers it.
   */
  readonly shape?: PredicateShape;
}

/** A call the catalog does not know; the flow pass resolves it to project code. */
export interface CallEffect {
  readonly kind: 'call';
  readonly target: CallTarget;
  /**
   * The target is a closure written in the calling unit that reads parameters of the functions
   * around it (PHP `use ($work)`, `call_user_func($run)`): the engine hands it the calling unit's
   * bindings, as for a closure passed with `captures`.
   */
  readonly capturing?: true;
  /**
   * Callables passed as arguments (`with_session(fn () => …)`), so that the callee's calls of
   * its parameter `index` run them: higher-order helpers run the callback under their lock.
   */
  readonly callables?: readonly {
    readonly index: number;
    /**
     * The callable is this property of an object literal passed as argument `index`
     * (`withLock({ key, fn: async () => … })`): bound to the callee's `options.fn`.
     */
    readonly property?: string;
    readonly target: CallTarget;
    /**
     * A closure written at the call that calls parameters of the functions around it
     * (`withClient(async (c) => work(c))`, `work` the caller's parameter): the flow engine
     * hands it the bindings of the calling unit, so those captured calls resolve.
     */
    readonly captures?: boolean;
  }[];
  /** What each argument is as a path, for callees that read a parameter as one (PHP). */
  readonly pathArguments?: readonly PathArgument[];
  /** What each argument costs as a command line, for callees that run a parameter as one (PHP). */
  readonly commandArguments?: readonly CommandArgument[];
  /**
   * Made while an output buffer the caller captures is active (`ob_start(); include
   * 'view.php'; $html = ob_get_clean();`): what the callee prints or streams is not sent.
   */
  readonly outputCaptured?: true;
  /** How the call reads in messages: `auth()`, `$this->load()`, `Db::run()`. */
  readonly display: string;
  readonly span: Span;
  /** How many arguments it passes, when all are positional (no spread, no names). */
  readonly argumentCount?: number;
  /**
   * Positional arguments written as flag-like literals (`true`, `false`, `null`, `0`, `1`,
   * `''`), by index, each as its `literalKey` (`'true'`, `'""'`): the callee's facts for them.
   */
  readonly literalArguments?: readonly { readonly index: number; readonly value: string }[];
  /**
   * Positional arguments that pass on one of the calling unit's parameters unchanged, whose
   * default is a flag-like literal (`value`, as `literalArguments`): where the calling unit's
   * own caller left that parameter out, the callee gets the default as a literal
   * (`countErrors($check = true)` → `getErrors($check)`).
   */
  readonly defaultArguments?: readonly { readonly index: number; readonly parameter: number; readonly value: string }[];
  /**
   * The call's result is dropped without being awaited (`notify(id);`, `void audit(x)`,
   * `report(e).catch(log);`): an `async` callee's work runs after the caller has moved on,
   * so it does not keep the caller's resource held (TypeScript/JavaScript).
   */
  readonly floating?: boolean;
  /**
   * PHP's `header()` sending the client on to another page (`Location:`, `Refresh:`, or a header
   * the code computes): what the request stored in the session is for that next request
   * (`lower/php/redirects.ts`).
   */
  readonly sendsOnward?: true;
}

export type CallTarget =
  /** A function; `candidates` are fully qualified, lower-case, in PHP's lookup order. */
  | { readonly type: 'function'; readonly candidates: readonly string[] }
  /**
   * A method on a class known by name (lower-case, fully qualified). `virtual`: called on an
   * object (`$page->isSlow()`, `$this->check()`) or through `static::`, so PHP picks the method
   * of the object's own class at run time: a subclass's override may run instead of the
   * declaration this class sees (`Foo::m()`, `self::`, `parent::` and `new` are not virtual).
   */
  | { readonly type: 'method'; readonly className: string; readonly method: string; readonly virtual?: true }
  /**
   * `require`/`include` of a file: the included file's top level runs here. `path` may have
   * unknown parts (a pattern); `from` is the including file.
   */
  | {
      readonly type: 'include';
      readonly path: StaticString;
      readonly from: string;
      /**
       * The paths it may be when a variable in it has a few known literal values
       * (`$rel_path . 'common.php'` with `$rel_path` set to `'./'` or `'../'`); `path` is the first.
       */
      readonly alternatives?: readonly StaticString[];
      /**
       * Written as a call of an include helper (`require_api('x.php')` with `function
       * require_api($name) { require_once($dir . $name); }`): the file that call includes.
       */
      readonly helper?: true;
      /**
       * `require_once`/`include_once`: PHP runs the file only if it was not included before in
       * the request, so it does nothing when the file is already running further out (on the
       * include stack, or it declares the function now running).
       */
      readonly once?: true;
    }
  /** A closure or arrow function, by where it starts in its file (its unit is `closure@start`). */
  | { readonly type: 'closure'; readonly file: string; readonly start: number }
  /**
   * A callable the unit was given as parameter `index` (`$callback()`); bound by each caller.
   * `captured`: a parameter of an enclosing function, that many functions out (1: the function
   * the closure is written in), read by a closure (PHP: through `use ($work)`, or any variable in an
   * arrow function).
   * `property`: a function-valued property of that parameter, an options object
   * (`options.fn()`, `{ fn }` destructured in the parameter list; TypeScript only).
   */
  | { readonly type: 'parameter'; readonly index: number; readonly captured?: number; readonly property?: string }
  /**
   * `new $class()` where the class name is a pattern (`className`, lower-case): with `include`,
   * one of the classes declared by the files a pattern include picks (`include "modules/$m.php";
   * $class = $m . 'Module'; new $class();`: each matched file must declare exactly one class
   * that fits); without, one of the project's classes that fit a name with a literal start
   * (`"rcube_session_{$storage}"`, autoloaded). They are the candidates, and only the slow
   * work all of them do counts.
   */
  | {
      readonly type: 'dynamic-class';
      readonly include?: Extract<CallTarget, { type: 'include' }>;
      readonly className: StaticString;
      readonly method: string;
    }
  /**
   * `$this->{"ping_" . $type}()`: a method of a known class whose name is a pattern with a
   * literal start (`method`, lower-case). The class's methods (with its parents' and traits')
   * that fit are the candidates, and only the slow work all of them do counts. `publicOnly`:
   * the request names the method from outside the class (`$controller->$action()` with
   * `$action = $_GET['action']`, `lower/php/request-named-method.ts`, `requestNamed`): every
   * public method that the call's `arguments` can run (PHP refuses a call with fewer arguments
   * than the method requires) is a candidate, and no other.
   */
  | { readonly type: 'dynamic-method'; readonly className: string; readonly method: StaticString; readonly requestNamed?: { readonly arguments: number } }
  /**
   * A function named by a string built from literal parts around unknown ones
   * (`call_user_func($config['auth_mechanism'] . '_authenticate', …)`; `name` lower-case, with
   * at least one literal part): the project's functions whose names fit are the candidates
   * (none when there are more than a few), and only the slow work all of them do counts at
   * the call (`lower/php/function-name-pattern.ts`).
   */
  | { readonly type: 'dynamic-function'; readonly name: StaticString }
  /**
   * A method named by a pattern on an object whose class is one of a few patterns, each with a
   * literal part (`call_user_func([$this->controller, $action])`, where a private property is
   * only ever assigned `new $name()` with `$name = 'App_' . $c . '_Controller'`, and `$action`
   * is a parameter every call in the class builds as `$a . 'Action'`): the methods that fit, of
   * the project's classes that fit. Only the slow work all of them do counts at the call.
   */
  | { readonly type: 'dispatch'; readonly classNames: readonly StaticString[]; readonly methods: readonly StaticString[] }
  /**
   * A method called through an interface or an abstract class (TypeScript, type-aware): the
   * project's classes that implement it (`classNames`) are the candidates, and only what all of
   * them do counts (a no-op implementation next to a slow one makes the call not slow).
   */
  | { readonly type: 'implementations'; readonly classNames: readonly string[]; readonly method: string }
  /**
   * A function-valued property a class's constructor copies from its options
   * (`this.createPaymentFn = config.createPayment`), called on `this` (TypeScript): the functions
   * the project's `new` sites give for it (`targets`) are the candidates, which one runs is
   * configuration; only what all of them do counts, and what only some do is `info`.
   */
  | { readonly type: 'configured'; readonly targets: readonly CallTarget[] }
  /**
   * A callable read by name from an array the project fills with callables (`call_user_func(
   * $Ossn->page[$handler], …)`): `key` names the array (`lower/php/registries.ts`); the candidates
   * are what the project stores there, when every store is a callable the code names or a
   * registering function's parameter that every call passes as one. Only what all do counts at
   * the call.
   */
  | { readonly type: 'registry'; readonly key: string }
  /** A method whose receiver is not known. */
  | { readonly type: 'unknown-method'; readonly method: string }
  | { readonly type: 'dynamic' };

export type Effect =
  | OpenEffect
  | UseEffect
  | CloseEffect
  | AccessEffect
  | SlowEffect
  | TimeCheckEffect
  | OutputEffect
  | ChunkReadEffect
  | YieldEffect
  | AssumeEffect
  | CallResultEffect
  | FactEffect
  | SettingEffect
  | CallEffect;
