import { changesClassStatic, isClassStaticSubject, shapeValue, TRUTHY_STRING_KEY, truthyStringValue } from '../ir/predicate-shape';
import { staticsDecidingWork } from './deciding-statics';
import { REPEAT_PATH_PREFIX, type CallEffect, type CallTarget, type Effect, type FactEffect, type HoldEstimate, type PredicateValue, type ResourceId, type SlowKind, type ThisMachineAddress } from '../ir/effects';
import type { Unit } from '../ir/unit';
import type { ErrorPath, SettingMark } from '../ir/cfg';
import type { CallResolver } from './resolver';
import { MAX_DISPATCHES, dispatchStep, isDispatchTarget, type DispatchUnderLock } from './dispatch';
import { heldOperations } from './held';
import { nodesThatContinue } from './continuing';
import { ReachableUnion } from './reachable';
import { MAX_VISITS_PER_NODE, solve } from './solver';
import { applyFacts, changedByCall, forgetConstants, forgetSessionKeys, globalCases, isGlobalSubject, mapCases, withCallerFacts } from './facts';
import { quoteCode } from '../text/quote-code';
import { spanKey } from '../model/span';
import { changedValues, entryFacts, withCarriedValues, withoutContradicted, withValues } from './summary-keys';
import { isOnceInclude, loadedForCallee, loadedKey, loadedWhereRunning } from './once-includes';
import { includedBeforeNodes } from './included-before';
import { constantsDefinedBy } from '../ir/constant-definitions';
import { callableSlotOf, SlotsRead, type CallableSlot } from './callable-slots';
import {
  CLOSED,
  OPEN_AT_ENTRY,
  RELEASED_AT_ENTRY,
  closedSinceEntry,
  ownCloseSteps,
  MAX_FACTS,
  capFacts,
  casesOf,
  factsKey,
  withFacts,
  type Facts,
  releasedBy,
  unionSteps,
  joinStates,
  keepWhyMaybe,
  siteFromChain,
  unionSites,
  withOptional,
  type OpenSite,
  type ResourceState,
  type Step,
} from './state';

/**
 * A sign that the request runs long (`set_time_limit(0)`) written in the callee's own code, not
 * reached through a call of its own.
 */
function ownLongRunSign(occurrence: SlowOccurrence): boolean {
  return occurrence.kind === 'long-running' && occurrence.chain.length === 1 && !occurrence.viaCallback;
}

/**
 * A callee whose job is something else than announcing a long run: its own code runs other
 * work, slow work of another kind or project code (or a call the analysis cannot follow: a
 * method, an include), as a database wrapper that checks and rewrites each query, lifting the
 * time limit before it runs it. A helper that only sets the limits with PHP's own functions
 * (`allow_long_run()`: `set_time_limit(0)`, `ignore_user_abort(true)`) does not.
 */
function doesOtherWork(unit: Unit, resolver: CallResolver): boolean {
  return unit.cfg.nodes.some(({ effect }) => {
    if (effect?.kind === 'slow') return effect.slowKind !== 'long-running';
    if (effect?.kind !== 'call') return false;
    return effect.target.type !== 'function' || resolver.resolve(effect.target, unit, effect.span).length > 0;
  });
}

/** Slow work reached through a call, seen from the caller: chain[0] is the call. */
export interface SlowOccurrence {
  readonly kind: SlowKind;
  /** The operation's name for messages: `sleep()`, `PDO::query()`. */
  readonly callee: string;
  readonly detail?: string;
  /** How long it may keep the lock, including the loops (here and in callees) that repeat it. */
  readonly hold?: HoldEstimate;
  /** A path read from this parameter of the unit it is seen from: the caller's argument decides. */
  readonly pathParameter?: number;
  /** A command line the analysis cannot judge (`SlowEffect.unjudged`): `info`. */
  readonly unjudged?: true;
  /** That command line is this parameter of the unit it is seen from (`SlowEffect.commandParameter`). */
  readonly commandParameter?: number;
  /** A file sent as an image (`SlowEffect.image`): a short transfer, `info`. */
  readonly image?: true;
  /** A connection to a service on this machine (`SlowEffect.thisMachine`): `info`. */
  readonly thisMachine?: ThisMachineAddress;
  readonly chain: readonly Step[];
  /** Set when the operation is a loop that repeats slow work or polls. */
  readonly loop?: 'repeats' | 'polls' | 'streams';
  /**
   * With `loop: 'repeats'`: the work repeated is a pause of a few milliseconds (`usleep(1000)`),
   * in a loop that does not poll: it waits for nothing (`info`).
   */
  readonly pause?: true;
  /** The slow work is a callback a higher-order helper was given (`with_session(fn …)`). */
  readonly viaCallback?: boolean;
  /**
   * With `viaCallback`: the callable the helper ran (as its caller bound it). A summary hands
   * a callback run under its own lock up to its caller only when that caller passed it.
   */
  readonly callback?: CallTarget;
  /**
   * With `callback`: callables bound further out that it ran through captured calls
   * (`withClient(async (c) => work(c))` runs the `work` bound to `withTransaction`), so each
   * helper on the way hands the occurrence up to the caller that bound its own part.
   */
  readonly capturedFrom?: readonly CallTarget[];
  /** When a callee holds its own lock around it: that lock's open sites, from the caller. */
  readonly sites?: readonly OpenSite[];
  /**
   * Reached only after an error (`CfgNode.errorPath`: an exception caught, or a call that fails
   * only on an error failed), here or in a caller on the way.
   */
  readonly errorPath?: ErrorPath;
  /**
   * Reached only on a branch taken when an I/O call failed, from which the request ends
   * (`CfgNode.failureBranch`, here or in a caller on the way): error reporting.
   */
  readonly failureReport?: true;
  /**
   * Reached only when a setting is changed from its shipped value (inside `if ($CONF['hook'])`
   * with `''` shipped, here or in a caller on the way): the innermost such test.
   */
  readonly setting?: SettingMark;
  /**
   * With `viaCallback`: the helper's call of the callable its caller bound (`work(client)` in
   * `withTransaction(work)`), the innermost such call on the chain.
   */
  readonly callbackCall?: Step;
  /**
   * Reached through a call on a value typed with an interface (TypeScript) where only some of
   * the project's implementations do slow work: this one is (`implementation`), and which one
   * runs is set by configuration the analysis does not follow (vendure's asset storage
   * strategy, payload's e-mail adapter). Rated `info`, told as a condition.
   */
  readonly configured?: { readonly implementation: string; readonly of: number };
}

/**
 * Where a callable is bound: a parameter's position, or `"<position>.<property>"` for a
 * function-valued property of an options object passed there (`withLock({ fn })`).
 */
export type BindingSlot = CallableSlot;

const slotOf = callableSlotOf;

/** Slots in a stable order (positions first, by number), for keys. */
function compareSlots(a: readonly [BindingSlot, unknown], b: readonly [BindingSlot, unknown]): number {
  if (typeof a[0] === 'number' && typeof b[0] === 'number') return a[0] - b[0];
  if (typeof a[0] === 'number') return -1;
  if (typeof b[0] === 'number') return 1;
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

/** Callables bound to a unit's parameters by the call being analysed. */
export type Bindings = ReadonlyMap<BindingSlot, readonly CallTarget[]>;
const NO_BINDINGS: Bindings = new Map();

/**
 * The bindings of the functions around a closure, innermost first (frame 0: the unit that
 * passed it), as entries so that they are part of the JSON of a target and so of every key.
 */
type Frames = readonly (readonly (readonly [BindingSlot, readonly CallTarget[]])[])[];

/** A closure passed by a unit that had bindings: it carries them, for its captured calls. */
type ClosureWithFrames = Extract<CallTarget, { type: 'closure' }> & { readonly outer?: Frames };

/** What a unit is run with: its own parameters' bindings and, for a closure, those around it. */
interface Env {
  readonly bindings: Bindings;
  readonly outer: Frames;
  /** The arguments from this index on are left out (they keep their defaults); undefined: unknown. */
  readonly omittedFrom?: number;
  /** Arguments the call passes as flag-like literals (`show_cli($msg, true)`). */
  readonly literals?: CallEffect['literalArguments'];
  /**
   * Global facts the caller has on every path to the call, so the callee sees them: session
   * settings it changed, and whether the constants the callee tests are defined.
   */
  readonly settings?: Facts;
  /**
   * Files known included on this path that the unit may `_once`-include (itself or through what
   * it runs): those of the units running further out (`once-includes.ts`). Part of the summary key.
   */
  readonly loaded?: ReadonlySet<string>;
}
const NO_FRAMES: Frames = [];

/**
 * Constants whose `defined()` facts flow between units (`define('X', …)` in an entry script,
 * `if (!defined('X')) session_start();` in the file it includes). Only constants that decide
 * a session effect are followed, so that summaries are not split by every constant a
 * bootstrap defines.
 */
export interface ConstantScope {
  /** `const:X` for the constants tested by `defined()` in a unit that opens, closes or installs a session store. */
  readonly relevant: ReadonlySet<string>;
  /** The constants a unit tests, with those its includes test (for a file's top level). */
  testedBelow(unit: Unit): ReadonlySet<string>;
  /** A file's top level that no file includes: a request starts there. */
  isEntry(unit: Unit): boolean;
  /**
   * The constants a file's top level tests to refuse a direct request, which the project
   * defines (`directRequestGuards`): requested on its own, the file ends at the guard.
   */
  directRequestGuards(unit: Unit): readonly string[];
  /**
   * Whether an included file the analysis cannot read (a configuration file written at install
   * time) may define the constant: only when some file of the project defines it (or defines
   * constants by computed names). A constant the project never defines (one a test suite's
   * bootstrap defines) is not one a configuration file sets.
   */
  definableByInclude(subject: string): boolean;
}

const NO_CONSTANT_SCOPE: ConstantScope = { relevant: new Set(), testedBelow: () => new Set(), isEntry: () => false, directRequestGuards: () => [], definableByInclude: () => true };

/**
 * Closures carried inside closures' frames before the frames are dropped (captured calls then
 * resolve to nothing). Only a recursion of helpers wrapping closures in closures gets there:
 * real forwarding chains are one or two levels deep, so it is a termination guard, not a cut.
 */
const MAX_FRAME_NESTING = 4;
/** Frames (lexical levels) a closure carries. */
const MAX_FRAMES = 8;

/** What running a callee means for its caller, as chains of steps from the call. */
export interface CalleeEffects {
  /** Slow work the callee does while the caller's lock is still held. */
  readonly slowUnderLock: readonly SlowOccurrence[];
  /**
   * Callbacks of this call that the callee runs under a lock it took itself: the caller's
   * code is what is slow, so the caller reports it. Each occurrence carries its `sites`.
   */
  readonly slowUnderOwnLock: readonly SlowOccurrence[];
  /** Where the callee releases the caller's lock, as chains from the call. */
  readonly releases: readonly (readonly Step[])[];
  /** Session writes the callee makes while the caller's lock is held (chains from the call). */
  readonly writesUnderLock: readonly (readonly Step[])[];
  /**
   * Session writes the callee makes while the session is closed and it did not open it: with
   * the caller's session already released, PHP drops them.
   */
  readonly writesWhileClosed: readonly (readonly Step[])[];
  /**
   * Every one of `writesWhileClosed` happens where the callee opened the session on other
   * paths (its state there is maybe-open): the write is lost only on some of its paths
   * (`if (!self::$volatile) session_start(); $_SESSION[$k] = $v;`).
   */
  readonly writesWhileClosedSometimes?: boolean;
  /** Output the callee may flush to the client (headers sent), as chains from the call. */
  readonly flushes: readonly (readonly Step[])[];
  /** Where the callee starts the session when the caller's is closed, as chains from the call. */
  readonly opens: readonly (readonly Step[])[];
  /**
   * Calls with several candidates (`new $class()`, a method named by a pattern) the callee
   * makes while the caller's lock is held, as chains from the call: each candidate runs with
   * it held (`rules/src/dispatch-entries.ts` enters them so).
   */
  readonly dispatches?: readonly DispatchUnderLock[];
  /**
   * Session settings the callee leaves changed on every path it returns by
   * (`ini_set('session.use_cookies', '0')` in a helper), as facts (`settingFact`).
   */
  readonly settings?: readonly PredicateValue[];
}

/** What a call to project code does, seen from the caller. */
export interface CallOutcome extends CalleeEffects {
  readonly units: readonly Unit[];
  /** The callee cannot return from this state: every path through it ends the script or throws. */
  readonly neverReturns?: true;
}

/** The state before one effect, and for calls what the callee does. */
export interface Observation {
  readonly node: number;
  readonly effect: Effect;
  readonly before: ResourceState;
  readonly call?: CallOutcome;
}

export interface UnitFlow {
  readonly unit: Unit;
  readonly resource: ResourceId;
  /** In-state of every node (undefined: unreachable). */
  readonly states: readonly (ResourceState | undefined)[];
  readonly observations: readonly Observation[];
  /** At the normal end of the unit (end of body or `return`). */
  readonly exit: ResourceState | undefined;
  /** At `exit`/`die`. */
  readonly terminate: ResourceState | undefined;
  /** At an exception that leaves the unit. */
  readonly throwExit: ResourceState | undefined;
}

/** How a unit behaves, from one entry state, as its callers see it (chains from inside it). */
interface Summary extends CalleeEffects {
  readonly exit: ResourceState | undefined;
  /** For functions that only return booleans: the exit state when it returned true / false. */
  readonly exitWhen?: { readonly true: ResourceState | undefined; readonly false: ResourceState | undefined };
}

/**
 * A summary as kept: with the values of the facts it only carried (`summary-keys.ts`), and the
 * same summary for other values of them, made when asked.
 */
interface KeptSummary {
  readonly summary: Summary;
  readonly carried: Facts;
  variants?: Map<string, Summary>;
}

/** Nested summaries before a call chain is cut. */
const MAX_SUMMARY_DEPTH = 120;

/**
 * Sets of entry facts (settings, constants, static properties) one unit is summarised for, per
 * the rest of its entry (resource, entry state, bound callables, arguments), before further
 * calls enter it knowing none of them. A helper that reaches most of a large project (MediaWiki's
 * `User::getId()`) is called with every combination of the facts its callers learnt about
 * singletons (`RequestContext::$instance`, `ExtensionRegistry::$instance`, ...), which its
 * callees test: summarised once per combination, and again inside each of them, its flow did not
 * end in 15 minutes. Postfix Admin needs at most 5; a unit past the bound is reported as cut.
 */
export const MAX_FACT_SETS_PER_UNIT = 48;
/**
 * Different ways one unit may be entered (callables bound to its parameters, literal arguments,
 * files already included, facts) before later ones are analysed knowing none of them. Each way
 * is a summary of its own; MediaWiki's `WANObjectCache::getWithSetCallback()` is entered with one
 * closure per caller, and what those closures call multiplies it again: without a bound, the
 * corpus did not finish.
 */
export const MAX_ENTRIES_PER_UNIT = 64;
/**
 * Past `MAX_ENTRIES_PER_UNIT`, calls are entered knowing only the arguments they leave out or
 * write as literals, for this many different such argument keys per unit; past these, plainly.
 */
export const MAX_ARGUMENT_ENTRIES_PAST_CAP = 16;

/** Occurrences kept per call: the first few are enough to explain a finding. */
const MAX_OCCURRENCES = 4;

/**
 * The first few slow occurrences, plus the first of every other kind: a kind decides a
 * finding's severity (and a kind turned off drops its occurrences), so four database queries
 * must not hide the HTTP call after them. Bounded by the number of kinds. An occurrence on an
 * error path or behind a setting shipped off is rated lower, so one on the main path is kept
 * for each kind as well.
 */
function capByKind(items: readonly SlowOccurrence[]): SlowOccurrence[] {
  if (items.length <= MAX_OCCURRENCES) return [...items];
  const kinds = new Set<string>();
  return items.filter((item, index) => {
    const key = `${item.kind}${item.errorPath ? ':error-path' : ''}${item.failureReport ? ':failure' : ''}${item.setting ? ':setting' : ''}${item.configured ? ':configured' : ''}`;
    const firstOfKind = !kinds.has(key);
    kinds.add(key);
    return index < MAX_OCCURRENCES || firstOfKind;
  });
}

/**
 * Runs the session dataflow over units and summarises callees on demand, memoised per
 * (unit, entry state). A unit that is being summarised when it is called again (recursion)
 * is assumed to change nothing for that inner call.
 */
/**
 * A unit whose analysis a bound cut short, so findings in it (or reached through it) may be
 * missing: the run says so in its normal output, never silently.
 */
export interface AnalysisCut {
  readonly unit: Unit;
  /** Why, and what may be missing, as clauses: "it is reached through more than 120 …; findings … may be missing". */
  readonly reason: string;
}

/**
 * Effects that change a resource's state or are reported against it (a session, a store). A
 * `read` is neither: the flow passes it by and no PHP rule reports one (the TypeScript rule
 * that does, `stale-write-after-await`, is not filtered by this).
 */
const RESOURCE_EFFECTS: ReadonlySet<string> = new Set(['open', 'close', 'write', 'use']);
const TOUCHES: ReadonlySet<string> = new Set(['resource']);
const NONE: ReadonlySet<string> = new Set();
const ID_TEST: ReadonlySet<string> = new Set(['id']);
/** How a summary's unit is entered: closed (never started, or as the caller left it), closed after a release that kept the id, open. */
type Entry = 'closed' | 'released' | 'open';

export class FlowEngine {
  /** Summaries per unit (`file#id`), by entry state and environment. */
  private readonly summaries = new Map<string, Map<string, KeptSummary | 'in-progress'>>();
  /** Each unit's map in `summaries`, so a lookup hashes only the short key of its environment. */
  private readonly summariesByUnit = new WeakMap<Unit, Map<string, KeptSummary | 'in-progress'>>();
  private readonly cutKeys = new Set<string>();
  /** Every unit a bound cut short, once per unit and reason, in the order met. */
  readonly cuts: AnalysisCut[] = [];
  /** Summaries being computed inside each other (a chain of helper calls). */
  private depth = 0;
  /** Summaries computed (not found memoised): what the keys save shows here (tests read it). */
  summaryRuns = 0;

  constructor(
    private readonly resolver: CallResolver,
    private readonly lineOf: (unit: Unit, offset: number) => number,
    /**
     * For a unit analysed on its own: how many arguments its callers pass at most, when every
     * call to it in the project is known (`argumentsPassedByCallers`); beyond that, each
     * parameter keeps its default.
     */
    private readonly callersPass: (unit: Unit) => number | undefined = () => undefined,
    /** Which constants' `defined()` facts flow between units; none without it. */
    private readonly constants: ConstantScope = NO_CONSTANT_SCOPE,
    /**
     * For a unit analysed on its own: the states just before every place that runs it (the
     * includes of a file, the calls of a function), when all of them are known (`placesThatRun`).
     */
    private readonly statesWhereRun: (unit: Unit, resource: ResourceId) => readonly ResourceState[] | undefined = () => undefined,
    /**
     * Resources that, once acquired, stay so for the rest of the request (a session store:
     * nothing uninstalls it). A callee's repeat-guard path (`if (self::$instance) return;`)
     * leaves them as the first call of the request did (`firstRunExit`).
     */
    private readonly keptForTheRequest: ReadonlySet<ResourceId> = new Set(),
    /**
     * What is known of the class statics (private or protected) that hold a session store when a request
     * starts (`StoreInstall.holderAtRequestStart`): entry scripts start with these facts, so
     * a store's `if (self::$instance) { …; return; }` and `isEnabled()` are false until the
     * store is installed.
     */
    private readonly requestStartStatics: Facts = [],
    /**
     * Whether a function or method is a shared utility: run from many places of the project
     * (`placesThatRun`). A time-limit sign it sets in its own code on every call, next to its
     * own work, says nothing about the requests that use it (`ownLongRunSign`).
     */
    private readonly sharedUtility: (unit: Unit) => boolean = () => false,
  ) {}

  /** The unit on its own, entered with the resource closed, as the rules see it. */
  analyze(unit: Unit, resource: ResourceId, entry: 'closed' | 'open' = 'closed', bindings: Bindings = NO_BINDINGS): UnitFlow {
    const omittedFrom = this.callersPass(unit);
    const known = this.asDirectRequest(unit, [...this.requestStartFacts(unit), ...this.factsWhereRun(unit, resource)]);
    return this.run(unit, resource, entry === 'closed' ? CLOSED : OPEN_AT_ENTRY, {
      bindings,
      outer: NO_FRAMES,
      ...(omittedFrom !== undefined ? { omittedFrom } : {}),
      ...(known.length > 0 ? { settings: known } : {}),
    });
  }

  /**
   * A file analysed on its own is also a request of that file alone: where its top level
   * refuses direct requests (`if (!defined('CC_INI_SET')) die();`, a constant the project
   * defines), that request ends at the guard, whatever its includers know. The runs through its
   * includers are theirs to report (an include is followed as a call), so the file on its own
   * does not report them again from a state (the session closed) they may not have.
   */
  private asDirectRequest(unit: Unit, known: Facts): Facts {
    const guards = this.constants.directRequestGuards(unit);
    if (guards.length === 0) return known;
    const undefinedHere = guards.map((subject) => ({ predicate: `defined(${subject.slice('const:'.length)})`, subject, value: false }));
    return [...known.filter((fact) => !guards.includes(fact.subject)), ...undefinedHere];
  }

  /**
   * The unit entered as every place that runs it enters it (`states`: the state just before each
   * of them, all known), when each has the resource open on every path (a function only ever
   * called with the session started): open at their sites, with the facts they share. Undefined
   * otherwise: then the unit on its own (`analyze`, entered closed) is all that can be said.
   * Entered closed, a helper it calls that opens the session only when it is closed, and closes
   * only what it opened, closes it; no caller ever sees that path.
   */
  analyzeAsRun(unit: Unit, resource: ResourceId, states: readonly ResourceState[]): UnitFlow | undefined {
    if (states.length === 0 || states.some((state) => state.closed || state.open.length === 0)) return undefined;
    let sites: readonly OpenSite[] = [];
    for (const state of states) sites = unionSites(sites, state.open);
    const omittedFrom = this.callersPass(unit);
    const known = [...this.requestStartFacts(unit), ...this.factsWhereRun(unit, resource)];
    return this.run(unit, resource, { closed: false, open: sites }, {
      bindings: NO_BINDINGS,
      outer: NO_FRAMES,
      ...(omittedFrom !== undefined ? { omittedFrom } : {}),
      ...(known.length > 0 ? { settings: known } : {}),
    });
  }

  /**
   * The global facts every place that runs the unit has (its includers' or callers' state just
   * before the include or call): a file that only `index.php` includes runs after the bootstrap
   * `index.php` included first turned the session cookie off, so it is entered knowing that,
   * as it is when followed from `index.php`. The facts are those a call hands to its callee
   * (`globalFactsFor`); a place the flow does not reach says nothing.
   */
  private factsWhereRun(unit: Unit, resource: ResourceId): Facts {
    const states = this.statesWhereRun(unit, resource);
    if (!states || states.length === 0) return [];
    let shared: Facts | undefined;
    for (const state of states) {
      const passed = this.globalFactsFor({ bindings: NO_BINDINGS, outer: NO_FRAMES }, state, unit).settings ?? [];
      shared = shared === undefined ? passed : shared.filter((fact) => passed.some((other) => other.predicate === fact.predicate && other.value === fact.value));
      if (shared.length === 0) return [];
    }
    return shared ?? [];
  }

  /**
   * Whether the call at `node` of the flow ever returns to its caller: false when project code
   * it runs ends the script (or throws) on every path, for the literal arguments the call
   * passes (`show_cli('…', true)` with `if ($exit) exit;`). Undefined when the call is not
   * project code or the node is not reached.
   */
  callReturns(flow: UnitFlow, node: number): boolean | undefined {
    const effect = flow.unit.cfg.nodes[node]?.effect;
    const before = flow.states[node];
    if (effect?.kind !== 'call' || !before) return undefined;
    const { after, outcome } = this.applyCall(effect, flow.unit, flow.resource, before, { bindings: NO_BINDINGS, outer: NO_FRAMES });
    if (!outcome || outcome.units.length === 0) return undefined;
    return after !== undefined;
  }

  /**
   * An entry script (no file includes it) starts a request, where no constant of the project
   * is defined yet: `defined('X')` is false for the constants its files test, until a
   * `define()` runs. Other units start knowing nothing about constants.
   */
  private requestStartFacts(unit: Unit): Facts {
    if (unit.kind !== 'script' || !this.constants.isEntry(unit)) return [];
    const tested = this.constantsTestedThrough(unit);
    const statics = this.requestStartStatics.filter((fact) => this.classStaticsTestedThrough(unit).has(fact.subject));
    const settings = this.settingsAtRequestStart(unit);
    const constants = [...tested]
      .filter((subject) => this.constants.relevant.has(subject))
      .sort()
      .slice(0, MAX_FACTS - settings.length)
      .map((subject) => ({ predicate: `defined(${subject.slice('const:'.length)})`, subject, value: false }));
    return [...settings, ...statics, ...constants];
  }

  /**
   * The session settings a request starts with, where the unit (or project code it runs) tests
   * them: php.ini is not part of the project, so a setting is at PHP's default until the code
   * changes it (`ini_set()`, followed path by path as any `setting` effect). Adminer's
   * `restart_session()` (`if (!ini_bool('session.use_cookies')) session_start();`) then opens
   * nothing with cookie sessions, unless the project turned the cookie off before.
   */
  private settingsAtRequestStart(unit: Unit): Facts {
    const tested = this.settingsTested.of(unit);
    if (tested === 'any' || tested.size === 0) return [];
    return PHP_DEFAULT_SETTINGS.filter((fact) => tested.has(fact.subject));
  }

  /** The settings with a PHP default (`PHP_DEFAULT_SETTINGS`) a unit, or project code it runs, tests or changes. */
  private readonly settingsTested = new ReachableUnion<Unit, string>(
    (unit) => this.calleesOf(unit),
    (unit) => factSubjectsOf(unit, (subject) => DEFAULT_SETTING_SUBJECTS.has(subject)),
  );

  /** A fact effect, with its `defined()` facts about constants that decide session effects. */
  private withConstants(effect: FactEffect): FactEffect {
    const relevant = effect.constants?.filter((fact) => this.constants.relevant.has(fact.subject)) ?? [];
    return relevant.length > 0 ? { ...effect, set: [...(effect.set ?? []), ...relevant] } : effect;
  }

  /** The global facts of the caller's state the callee gets: settings, and the constants it (or what it includes) tests. */
  private globalFactsFor(env: Env, before: ResourceState, callee: Unit): Env {
    const tested = this.constants.relevant.size > 0 ? this.constantsTestedThrough(callee) : undefined;
    const settings = (before.facts ?? []).filter((fact) =>
      isClassStaticSubject(fact.subject)
        ? // Only to callees that test it (through their calls): the others' summaries need not tell the paths apart.
          this.classStaticsTestedThrough(callee).has(fact.subject)
        : isGlobalSubject(fact.subject) || (tested?.has(fact.subject) && this.constants.relevant.has(fact.subject)),
    );
    return settings.length > 0 ? { ...env, settings } : env;
  }

  /**
   * The entry's facts about class statics that neither the unit nor what it may run tests where
   * the test decides something (`deciding-statics.ts`), and, of those, the ones it never assigns
   * (`unassigned`: its exit cases that contradict them are not paths); undefined when there are
   * none, or when the caller bound callables (they may run code the unit does not reach).
   */
  private staticsDecidingNothing(unit: Unit, env: Env): { facts: Facts; unassigned: Facts; kept: Facts } | undefined {
    if (!env.settings || env.bindings.size > 0 || env.outer.length > 0) return undefined;
    if (!env.settings.some((fact) => isClassStaticSubject(fact.subject))) return undefined;
    const deciding = this.decidingStatics.of(unit);
    if (deciding === 'any') return undefined;
    const facts = env.settings.filter((fact) => isClassStaticSubject(fact.subject) && !deciding.has(fact.subject));
    if (facts.length === 0) return undefined;
    const assigned = this.assignedTransitively(unit);
    const unassigned = assigned === 'any' ? [] : facts.filter((fact) => !changesClassStatic(assigned, fact.subject));
    return { facts, unassigned, kept: env.settings.filter((fact) => !facts.includes(fact)) };
  }

  /** The class statics whose tests, in a unit or what it may run, decide something (`deciding-statics.ts`). */
  private readonly decidingStatics = new ReachableUnion<Unit, string>(
    (unit) => this.runnableFrom(unit),
    (unit) => staticsDecidingWork(unit, (effect) => this.resolver.resolve(effect.target, unit, effect.span).some((callee) => this.mayDoWork(callee))),
  );

  /**
   * Whether the unit, or project code it may run, does anything a summary keeps: an effect other
   * than a fact, an assignment of a subject other than a local's, a `define()`, or an `exit`.
   */
  private mayDoWork(unit: Unit): boolean {
    const found = this.work.of(unit);
    return found === 'any' || found.size > 0;
  }

  private readonly work = new ReachableUnion<Unit, string>(
    (unit) => this.runnableFrom(unit),
    (unit) =>
      unit.cfg.nodes.some((node) => {
        if (node.succs.some((edge) => edge.to === unit.cfg.terminate)) return true;
        const effect = node.effect;
        if (!effect || effect.kind === 'call') return false;
        if (effect.kind !== 'fact') return true;
        return (effect.forget ?? []).some((subject) => !subject.startsWith('$')) || (effect.constants?.length ?? 0) > 0;
      })
        ? TOUCHES
        : NONE,
  );

  /** A summary computed without the caller's facts about statics it never decides on, for the caller that knew them. */
  private withCallerStatics(summary: Summary, facts: Facts): Summary {
    const key = factsKey(facts);
    let variants = this.staticVariants.get(summary);
    const known = variants?.get(key);
    if (known) return known;
    const made: Summary = {
      ...summary,
      exit: withoutContradicted(summary.exit, facts),
      ...(summary.exitWhen ? { exitWhen: { true: withoutContradicted(summary.exitWhen.true, facts), false: withoutContradicted(summary.exitWhen.false, facts) } } : {}),
    };
    if (!variants) this.staticVariants.set(summary, (variants = new Map()));
    variants.set(key, made);
    return made;
  }

  private readonly staticVariants = new WeakMap<Summary, Map<string, Summary>>();

  /** The class statics (private or protected; subjects) whose facts a unit or the project code it runs tests. */
  private classStaticsTestedThrough(root: Unit): ReadonlySet<string> {
    const tested = this.classStaticsTested.of(root);
    return tested === 'any' ? new Set() : tested;
  }

  private readonly classStaticsTested = new ReachableUnion<Unit, string>(
    (unit) => this.calleesOf(unit),
    (unit) => factSubjectsOf(unit, isClassStaticSubject),
  );

  /**
   * The subjects whose facts the unit, or project code it may run, reads or changes: tests and
   * assignments (`fact` effects, `defined()` of constants), session settings it changes, and
   * the two settings a start reads (`startsWithoutHeaders`); through its calls and includes, the
   * callables it passes, and the overrides of the methods it calls virtually (whose results
   * may decide a branch). A fact about any other subject is only carried through the unit.
   */
  private subjectsReadThrough(unit: Unit): ReadonlySet<string> | undefined {
    const read = this.subjectsRead.of(unit);
    return read === 'any' ? undefined : read;
  }

  private readonly subjectsRead = new ReachableUnion<Unit, string>(
    (unit) => {
      const runs = this.runnableFrom(unit);
      for (const node of unit.cfg.nodes) {
        const target = node.effect?.kind === 'call' ? node.effect.target : undefined;
        if (target?.type === 'method' && target.virtual) runs.push(...(this.resolver.overridesOf?.(target.className, target.method) ?? []));
      }
      return runs;
    },
    (unit) => {
      const subjects = new Set<string>();
      for (const node of unit.cfg.nodes) {
        const effect = node.effect;
        if (effect?.kind === 'fact') {
          for (const fact of effect.set ?? []) subjects.add(fact.subject);
          for (const fact of effect.constants ?? []) subjects.add(fact.subject);
          for (const fact of effect.checks ?? []) subjects.add(fact.subject);
          for (const subject of effect.forget ?? []) subjects.add(subject);
        } else if (effect?.kind === 'setting') {
          subjects.add(`ini:${effect.name}`);
        } else if (effect?.kind === 'open') {
          subjects.add(USE_COOKIES_SUBJECT);
          subjects.add(CACHE_LIMITER_SUBJECT);
        }
      }
      return subjects;
    },
  );

  /** The global facts a unit's exit state has on every path: settings, and defined constants. */
  private globalFactsOf(exit: ResourceState | undefined): { settings?: readonly PredicateValue[] } {
    const settings = (exit?.facts ?? []).filter((fact) => isGlobalSubject(fact.subject) || this.constants.relevant.has(fact.subject));
    return settings.length > 0 ? { settings } : {};
  }

  /**
   * The unit entered with the resource already open at `sites`: an entry point that runs
   * after a front controller, middleware or an early hook opened the session.
   */
  analyzeOpenAt(unit: Unit, resource: ResourceId, sites: readonly OpenSite[]): UnitFlow {
    return this.analyzeEntered(unit, resource, { closed: false, open: sites });
  }

  /**
   * The unit entered in `state`: open at its sites, or maybe-open (a candidate of a dispatch
   * made where the session is open on some paths only, with the reason).
   */
  analyzeEntered(unit: Unit, resource: ResourceId, state: ResourceState): UnitFlow {
    const omittedFrom = this.callersPass(unit);
    return this.run(unit, resource, state, { bindings: NO_BINDINGS, outer: NO_FRAMES, ...(omittedFrom !== undefined ? { omittedFrom } : {}) });
  }

  private run(unit: Unit, resource: ResourceId, start: ResourceState, env: Env): UnitFlow {
    const cfg = unit.cfg;
    const entry = withEntryFacts(start, unit, env);
    const calls = new Map<number, CallOutcome>();
    const onCut = (): void =>
      this.cut(unit, `its control flow did not settle within ${MAX_VISITS_PER_NODE} visits of a node, so the states kept may miss some paths; findings there may be missing`);
    const states = solve(cfg, resource, entry, (effect, node, before, stateAt) => {
      if (effect.kind === 'fact') {
        const applied = this.withConstants(effect);
        // A `define()` of a constant no session effect depends on changes nothing.
        return applied.set || applied.forget || applied.checks ? applyFacts(before, applied) : before;
      }
      if (effect.kind === 'setting') {
        // Whatever is known about the setting no longer holds (a pure wrapper's result over it too).
        const fact = settingFact(effect.name, effect.value);
        return applyFacts(before, { kind: 'fact', forget: [`ini:${effect.name}`], ...(fact ? { set: [fact] } : {}), span: effect.span });
      }
      if (effect.kind === 'call') {
        // A `require_once` of a file already running further out, or included before, does nothing.
        const here = this.withIncludedBefore(env, unit, node);
        if (this.includedAlready(effect, unit, here)) return before;
        const { after, outcome } = this.applyCall(effect, unit, resource, before, here);
        // Paths with different facts go through the call one by one, so each keeps its facts
        // (but those the callee may change), and adds what the callee learnt, per path, of
        // global subjects (settings, pure calls, static properties). An include the analysis
        // cannot follow (a configuration file written at install time) may define any constant.
        const unknownFile = effect.target.type === 'include' && (!outcome || outcome.units.length === 0);
        const byCall = changedByCall(
          effect.target.type === 'include' ? this.includeChanges(effect, unit) : false,
          () => this.propertiesChanged(outcome?.units),
          unknownFile,
          () => this.sessionTouched(outcome?.units),
        );
        // A constant the callee (or what it runs) may define: what its exit knows of it holds,
        // not what the caller knew (`if (isset($_GET['file'])) define('PAGE', …);` in an
        // included file leaves `PAGE` maybe defined).
        const changed = (subject: string): boolean => byCall(subject) || (subject.startsWith('const:') && this.definedThrough(outcome?.units, subject));
        const byCase: { one: ResourceState; outcome: CallOutcome | undefined }[] = [];
        const followed = before.cases
          ? this.perCase(
              before,
              (one) => {
                const applied = this.applyCall(effect, unit, resource, one, env);
                byCase.push({ one, outcome: applied.outcome });
                return applied.after;
              },
              changed,
            )
          : after && withCallerFacts(after, before.facts, changed);
        if (outcome) calls.set(node, byCase.length > 0 ? writesLostPerCase(outcome, byCase) : outcome);
        // It may define the constants some project file defines, and those this unit tests
        // itself (`@include 'local/config.php'; if (!defined('INSTALLED')) …`: what the include
        // is there for); not one only a test suite's bootstrap defines.
        const perCase = unknownFile
          ? followed && forgetConstants(followed, (subject) => this.constants.definableByInclude(subject) || (unit.constantTests?.includes(subject) ?? false))
          : followed;
        const settings = outcome?.settings;
        if (!perCase || !settings || settings.length === 0) return perCase;
        return applyFacts(perCase, { kind: 'fact', forget: settings.map((fact) => fact.subject), set: settings, span: effect.span });
      }
      if (effect.kind === 'call-result') {
        const call = cfg.nodes[effect.callNode]?.effect;
        const callBefore = stateAt(effect.callNode);
        if (call?.kind !== 'call' || !callBefore) return before;
        const results: ResourceState[] = [];
        const byCall = changedByCall(
          call.target.type === 'include' ? this.includeChanges(call, unit) : false,
          () => this.propertiesChanged(calls.get(effect.callNode)?.units),
          false,
          () => this.sessionTouched(calls.get(effect.callNode)?.units),
        );
        const changed = (subject: string): boolean => byCall(subject) || (subject.startsWith('const:') && this.definedThrough(calls.get(effect.callNode)?.units, subject));
        for (const one of casesOf(callBefore)) {
          const result = this.applyCallResult(call, unit, resource, one, effect.truthy, env);
          if (result === CANNOT_TELL) return before;
          // A path on which the call cannot return this value does not take the branch.
          if (result) results.push(withCallerFacts(result, one.facts, changed));
        }
        // The branch on the call's result is not why the session may be open: keep the reason it had.
        return keepWhyMaybe(joinStates(results), [before]);
      }
      const after = mapCases(before, (one) => transferEffect(effect, resource, one, this.openStep(effect)));
      // A write may set or unset any key; a start reloads `$_SESSION`: facts about keys go.
      const rewritesSession = (effect.kind === 'write' || effect.kind === 'use' || effect.kind === 'open') && effect.resource === resource;
      // A write of one literal key sets that key only (what an emptied session still lacks).
      const writtenKey = effect.kind === 'write' && !effect.clearsAll && !effect.removes ? effect.key : undefined;
      return rewritesSession && after ? forgetSessionKeys(after, effect.span, writtenKey) : after;
    }, onCut);
    const observations: Observation[] = [];
    for (const node of cfg.nodes) {
      const before = states[node.id];
      if (!node.effect || !before) continue;
      const call = calls.get(node.id);
      observations.push(call ? { node: node.id, effect: node.effect, before, call } : { node: node.id, effect: node.effect, before });
    }
    return {
      unit,
      resource,
      states,
      observations,
      exit: states[cfg.exit],
      terminate: states[cfg.terminate],
      throwExit: states[cfg.throwExit],
    };
  }

  /**
   * The properties a call may change: those its units and, transitively, the project code they
   * call assign (`Unit.assignsProperties`). A call that resolves to no project code may change
   * any but the classes' own private and protected statics (`unknown-code`: it is not known
   * what runs, but only the class's code, or a subclass's, writes those, and a call the analysis cannot resolve is not taken to run
   * it, as it is not taken to do slow work); inside a callee, a call that resolves to nothing
   * is taken to change nothing.
   */
  private propertiesChanged(units: readonly Unit[] | undefined): ReadonlySet<string> | 'any' | 'unknown-code' {
    if (!units || units.length === 0) return 'unknown-code';
    // Asked at every call a path with facts goes through, and a callee's transitive set can
    // hold thousands of properties (MediaWiki): one unit's set is used as it is, and the union
    // of several is built once per list of units, not copied at each call (issue 12).
    if (units.length === 1) return this.assignedTransitively(units[0]!);
    const key = units.map((unit) => `${unit.span.file}#${unit.id}`).join('|');
    let changed = this.propertiesChangedByList.get(key);
    if (changed === undefined) {
      changed = unionOfAssigned(units, (unit) => this.assignedTransitively(unit));
      this.propertiesChangedByList.set(key, changed);
    }
    return changed;
  }

  /** `propertiesChanged` of calls that may run several units, per list of units. */
  private readonly propertiesChangedByList = new Map<string, ReadonlySet<string> | 'any'>();

  /** Whether the units of a call, or what they call, write, start or use the session (a call that resolves to nothing: no). */
  private sessionTouched(units: readonly Unit[] | undefined): boolean {
    return (units ?? []).some((unit) => {
      const found = this.sessionTouches.of(unit);
      return found === 'any' || found.size > 0;
    });
  }

  /**
   * How a callee is entered where the session is closed: `released` where the caller closed it
   * keeping the id (`session_write_close()`) and the callee, or what it may run, tests for an id
   * (`session_id() !== ''`, `defined('SID')`: a reopen-if-closed guard), so that guard reopens;
   * otherwise `closed` (the summary callees that test no id share with every other caller).
   */
  private closedEntry(unit: Unit, before: ResourceState): 'closed' | 'released' {
    if (!before.released || before.idCleared) return 'closed';
    const found = this.idTests.of(unit);
    return found === 'any' || found.size > 0 ? 'released' : 'closed';
  }

  /**
   * Whether a callee entered closed, whose exit (`closedExit`) has closes of its own, closes
   * only a session it opened itself: entered with the session open, it leaves it open on every
   * path (a helper that reopens only a closed session and closes only what it reopened:
   * `if (session_status() === PHP_SESSION_NONE) { session_start(); $reopened = true; } …
   * if ($reopened) session_write_close();`). Its close then puts back the state the caller had
   * before the call: closed by the caller's own close (which a lost write names), or never
   * started (a write there has no session to lose). A callee that closes what it was given
   * open (`session_start(); …; session_write_close();` with no guard) is a close of the caller's session.
   */
  private closesOnlyWhatItOpened(unit: Unit, resource: ResourceId, closedExit: ResourceState, env: Env): boolean {
    const ownCloses = casesOf(closedExit).filter((one) => one.closed && (ownCloseSteps(one.closedBy)?.length ?? 0) > 0);
    // `session_destroy()` on a reopened session deletes what the caller's close had saved: not a restore.
    if (ownCloses.length === 0 || ownCloses.some((one) => one.idCleared)) return false;
    const openExit = this.summary(unit, resource, 'open', env)?.exit;
    return openExit !== undefined && !openExit.closed;
  }

  /** `id` for a unit that, or project code it may run, tests whether the session has an id. */
  private readonly idTests = new ReachableUnion<Unit, string>(
    (unit) => this.runnableFrom(unit),
    (unit) => (unit.cfg.nodes.some((node) => node.effect?.kind === 'assume' && (node.effect.state === 'started' || node.effect.state === 'ever-started')) ? ID_TEST : NONE),
  );

  /** `session` for a unit that, or whose callees, write, start or use the session. */
  private readonly sessionTouches = new ReachableUnion<Unit, string>(
    (unit) => this.calleesOf(unit),
    (unit) =>
      new Set(unit.cfg.nodes.some((node) => node.effect?.kind === 'write' || node.effect?.kind === 'use' || node.effect?.kind === 'open') ? ['session'] : []),
  );

  /**
   * Whether the unit, or any project code it may run (its calls, its includes, and the
   * callables it passes to them), opens, closes, writes or uses a resource. A unit
   * for which this is false keeps every resource as it found it: entered closed, its flow has
   * nothing a rule reports, so the rules need not analyse it on its own (`analyseEveryUnit`
   * off). Its flow is still computed where something needs it (the facts at a place that
   * runs another unit, a caller's summary).
   */
  mayTouchResources(unit: Unit): boolean {
    const found = this.resourceTouches.of(unit);
    return found === 'any' || found.size > 0;
  }

  private readonly resourceTouches = new ReachableUnion<Unit, string>(
    (unit) => this.runnableFrom(unit),
    (unit) => (unit.cfg.nodes.some((node) => node.effect !== undefined && RESOURCE_EFFECTS.has(node.effect.kind)) ? TOUCHES : NONE),
  );

  /**
   * Whether the unit, or project code its calls and includes may run, makes a call with several
   * candidates (`isDispatchTarget`): only such units can hand a held lock to candidates.
   */
  mayDispatch(unit: Unit): boolean {
    const found = this.dispatchReach.of(unit);
    return found === 'any' || found.size > 0;
  }

  private readonly dispatchReach = new ReachableUnion<Unit, string>(
    (unit) => this.calleesOf(unit),
    (unit) =>
      unit.cfg.nodes.some((node) => node.effect?.kind === 'call' && isDispatchTarget(node.effect.target) && this.resolver.resolve(node.effect.target, unit, node.effect.span).length > 1)
        ? TOUCHES
        : NONE,
  );

  /** The units a unit's calls and includes may run, with the callables it passes to them. */
  private runnableFrom(unit: Unit): Unit[] {
    const runs = new Set<Unit>(this.calleesOf(unit));
    for (const node of unit.cfg.nodes) {
      const effect = node.effect;
      if (effect?.kind !== 'call') continue;
      for (const callable of effect.callables ?? []) {
        if (callable.target.type === 'parameter') continue;
        for (const callee of this.resolver.resolve(callable.target, unit, effect.span)) runs.add(callee);
      }
    }
    return [...runs];
  }

  /**
   * The project units each unit's calls (not its callbacks' parameters) may run, asked once
   * per unit: the searches below walk the call graph through it.
   */
  private readonly calleesCache = new Map<Unit, readonly Unit[]>();

  private calleesOf(unit: Unit): readonly Unit[] {
    let known = this.calleesCache.get(unit);
    if (!known) {
      const callees = new Set<Unit>();
      for (const node of unit.cfg.nodes) {
        const effect = node.effect;
        if (effect?.kind !== 'call' || effect.target.type === 'parameter') continue;
        for (const callee of this.resolver.resolve(effect.target, unit, effect.span)) callees.add(callee);
      }
      known = [...callees];
      this.calleesCache.set(unit, known);
    }
    return known;
  }

  /** The top levels a unit's includes may run, asked once per unit. */
  private includedBy(unit: Unit): readonly Unit[] {
    const included = new Set<Unit>();
    for (const node of unit.cfg.nodes) {
      const effect = node.effect;
      if (effect?.kind !== 'call' || effect.target.type !== 'include') continue;
      for (const script of this.resolver.resolve(effect.target, unit, effect.span)) included.add(script);
    }
    return [...included];
  }

  /**
   * The session-deciding constants tested by a unit, the files it includes and every unit it
   * reaches through resolved calls: a page calls `getID()`, which calls `send_redirect()`, which
   * closes and exits unless `defined('UNIT_TESTING')`; the request-start fact about that
   * constant must reach it through `getID()`, which tests nothing itself.
   */
  private readonly constantsTested = new ReachableUnion<Unit, string>(
    (unit) => this.calleesOf(unit),
    (unit) => this.constants.testedBelow(unit),
  );

  /**
   * The properties a unit and, transitively, the project code it calls assign
   * (`Unit.assignsProperties`); `'any'` when one of them may assign any.
   */
  private readonly assigned = new ReachableUnion<Unit, string>(
    (unit) => this.calleesOf(unit),
    (unit) => (unit.assignsProperties === 'any' ? 'any' : new Set(unit.assignsProperties ?? [])),
  );

  /**
   * The local variables an included file may change: those it and the files it includes
   * (transitively) mention, or any (a file not known, or one that uses `$$name`/`extract()`).
   */
  private readonly scriptChanges = new ReachableUnion<Unit, string>(
    (unit) => this.includedBy(unit),
    (unit) => (unit.scriptVariables ? new Set(unit.scriptVariables) : 'any'),
  );

  /**
   * How much the engine's searches over includes and calls have explored: each unit is
   * expanded at most once per search kind, so this stays under four times the number of
   * units whatever the include and call graphs look like (a test holds it to that; the search
   * for session writes runs only after a fact about a session key, so three there).
   */
  get searchWork(): number {
    return this.constantsTested.expanded + this.assigned.expanded + this.scriptChanges.expanded + this.sessionTouches.expanded;
  }

  /**
   * The constants a unit and the project code it runs (calls, includes) define: `define()`
   * facts (`FactEffect.constants`, not those a `defined()` test records: `constantsDefinedBy`).
   */
  private readonly constantsDefined = new ReachableUnion<Unit, string>(
    (unit) => this.calleesOf(unit),
    (unit) => {
      const defined = new Set<string>();
      for (const node of unit.cfg.nodes) if (node.effect?.kind === 'fact') for (const subject of constantsDefinedBy(node.effect)) defined.add(subject);
      return defined;
    },
  );

  private definedThrough(units: readonly Unit[] | undefined, subject: string): boolean {
    return (units ?? []).some((unit) => {
      const defined = this.constantsDefined.of(unit);
      return defined === 'any' || defined.has(subject);
    });
  }

  private constantsTestedThrough(root: Unit): ReadonlySet<string> {
    const tested = this.constantsTested.of(root);
    // testedBelow never answers 'any'.
    return tested === 'any' ? new Set() : tested;
  }

  private assignedTransitively(root: Unit): ReadonlySet<string> | 'any' {
    return this.assigned.of(root);
  }

  /** Applies a call to each case of the caller's state, each keeping its own facts, and joins the results. */
  private perCase(state: ResourceState, apply: (one: ResourceState) => ResourceState | undefined, changed: (subject: string) => boolean): ResourceState | undefined {
    const results: ResourceState[] = [];
    for (const one of casesOf(state)) {
      const after = apply(one);
      if (after) results.push(withCallerFacts(after, one.facts, changed));
    }
    return keepWhyMaybe(joinStates(results), [state]);
  }

  private cut(unit: Unit, reason: string): void {
    const key = `${unit.span.file}#${unit.id}#${reason}`;
    if (this.cutKeys.has(key)) return;
    this.cutKeys.add(key);
    this.cuts.push({ unit, reason });
  }

  private openStep(effect: Effect): Step | undefined {
    if (effect.kind !== 'open') return undefined;
    return { span: effect.span, label: effect.label ?? `session opened here by \`${effect.api}\`` };
  }

  /** How many sets of entry facts each unit has been summarised for, per the rest of its entry. */
  private readonly factSets = new Map<string, number>();

  /** The fact-set counter's key: one unit entered one way (`entryKey`), whatever its facts. */
  private factSetKey(unit: Unit, entryKey: string): string {
    return `${unit.span.file}#${unit.id}#${entryKey}`;
  }

  private factSetsOf(unit: Unit, entryKey: string): number {
    return this.factSets.get(this.factSetKey(unit, entryKey)) ?? 0;
  }

  private summariesOf(unit: Unit): Map<string, KeptSummary | 'in-progress'> {
    let known = this.summariesByUnit.get(unit);
    if (!known) {
      const id = `${unit.span.file}#${unit.id}`;
      known = this.summaries.get(id) ?? new Map<string, KeptSummary | 'in-progress'>();
      this.summaries.set(id, known);
      this.summariesByUnit.set(unit, known);
    }
    return known;
  }

  /**
   * The slots whose bindings a unit may read (`callable-slots.ts`): through what a call may run,
   * as `calleeTargets` and `overrideMayReturn` see it (the overrides of a virtual call too).
   */
  private readonly slotsRead = new SlotsRead(
    (effect, from) => [
      ...this.resolver.resolve(effect.target, from, effect.span),
      ...(effect.target.type === 'method' && effect.target.virtual ? (this.resolver.overridesOf?.(effect.target.className, effect.target.method) ?? []) : []),
    ],
    (target, from, effect) => this.resolver.resolve(target, from, effect.span),
  );

  /** The environment without the bindings of parameters the unit never runs as callables. */
  private withBindingsRead(unit: Unit, env: Env): Env {
    if (env.bindings.size === 0) return env;
    const read = this.slotsRead.of(unit);
    if ([...env.bindings.keys()].every((slot) => read.has(slot))) return env;
    const kept = new Map([...env.bindings].filter(([slot]) => read.has(slot)));
    return { ...env, bindings: kept.size > 0 ? kept : NO_BINDINGS };
  }

  /** Per unit, the arguments keys it was entered with past `MAX_ENTRIES_PER_UNIT` (`MAX_ARGUMENT_ENTRIES_PAST_CAP` at most). */
  private readonly argumentsPastCap = new Map<Unit, Set<string>>();

  private summary(unit: Unit, resource: ResourceId, entry: Entry, calledWith: Env, pastCap = false): Summary | undefined {
    const summaries = this.summariesOf(unit);
    const env = this.withBindingsRead(unit, calledWith);
    // Facts about class statics whose tests decide nothing here are not part of the key: the
    // summary is computed without them, and its exit cases that contradict them are dropped
    // (`deciding-statics.ts`).
    const dropped = this.staticsDecidingNothing(unit, env);
    if (dropped) {
      const { settings: _all, ...rest } = env;
      const known = this.summary(unit, resource, entry, dropped.kept.length > 0 ? { ...rest, settings: dropped.kept } : rest, pastCap);
      return known && (dropped.unassigned.length > 0 ? this.withCallerStatics(known, dropped.unassigned) : known);
    }
    // Facts about subjects nothing the unit may run reads are carried, not part of the key
    // (`summary-keys.ts`). Callables bound by the caller may run code the unit does not reach
    // by itself: then every fact is read.
    const reads = env.settings && env.settings.length > 0 && env.bindings.size === 0 && env.outer.length === 0 ? this.subjectsReadThrough(unit) : undefined;
    const facts = entryFacts(env.settings, reads && ((subject) => reads.has(subject)));
    const entryKey = `${resource}#${entry}#${bindingKey(env.bindings)}#${env.outer.length > 0 ? JSON.stringify(env.outer) : ''}#${omittedKey(unit, env.omittedFrom, env.literals)}#${passedOnKey(unit, env)}#${loadedKey(env.loaded)}`;
    const key = `${entryKey}#${facts.key}`;
    const known = summaries.get(key);
    if (known === 'in-progress') return undefined;
    if (known) return withCarried(known, facts.carried);
    if (!pastCap && !isPlainEntry(env) && summaries.size >= MAX_ENTRIES_PER_UNIT) {
      this.cut(
        unit,
        `it is entered in more than ${MAX_ENTRIES_PER_UNIT} different ways (callables passed to it, literal arguments, included files, facts), and calls past that were analysed knowing only the arguments they leave out or write as literals; findings in the code that reaches it may be missing`,
      );
      // Past the bound a call still says which arguments it leaves out and which it writes as
      // literals (vendure's `getEntityOrThrow(ctx, T, id)`: no options, so no `retries`):
      // what decides the callee's own branches. Entered with those alone, for a bounded
      // number of different argument keys (each summarised per resource, as a plain entry
      // is); past those, plainly.
      const argumentsOnly: Env = { bindings: NO_BINDINGS, outer: NO_FRAMES, ...(env.omittedFrom !== undefined ? { omittedFrom: env.omittedFrom } : {}), ...(env.literals ? { literals: env.literals } : {}) };
      if (isPlainEntry(argumentsOnly)) return this.summary(unit, resource, entry, PLAIN_ENTRY);
      const argumentsKey = `${omittedKey(unit, argumentsOnly.omittedFrom, argumentsOnly.literals)}#${passedOnKey(unit, argumentsOnly)}`;
      const seen = this.argumentsPastCap.get(unit) ?? new Set<string>();
      this.argumentsPastCap.set(unit, seen);
      if (!seen.has(argumentsKey) && seen.size >= MAX_ARGUMENT_ENTRIES_PAST_CAP) return this.summary(unit, resource, entry, PLAIN_ENTRY);
      seen.add(argumentsKey);
      return this.summary(unit, resource, entry, argumentsOnly, true);
    }
    const factSets = facts.key === '' ? 0 : this.factSetsOf(unit, entryKey);
    if (factSets >= MAX_FACT_SETS_PER_UNIT) {
      this.cut(
        unit,
        `it is called with more than ${MAX_FACT_SETS_PER_UNIT} different sets of facts about settings, constants and static properties, and calls past that were analysed knowing none of them; findings in the code that reaches it may be missing`,
      );
      return this.summary(unit, resource, entry, withoutFacts(env));
    }
    // A chain of helpers deeper than this is cut (the deeper call is taken to change nothing),
    // so a generated chain of thousands of functions cannot overflow the stack.
    if (this.depth >= MAX_SUMMARY_DEPTH) {
      this.cut(
        unit,
        `it is reached through more than ${MAX_SUMMARY_DEPTH} nested helper calls, and calls to it at that depth were taken to change nothing; findings in the code that reaches it may be missing`,
      );
      return undefined;
    }
    if (facts.key !== '') this.factSets.set(this.factSetKey(unit, entryKey), factSets + 1);
    summaries.set(key, 'in-progress');
    this.summaryRuns++;
    this.depth++;
    let flow: UnitFlow;
    try {
      flow = this.run(unit, resource, entry === 'closed' ? CLOSED : entry === 'released' ? RELEASED_AT_ENTRY : OPEN_AT_ENTRY, env);
    } finally {
      this.depth--;
    }
    const allHeld = heldOperations(flow);
    // One-time initialisation that outlives the call (`self::$instance = new Api()`) may have
    // run earlier in the request: a caller cannot know it runs now, so it is not lent to it.
    const held = allHeld.filter((op) => op.sites.some((site) => site.entry) && !unit.cfg.nodes[op.node]?.once?.perRequest);
    // A callback run under the callee's own lock: the caller wrote the slow code. Only a
    // callback the caller bound to this call counts: a closure of this unit (or of a unit it
    // calls) run by a helper under the helper's lock is this unit's own business, reported
    // here, not again at every caller (`upsertSingleton()` → `updateOne()` →
    // `transaction(knex, async (trx) => …)`).
    // A callable the closure it ran forwarded through a captured call counts as well: the
    // caller bound it to this unit, which handed it on in a closure of its own.
    const bound = new Set([...env.bindings.values()].flat().map((target) => JSON.stringify(target)));
    // A file that refuses direct requests (`if (!defined('CC_INI_SET')) die();`) runs only in
    // its includers' requests: its analysis on its own ends at the guard (`asDirectRequest`), so
    // the slow work it does under a lock it takes itself (CubeCart's shop controller starts the
    // session, then runs the page) is reported through the includers, with its own sites.
    const onlyIncluded = this.constants.directRequestGuards(unit).length > 0;
    const ownLock = allHeld
      .filter((op) => (onlyIncluded || op.occurrence.viaCallback) && !op.sites.some((site) => site.entry))
      .filter((op) =>
        onlyIncluded ||
        [op.occurrence.callback, ...(op.occurrence.capturedFrom ?? [])].some((target) => target !== undefined && bound.has(JSON.stringify(target))),
      )
      .map((op) => ({ ...op.occurrence, sites: op.sites }));
    const releases: Step[][] = [];
    const writesUnderLock: Step[][] = [];
    const writesWhileClosed: Step[][] = [];
    let sometimes = true;
    const flushes: Step[][] = [];
    const opens: Step[][] = [];
    const dispatches: DispatchUnderLock[] = [];
    // A setting changed after output is refused by PHP, though the facts record it: a unit
    // that may do that is not trusted to start the session without headers.
    const changesSettingsAfterOutput =
      flow.observations.some((o) => o.effect.kind === 'setting') &&
      flow.observations.some((o) => (o.effect.kind === 'output' && o.effect.flush) || (o.effect.kind === 'slow' && o.effect.slowKind === 'download') || (o.call?.flushes.length ?? 0) > 0);
    // Output sent only on paths that end the script (`flush(); exit;` in a redirect helper, or
    // a call that cannot return from there: `print_footer(true)` over `if ($and_exit) exit(0);`)
    // is not output before anything the caller runs next.
    const returning = nodesThatContinue(flow, false);
    for (const observation of flow.observations) {
      const { effect, before, call } = observation;
      const flushesHere = returning.has(observation.node);
      // One-time initialisation that outlives the call (`if (isset($GLOBALS['db'])) return …;`
      // then the connection): a caller cannot know it runs now, so its writes are not lent to
      // a caller that closed the session, as its slow work is not lent to one that holds it.
      const oncePerRequest = unit.cfg.nodes[observation.node]?.once?.perRequest === true;
      const underEntryLock = before.open.some((site) => site.entry);
      // Closed here only because it was closed when the unit was entered.
      const closedFromEntry = closedSinceEntry(before);
      if (effect.kind === 'close' && effect.resource === resource && underEntryLock) {
        releases.push([{ span: effect.span, label: effect.label ?? `released here by \`${effect.api}\`` }]);
      }
      if ((effect.kind === 'write' || effect.kind === 'use') && effect.resource === resource) {
        const label = effect.kind === 'use' ? `\`${effect.api}\` changes the session here` : 'writes the session here';
        const setting = unit.cfg.nodes[observation.node]!.setting;
        const step: Step = { span: effect.span, label, ...(setting ? { setting } : {}) };
        if (underEntryLock) writesUnderLock.push([step]);
        // `$_SESSION = []` with the session closed forgets the in-memory copy on purpose,
        // `$_SESSION = $saved` puts back a copy (as the rule treats them in the caller itself),
        // and a key set for this request only is put back too (both writes closed since entry):
        // not changes meant to be saved.
        const clears = effect.kind === 'write' && (effect.clearsAll === true || effect.restoresCopy === true || effect.temporary === true);
        if (closedFromEntry && !clears && !oncePerRequest) {
          writesWhileClosed.push([step]);
          if (before.open.length === 0) sometimes = false;
        }
      }
      // A start with the session cookie and the cache limiter off sends no header: it works
      // after output, so callers that flushed are not told about it (domain.md §5.3).
      if (effect.kind === 'open' && effect.resource === resource && before.closed && (changesSettingsAfterOutput || !startsWithoutHeaders(before))) {
        opens.push([{ span: effect.span, label: `\`${effect.api}\` starts the session here` }]);
      }
      if (effect.kind === 'output' && effect.flush && flushesHere) {
        flushes.push([{ span: effect.span, label: `\`${effect.callee}\` may send output here` }]);
      }
      if (effect.kind === 'slow' && effect.slowKind === 'download' && flushesHere) {
        flushes.push([{ span: effect.span, label: `\`${effect.callee}\` sends output here` }]);
      }
      if (call) {
        if (underEntryLock) {
          releases.push(...call.releases.map((chain) => [...chain]));
          writesUnderLock.push(...call.writesUnderLock.map((chain) => [...chain]));
          if (effect.kind === 'call') dispatches.push(...dispatchesAt(effect, before, call));
        }
        if (closedFromEntry && call.writesWhileClosed.length > 0 && !oncePerRequest) {
          // A call behind a setting shipped off carries it on its step (unless a test nearer the write already does).
          const setting = unit.cfg.nodes[observation.node]!.setting;
          writesWhileClosed.push(...call.writesWhileClosed.map((chain) => (setting && chain[0] && !chain.some((s) => s.setting) ? [{ ...chain[0], setting }, ...chain.slice(1)] : [...chain])));
          if (before.open.length === 0 && !call.writesWhileClosedSometimes) sometimes = false;
        }
        if (flushesHere) flushes.push(...call.flushes.map((chain) => [...chain]));
        if (before.closed) opens.push(...call.opens.map((chain) => [...chain]));
      }
    }
    const cap = <T>(items: T[]): T[] => items.slice(0, MAX_OCCURRENCES);
    const boolean = unit.cfg.booleanExits;
    const summary: Summary = {
      exit: this.keptForTheRequest.has(resource) ? firstRunExit(flow.exit) : flow.exit,
      ...(boolean ? { exitWhen: { true: flow.states[boolean.whenTrue], false: flow.states[boolean.whenFalse] } } : {}),
      slowUnderLock: capByKind(held.map((op) => op.occurrence)),
      slowUnderOwnLock: capByKind(ownLock),
      releases: cap(releases),
      writesUnderLock: cap(writesUnderLock),
      writesWhileClosed: capByWrite(writesWhileClosed),
      ...(writesWhileClosed.length > 0 && sometimes ? { writesWhileClosedSometimes: true } : {}),
      flushes: cap(flushes),
      opens: cap(opens),
      ...(dispatches.length > 0 ? { dispatches: dispatches.slice(0, MAX_DISPATCHES) } : {}),
      ...this.globalFactsOf(flow.exit),
    };
    summaries.set(key, { summary, carried: facts.carried });
    return summary;
  }

  private applyCall(
    effect: CallEffect,
    from: Unit,
    resource: ResourceId,
    before: ResourceState,
    env: Env,
  ): { after: ResourceState | undefined; outcome?: CallOutcome } {
    const targeted = this.calleeTargets(effect, from, env);
    // One function declared in several files the caller may see, or the implementations of an
    // interface's method: the call runs one of them, and which is not known, so only what they
    // all do counts (a state they disagree on stays as before, as after an unknown call).
    // Declarations of one function in one file are alternatives the file chose between (`if
    // (EXTERNAL_USERS) { function f() {…} } else { function f() {…} }`: PHP cannot declare it
    // twice): one of them runs, each a real possibility, so the call joins them like a branch.
    if ((effect.target.type === 'function' || effect.target.type === 'method') && targeted.length > 1 && !declaredInOneFile(effect, targeted)) {
      const parts = targeted.map((one) => this.applyTargets(effect, from, resource, before, env, [one]));
      return meetAlternatives(before, parts);
    }
    return this.applyTargets(effect, from, resource, before, env, targeted);
  }

  /** The state after a call that may run any of `targeted` (a pattern include: every match). */
  private applyTargets(
    effect: CallEffect,
    from: Unit,
    resource: ResourceId,
    before: ResourceState,
    env: Env,
    targeted: readonly { unit: Unit; target: CallTarget }[],
  ): { after: ResourceState | undefined; outcome?: CallOutcome } {
    const viaCallback = effect.target.type === 'parameter';
    const units = targeted.map(({ unit }) => unit);
    if (units.length === 0) return { after: before };
    const calleeBindings = bindCallables(effect, env, from);
    const callStep = callStepOf(effect, units);
    const results: ResourceState[] = [];
    const slowUnderLock: SlowOccurrence[] = [];
    const slowUnderOwnLock: SlowOccurrence[] = [];
    const releases: Step[][] = [];
    const writesUnderLock: Step[][] = [];
    const writesWhileClosed: Step[][] = [];
    let writesSometimes = true;
    const flushes: Step[][] = [];
    const opens: Step[][] = [];
    /** The settings each summary used leaves changed; the call leaves those they all agree on. */
    const settingSets: (readonly PredicateValue[])[] = [];
    const viaCall = (chains: readonly (readonly Step[])[]): Step[][] => chains.map((chain) => [callStep, ...chain]);
    // Candidates of which one runs (`new $class()` over included files, the implementations of
    // an interface): only slow work that every one of them does counts; the state after the
    // call is the join, as for any call.
    const alternatives = isDispatchTarget(effect.target) && units.length > 1;
    const dispatches: DispatchUnderLock[] = [];
    let withoutSlowWork = false;
    /** The candidate each entry of `slowUnderLock` came from. */
    const slowFrom: Unit[] = [];
    for (const { unit, target } of targeted) {
      const calleeEnv: Env = this.withLoaded(this.globalFactsFor(withOmitted({ bindings: calleeBindings, outer: framesOf(target) }, effect, env), before, unit), env, from, unit);
      if (before.closed) {
        const summary = this.summary(unit, resource, this.closedEntry(unit, before), calleeEnv);
        if (!summary) {
          results.push(closedPart(before));
        } else {
          if (summary.exit) {
            const transparent = this.closesOnlyWhatItOpened(unit, resource, summary.exit, calleeEnv);
            results.push(...rerootCases(summary.exit, callStep, before, this.closeStep(effect), transparent));
          }
          for (const occurrence of summary.slowUnderOwnLock) {
            const sites = (occurrence.sites ?? []).map((site) => siteFromChain([callStep, ...site.chain]));
            slowUnderOwnLock.push({ ...occurrence, chain: [callStep, ...occurrence.chain], sites });
          }
          writesWhileClosed.push(...viaCall(summary.writesWhileClosed));
          if (summary.writesWhileClosed.length > 0 && !summary.writesWhileClosedSometimes) writesSometimes = false;
          flushes.push(...viaCall(summary.flushes));
          opens.push(...viaCall(summary.opens));
          settingSets.push(summary.settings ?? []);
        }
      }
      if (before.open.length > 0) {
        const summary = this.summary(unit, resource, 'open', calleeEnv);
        if (!summary) {
          results.push(withOptional({ closed: false, open: before.open }, before.via, undefined));
        } else {
          if (summary.exit) results.push(...rerootCases(summary.exit, callStep, before, this.closeStep(effect)));
          // An `async` callee whose promise the caller drops runs its work after the caller
          // has moved on: the caller's resource is not held for it.
          const awaitedByCaller = !(effect.floating && unit.async);
          if (summary.slowUnderLock.length === 0 || !awaitedByCaller) withoutSlowWork = true;
          // A shared utility's own time-limit sign is no sign of this request's.
          const signless = summary.slowUnderLock.some(ownLongRunSign) && this.sharedUtility(unit) && doesOtherWork(unit, this.resolver);
          for (const found of awaitedByCaller ? summary.slowUnderLock : []) {
            if (signless && ownLongRunSign(found)) continue;
            // A path the callee got as a parameter is what this call passes.
            // So is a command line: a call that writes it names its programs.
            const occurrence = viaCallback ? found : withCommandArgument(withPathArgument(found, effect), effect);
            if (!occurrence) continue;
            // Run through a parameter: the slow work is the callable bound to it (`target`).
            slowUnderLock.push({
              ...occurrence,
              chain: [callStep, ...occurrence.chain],
              ...(viaCallback ? { ...callbackFields(target, occurrence), callbackCall: occurrence.callbackCall ?? callStep } : {}),
            });
            slowFrom.push(unit);
          }
          releases.push(...viaCall(summary.releases));
          writesUnderLock.push(...viaCall(summary.writesUnderLock));
          // A candidate's own dispatches are found when it is entered as a candidate itself.
          if (!alternatives) for (const dispatch of summary.dispatches ?? []) dispatches.push({ ...dispatch, chain: [callStep, ...dispatch.chain] });
          flushes.push(...viaCall(summary.flushes));
          settingSets.push(summary.settings ?? []);
        }
      }
    }
    if (alternatives && withoutSlowWork) {
      // The implementations of a TypeScript interface: the one configured runs, and the
      // analysis does not follow configuration; what the slow ones do is said as a condition.
      const configured =
        effect.target.type === 'implementations' || effect.target.type === 'configured'
          ? slowUnderLock.map((occurrence, index) => (occurrence.configured ? occurrence : { ...occurrence, configured: { implementation: implementationName(effect.target, slowFrom[index]!), of: new Set(units).size } }))
          : [];
      slowUnderLock.length = 0;
      slowUnderLock.push(...configured);
    }
    if (effect.outputCaptured) {
      // The caller captures the callee's output in a buffer it keeps or drops: nothing the
      // callee prints or streams reaches the client.
      flushes.length = 0;
      const kept = slowUnderLock.filter((occurrence) => occurrence.kind !== 'download');
      slowUnderLock.length = 0;
      slowUnderLock.push(...kept);
    }
    // The parts joined here all carry the caller's last branch (`via`), which is not why the
    // session may be open after the call: the reason is set below, from the call or from before it.
    let after = joinStates(results);
    if (after && after.open.length > 0 && after.closed && !before.closed) {
      const line = this.lineOf(from, effect.span.start);
      after = withReason(after, `\`${effect.display}\` leaves it open (line ${line})`);
    } else if (after && after.open.length > 0 && after.closed && before.open.length === 0) {
      const line = this.lineOf(from, effect.span.start);
      after = withReason(after, `\`${effect.display}\` opens it (line ${line})`);
    } else if (after && after.open.length > 0 && after.closed && before.open.length > 0 && before.closed) {
      // Maybe open before and after: what kept it open before still does (a call must not make
      // the finding forget its condition, even when the callee may also open it on the paths
      // where it was closed). With no reason before, a callee that opens it is one.
      const own = after.open.some((site) => !before.open.some((s) => s.key === site.key));
      if (before.whyMaybe !== undefined) after = withReason(after, before.whyMaybe);
      else if (own) after = withReason(after, `\`${effect.display}\` opens it (line ${this.lineOf(from, effect.span.start)})`);
    }
    const cap = <T>(items: T[]): T[] => items.slice(0, MAX_OCCURRENCES);
    const outcome: CallOutcome = {
      units,
      ...(after === undefined ? { neverReturns: true as const } : {}),
      slowUnderLock: capByKind(slowUnderLock),
      slowUnderOwnLock: capByKind(slowUnderOwnLock),
      releases: cap(releases),
      writesUnderLock: cap(writesUnderLock),
      writesWhileClosed: capByWrite(writesWhileClosed),
      ...(writesWhileClosed.length > 0 && writesSometimes ? { writesWhileClosedSometimes: true } : {}),
      flushes: cap(flushes),
      opens: cap(opens),
      ...(dispatches.length > 0 ? { dispatches: dispatches.slice(0, MAX_DISPATCHES) } : {}),
      ...sharedSettings(settingSets),
    };
    return { after, outcome };
  }

  /**
   * The state after a call on the branch where it returned truthy (or falsy): each callee
   * contributes its matching exit (undefined: it cannot return that value from this state).
   * `CANNOT_TELL` when some callee cannot tell (the caller keeps the plain state after the call).
   */
  private applyCallResult(
    effect: CallEffect,
    from: Unit,
    resource: ResourceId,
    before: ResourceState,
    truthy: boolean,
    env: Env,
  ): ResourceState | undefined | typeof CANNOT_TELL {
    if (effect.target.type === 'parameter') return CANNOT_TELL;
    const targeted = this.calleeTargets(effect, from, env);
    const units = targeted.map(({ unit }) => unit);
    // Alternatives (one function declared in several files, an interface's implementations): the plain state after the call.
    if (units.length === 0 || ((effect.target.type === 'function' || effect.target.type === 'method') && units.length > 1)) return CANNOT_TELL;
    const calleeBindings = bindCallables(effect, env, from);
    if (this.overrideMayReturn(effect, units, resource, before, truthy, withOmitted({ bindings: calleeBindings, outer: framesOf(effect.target) }, effect, env))) return CANNOT_TELL;
    const callStep = callStepOf(effect, units);
    const results: ResourceState[] = [];
    for (const { unit, target } of targeted) {
      for (const entry of [before.closed ? this.closedEntry(unit, before) : undefined, before.open.length > 0 ? 'open' : undefined] as const) {
        if (!entry) continue;
        const calleeEnv = this.withLoaded(this.globalFactsFor(withOmitted({ bindings: calleeBindings, outer: framesOf(target) }, effect, env), before, unit), env, from, unit);
        const summary = this.summary(unit, resource, entry, calleeEnv);
        if (!summary?.exitWhen) return CANNOT_TELL;
        const exit = truthy ? summary.exitWhen.true : summary.exitWhen.false;
        const part = entry !== 'open' ? closedPart(before) : withOptional({ closed: false, open: before.open }, before.via, undefined);
        const transparent = entry !== 'open' && summary.exit !== undefined && this.closesOnlyWhatItOpened(unit, resource, summary.exit, calleeEnv);
        if (exit) results.push(...rerootCases(exit, callStep, part, this.closeStep(effect), transparent));
      }
    }
    // No way to return that value: this branch cannot be taken.
    return joinStates(results);
  }

  /**
   * Whether a virtual method call (`$page->isSlow()`) may run a subclass's override that can
   * return the value tested, or whose result cannot be told: then the declaration the call
   * resolves to does not decide the branch (`WebInstallerPage::isSlow()` returns false, but
   * the page built by name may be a `WebInstallerInstall`, whose `isSlow()` returns true).
   * A private method is never overridden; overrides that cannot return it either leave the
   * branch impossible.
   */
  private overrideMayReturn(effect: CallEffect, units: readonly Unit[], resource: ResourceId, before: ResourceState, truthy: boolean, env: Env): boolean {
    const target = effect.target;
    if (target.type !== 'method' || !target.virtual || units.every((unit) => unit.visibility === 'private')) return false;
    for (const unit of this.resolver.overridesOf?.(target.className, target.method) ?? []) {
      if (unit.generator) continue;
      for (const entry of [before.closed ? this.closedEntry(unit, before) : undefined, before.open.length > 0 ? 'open' : undefined] as const) {
        if (!entry) continue;
        const exitWhen = this.summary(unit, resource, entry, this.globalFactsFor(env, before, unit))?.exitWhen;
        if (!exitWhen || (truthy ? exitWhen.true : exitWhen.false)) return true;
      }
    }
    return false;
  }

  /**
   * The project units a call runs, with the target each was resolved from: `$callback()`
   * runs what the caller bound to that parameter (a captured one: what was bound to the
   * function around the closure); calling a generator function only creates the generator (its body runs as it
   * is iterated), so generators are left out.
   */
  private calleeTargets(effect: CallEffect, from: Unit, env: Env): { unit: Unit; target: CallTarget }[] {
    const targets =
      effect.target.type === 'parameter'
        ? boundTo(effect.target, env)
        : effect.capturing && effect.target.type === 'closure' && writtenIn(effect.target, from)
          ? [withFrames(effect.target, env)]
          : [effect.target];
    // A `require_once` does not run again a file already running further out.
    const loaded = isOnceInclude(effect) ? loadedWhereRunning(env.loaded, from) : undefined;
    return targets.flatMap((target) =>
      this.resolver
        .resolve(target, from, effect.span)
        .filter((unit) => !unit.generator && !loaded?.has(unit.span.file))
        .map((unit) => ({ unit, target })),
    );
  }

  /** The files each node of a unit has certainly included before it (`included-before.ts`). */
  private readonly includedBefore = new WeakMap<Unit, readonly ReadonlySet<string>[]>();

  /** `env` with the files `unit` has certainly included before `node` among those known loaded. */
  private withIncludedBefore(env: Env, unit: Unit, node: number): Env {
    const included = this.includedBeforeIn(unit)[node];
    if (!included || included.size === 0 || [...included].every((file) => env.loaded?.has(file))) return env;
    return { ...env, loaded: new Set([...(env.loaded ?? []), ...included]) };
  }

  /** Per node of `unit`, the files it has certainly included before it (`included-before.ts`). */
  private includedBeforeIn(unit: Unit): readonly ReadonlySet<string>[] {
    let perNode = this.includedBefore.get(unit);
    if (!perNode) {
      // Set first: an include cycle back to this unit sees only the file itself.
      this.includedBefore.set(unit, []);
      perNode = includedBeforeNodes(unit, (effect) => {
        const targets = this.resolver.resolve(effect.target, unit, effect.span);
        const files = new Set(targets.map((target) => target.span.file));
        if (files.size !== 1) return undefined;
        // The file, and what its top level certainly included by its normal end.
        const file = targets[0]!;
        return [file.span.file, ...(this.includedBeforeIn(file)[file.cfg.exit] ?? [])];
      });
      this.includedBefore.set(unit, perNode);
    }
    return perNode;
  }

  /** A `require_once`/`include_once` whose every file is already running further out: it does nothing. */
  private includedAlready(effect: CallEffect, from: Unit, env: Env): boolean {
    if (!isOnceInclude(effect)) return false;
    const files = this.resolver.resolve(effect.target, from, effect.span);
    const loaded = loadedWhereRunning(env.loaded, from);
    return files.length > 0 && files.every((unit) => loaded.has(unit.span.file));
  }

  /**
   * The callee's environment with the files known included where it runs (the caller's, and
   * the caller's own file), kept to those it may `_once`-include.
   */
  private withLoaded(calleeEnv: Env, env: Env, from: Unit, callee: Unit): Env {
    const once = this.onceIncluded.of(callee);
    if (once !== 'any' && once.size === 0) return calleeEnv;
    const loaded = loadedForCallee(loadedWhereRunning(env.loaded, from), once === 'any' ? new Set() : once);
    return loaded ? { ...calleeEnv, loaded } : calleeEnv;
  }

  /** The files a unit, or project code it runs, includes with `require_once`/`include_once`. */
  private readonly onceIncluded = new ReachableUnion<Unit, string>(
    (unit) => this.calleesOf(unit),
    (unit) => {
      const files = new Set<string>();
      for (const node of unit.cfg.nodes) {
        const effect = node.effect;
        if (effect?.kind !== 'call' || !isOnceInclude(effect)) continue;
        for (const script of this.resolver.resolve(effect.target, unit, effect.span)) files.add(script.span.file);
      }
      return files;
    },
  );

  /**
   * The local variables an include may change in the unit that runs it: those its files
   * (and the files they include) mention, or all of them (`true`) when a file may set any
   * variable. An include that reaches no file changes nothing, as an unresolved call does
   * nothing (precision first).
   */
  private includeChanges(effect: CallEffect, from: Unit): ReadonlySet<string> | true {
    const units = this.resolver.resolve(effect.target, from, effect.span);
    const changed = new Set<string>();
    for (const unit of units) {
      const own = this.scriptChanges.of(unit);
      if (own === 'any') return true;
      own.forEach((variable) => changed.add(variable));
    }
    return changed;
  }

  private closeStep(effect: CallEffect): Step {
    let step = closeSteps.get(effect);
    if (!step) closeSteps.set(effect, (step = { span: effect.span, label: `closed inside \`${effect.display}\`` }));
    return step;
  }
}

type CallApplied = { after: ResourceState | undefined; outcome?: CallOutcome };

/** The environment without its entry facts. */
/** An entry that knows nothing of its caller: no bindings, literals, included files or facts. */
/** The properties any of the units (or what they call) assign; `'any'` when one may assign any. */
function unionOfAssigned(units: readonly Unit[], assigned: (unit: Unit) => ReadonlySet<string> | 'any'): ReadonlySet<string> | 'any' {
  const changed = new Set<string>();
  for (const unit of units) {
    const own = assigned(unit);
    if (own === 'any') return 'any';
    for (const subject of own) changed.add(subject);
  }
  return changed;
}

const PLAIN_ENTRY: Env = { bindings: new Map(), outer: NO_FRAMES };

function isPlainEntry(env: Env): boolean {
  return env.bindings.size === 0 && env.outer.length === 0 && env.omittedFrom === undefined && env.literals === undefined && env.settings === undefined && env.loaded === undefined;
}

function withoutFacts(env: Env): Env {
  const { settings: _dropped, ...rest } = env;
  return rest;
}

/** The summary for the entry whose carried facts are `carried` (the kept one, or it with their values put in). */
function withCarried(kept: KeptSummary, carried: Facts): Summary {
  const values = changedValues(kept.carried, carried);
  if (!values) return kept.summary;
  const variant = factsKey(carried);
  const known = kept.variants?.get(variant);
  if (known) return known;
  const { summary } = kept;
  const made: Summary = {
    ...summary,
    exit: withCarriedValues(summary.exit, values),
    ...(summary.exitWhen ? { exitWhen: { true: withCarriedValues(summary.exitWhen.true, values), false: withCarriedValues(summary.exitWhen.false, values) } } : {}),
    ...(summary.settings ? { settings: withValues(summary.settings, values)! } : {}),
  };
  (kept.variants ??= new Map()).set(variant, made);
  return made;
}

/** `applyCallResult`'s answer when a callee's result cannot be told apart (not project code, several alternatives). */
const CANNOT_TELL = Symbol('cannot tell');

/**
 * The dispatches a call makes while the state before it holds the lock: the call itself when it
 * runs one of several candidates, and those its callee makes (chains from this call). Seen from
 * the unit the call is in; a maybe-open state before it says so.
 */
export function dispatchesAt(effect: CallEffect, before: ResourceState, call: CallOutcome): DispatchUnderLock[] {
  if (before.open.length === 0) return [];
  const here: DispatchUnderLock[] = isDispatchTarget(effect.target) && call.units.length > 1 ? [{ candidates: call.units, display: effect.display, chain: [dispatchStep(effect, call.units)] }] : [];
  const maybe = before.closed ? { maybe: before.whyMaybe !== undefined ? { why: before.whyMaybe } : {} } : {};
  return [...here, ...(call.dispatches ?? [])].map((dispatch) => ({ ...dispatch, ...(dispatch.maybe ? {} : maybe) }));
}

/** The subjects `keep` accepts among the facts a unit's own code sets (tests and writes). */
function factSubjectsOf(unit: Unit, keep: (subject: string) => boolean): Set<string> {
  const subjects = new Set<string>();
  for (const node of unit.cfg.nodes) {
    if (node.effect?.kind !== 'fact') continue;
    for (const fact of node.effect.set ?? []) if (keep(fact.subject)) subjects.add(fact.subject);
  }
  return subjects;
}

/** A function's declarations all in one file: the branches of a conditional declaration. */
function declaredInOneFile(effect: CallEffect, targeted: readonly { unit: Unit }[]): boolean {
  if (effect.target.type !== 'function') return false;
  const file = targeted[0]!.unit.span.file;
  return targeted.every(({ unit }) => unit.span.file === file);
}

/**
 * The call as any one of several alternatives would leave it: a state they all agree on
 * (all close, all leave it open; all end the script), else the state before the call; and
 * each kind of fact (slow work, releases, writes, output, opens) only when every
 * alternative has it, slow work only of the kinds they all do.
 */
function meetAlternatives(before: ResourceState, parts: readonly CallApplied[]): CallApplied {
  const afters = parts.map((part) => part.after);
  const ending = afters.every((after) => after === undefined);
  const defined = afters.filter((after): after is ResourceState => after !== undefined);
  const same = (a: ResourceState, b: ResourceState): boolean => a.closed === b.closed && (a.open.length > 0) === (b.open.length > 0);
  const after = ending ? undefined : defined.length === parts.length && defined.every((state) => same(state, defined[0]!)) ? joinStates(defined) : before;
  const outcomes = parts.map((part) => part.outcome);
  if (outcomes.some((outcome) => outcome === undefined)) return { after };
  const all = outcomes as CallOutcome[];
  const shared = <T>(pick: (outcome: CallOutcome) => readonly T[]): T[] => (all.every((outcome) => pick(outcome).length > 0) ? [...pick(all[0]!)] : []);
  const sharedSlow = (pick: (outcome: CallOutcome) => readonly SlowOccurrence[]): SlowOccurrence[] =>
    pick(all[0]!).filter((occurrence) => all.every((outcome) => pick(outcome).some((other) => other.kind === occurrence.kind)));
  const outcome: CallOutcome = {
    units: all.flatMap((one) => one.units),
    slowUnderLock: sharedSlow((one) => one.slowUnderLock),
    slowUnderOwnLock: sharedSlow((one) => one.slowUnderOwnLock),
    releases: shared((one) => one.releases),
    writesUnderLock: shared((one) => one.writesUnderLock),
    writesWhileClosed: shared((one) => one.writesWhileClosed),
    ...(all.some((one) => one.writesWhileClosedSometimes) ? { writesWhileClosedSometimes: true } : {}),
    flushes: shared((one) => one.flushes),
    opens: shared((one) => one.opens),
    ...(all.every((one) => (one.dispatches?.length ?? 0) > 0) ? { dispatches: all[0]!.dispatches! } : {}),
  };
  return { after, outcome };
}

const USE_COOKIES_SUBJECT = 'ini:session.use_cookies';
const CACHE_LIMITER_SUBJECT = 'ini:session.cache_limiter';

/**
 * A session setting that decides whether a reopen after output works (domain.md §5.3), as a
 * fact: `ini:session.use_cookies=off` is true after `ini_set('session.use_cookies', '0')` and
 * false after turning it on again. Other settings are not remembered.
 */
export function settingFact(name: string, value: string): PredicateValue | undefined {
  if (name === 'session.use_cookies') return { predicate: 'ini:session.use_cookies=off', subject: 'ini:session.use_cookies', value: value === '0' || value === '' };
  if (name === 'session.cache_limiter') return { predicate: 'ini:session.cache_limiter=off', subject: 'ini:session.cache_limiter', value: value === '' };
  return undefined;
}

/**
 * What PHP's own defaults say of the settings `settingFact` remembers (`session.use_cookies=1`,
 * `session.cache_limiter=nocache`): what a request starts with when the project does not change
 * them (`FlowEngine.settingsAtRequestStart`).
 */
const PHP_DEFAULT_SETTINGS: Facts = [settingFact('session.use_cookies', '1')!, settingFact('session.cache_limiter', 'nocache')!];
const DEFAULT_SETTING_SUBJECTS: ReadonlySet<string> = new Set(PHP_DEFAULT_SETTINGS.map((fact) => fact.subject));

/**
 * True when every path here has switched the session cookie and the cache limiter off: a
 * `session_start()` then sends no header, so php-src starts it even after output (domain.md §5).
 */
export function startsWithoutHeaders(state: ResourceState): boolean {
  const off = (facts: Facts | undefined, predicate: string): boolean => (facts ?? []).some((fact) => fact.predicate === predicate && fact.value);
  return casesOf(state).every((one) => off(one.facts, 'ini:session.use_cookies=off') && off(one.facts, 'ini:session.cache_limiter=off'));
}

function sharedSettings(sets: readonly (readonly PredicateValue[])[]): { settings?: readonly PredicateValue[] } {
  if (sets.length === 0) return {};
  const shared = sets[0]!.filter((fact) => sets.every((set) => set.some((other) => other.predicate === fact.predicate && other.value === fact.value)));
  return shared.length > 0 ? { settings: shared } : {};
}

/** The environment of a callee with the arguments this call leaves out and those it writes as literals. */
function withOmitted(env: Env, effect: CallEffect, caller: Env): Env {
  const passed = [...(effect.literalArguments ?? []), ...defaultsPassedOn(effect, caller)];
  // Built field by field (spreading the environment was most of this function's time).
  const callee: { -readonly [K in keyof Env]: Env[K] } = { bindings: env.bindings, outer: env.outer };
  if (env.omittedFrom !== undefined) callee.omittedFrom = env.omittedFrom;
  if (env.literals !== undefined) callee.literals = env.literals;
  if (env.settings !== undefined) callee.settings = env.settings;
  if (effect.argumentCount !== undefined && effect.target.type !== 'include') callee.omittedFrom = effect.argumentCount;
  if (passed.length > 0 && effect.target.type !== 'include' && effect.target.type !== 'parameter') callee.literals = passed;
  return callee;
}

/**
 * The caller's parameters passed on unchanged, as literals the callee gets: where the caller's
 * own caller left them out, their literal defaults (`getErrors($check)` in
 * `countErrors($check = true)`, called as `countErrors()`); where it wrote a flag-like literal
 * for them, that literal (`countErrors(false)`).
 */
function defaultsPassedOn(effect: CallEffect, caller: Env): { index: number; value: string }[] {
  if (!effect.defaultArguments) return [];
  return effect.defaultArguments.flatMap(({ index, parameter, value }) => {
    if (caller.omittedFrom !== undefined && parameter >= caller.omittedFrom) return [{ index, value }];
    const literal = caller.literals?.find((passed) => passed.index === parameter && !isStringKey(passed.value));
    return literal ? [{ index, value: literal.value }] : [];
  });
}

/** Per unit: the parameters its calls pass on unchanged (`CallEffect.defaultArguments`). */
const passedOnParameters = new WeakMap<Unit, readonly number[]>();

/**
 * Part of a summary's key: the value each parameter the unit passes on unchanged has in this
 * environment (its default, a literal, or unknown). Two calls whose own facts are the same
 * (`countErrors()` and `countErrors(false)` test nothing themselves) still hand their callees
 * different literals, so they must not share a summary.
 */
function passedOnKey(unit: Unit, env: Env): string {
  let parameters = passedOnParameters.get(unit);
  if (!parameters) {
    const found = new Set<number>();
    for (const node of unit.cfg.nodes) {
      if (node.effect?.kind === 'call') for (const passed of node.effect.defaultArguments ?? []) found.add(passed.parameter);
    }
    parameters = [...found].sort((a, b) => a - b);
    passedOnParameters.set(unit, parameters);
  }
  if (parameters.length === 0) return '';
  return parameters
    .map((parameter) => {
      if (env.omittedFrom !== undefined && parameter >= env.omittedFrom) return `${parameter}=default`;
      const literal = env.literals?.find((passed) => passed.index === parameter && !isStringKey(passed.value));
      return literal ? `${parameter}=${literal.value}` : '';
    })
    .filter((part) => part !== '')
    .join(',');
}

/**
 * A unit's exit without the paths through a repeat guard's body, when others remain: those
 * run only after an earlier call of the same request got past the guard, and a resource kept
 * for the request (an installed store) is as that call left it. So `install()` with
 * `if (self::$instance) { …; return; }` installs the store on every path its callers see.
 */
function firstRunExit(exit: ResourceState | undefined): ResourceState | undefined {
  if (!exit?.cases) return exit;
  const repeated = (one: ResourceState): boolean => (one.facts ?? []).some((fact) => fact.value && fact.subject.startsWith(REPEAT_PATH_PREFIX));
  const first = exit.cases.filter((one) => !repeated(one));
  if (first.length === 0 || first.length === exit.cases.length) return exit;
  return joinStates(first);
}


/**
 * The facts a unit starts with for the literals its caller passes: worked out in advance for
 * the flag-like ones, evaluated here for a number (`-368000` decides `$time < 0`).
 */
function literalFacts(unit: Unit, literals: Env['literals']): Facts {
  if (!literals || (!unit.literalArguments && !unit.parameterTests)) return [];
  const flags = (unit.literalArguments ?? []).filter((known) => literals.some((passed) => passed.index === known.index && literalMatches(known.value, passed.value))).flatMap((known) => known.facts);
  const numbers: PredicateValue[] = [];
  for (const passed of literals) {
    const value = numberOfKey(passed.value) ?? stringOfKey(passed.value);
    const someTruthyString = passed.value === TRUTHY_STRING_KEY;
    if ((value === undefined && !someTruthyString) || (unit.literalArguments ?? []).some((known) => known.index === passed.index && known.value === passed.value)) continue;
    for (const parameter of unit.parameterTests ?? []) {
      if (parameter.index !== passed.index) continue;
      for (const test of parameter.tests) {
        const known = value === undefined ? truthyStringValue(test.shape) : shapeValue(test.shape, value);
        if (known !== undefined) numbers.push({ predicate: test.predicate, subject: parameter.subject, value: known });
      }
    }
  }
  return numbers.length > 0 ? [...flags, ...numbers] : flags;
}

/**
 * Whether a literal a call passes is one a unit has facts for: the same key, or, for a unit's
 * `{-p}` (TypeScript: an options object without `p`), an object literal `{a,b}` not naming `p`.
 */
/**
 * A string a call writes (`"/query"`): it decides the callee's own tests of the parameter
 * (`literalFacts`), but is not handed on to what the callee passes the parameter to, nor part
 * of the key as such: a parameter passed on that callers fill with many strings (DokuWiki's
 * `HTTPClient::sendRequest($url, $data = '')`) would be summarised once per string.
 */
function isStringKey(key: string): boolean {
  return key.startsWith('"') && key !== '""';
}

function literalMatches(known: string, passed: string): boolean {
  if (known === passed) return true;
  if (!known.startsWith('{-') || !passed.startsWith('{') || passed.startsWith('{-')) return false;
  return !passed.slice(1, -1).split(',').includes(known.slice(2, -1));
}

/** A literal argument's key (`literalKey`) that writes a string (`"/query"`), as that string. */
function stringOfKey(key: string): string | undefined {
  if (!key.startsWith('"')) return undefined;
  try {
    const value: unknown = JSON.parse(key);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** A literal argument's key (`literalKey`) that writes a number, as that number. */
function numberOfKey(key: string): number | undefined {
  if (key === '' || key.startsWith('"') || key === 'true' || key === 'false' || key === 'null') return undefined;
  const value = Number(key);
  return Number.isFinite(value) ? value : undefined;
}

/** The facts a unit starts with when its arguments from `omittedFrom` on keep their defaults. */
function omittedFacts(unit: Unit, omittedFrom: number | undefined): Facts {
  if (omittedFrom === undefined || !unit.omittedArguments) return [];
  return unit.omittedArguments.filter((a) => a.index >= omittedFrom).flatMap((a) => a.facts);
}

function omittedKey(unit: Unit, omittedFrom: number | undefined, literals?: Env['literals']): string {
  // A unit deciding its parameters' tests only at the call (`parameterTests`) still needs the
  // facts those decide in its key: `go('')` and `go('/x' . $y)` must not share a summary.
  if (!unit.omittedArguments && !unit.literalArguments && !unit.parameterTests) return '';
  return factsKey([...omittedFacts(unit, omittedFrom), ...literalFacts(unit, literals)]);
}

function withEntryFacts(state: ResourceState, unit: Unit, env: Env): ResourceState {
  const facts = [...omittedFacts(unit, env.omittedFrom), ...literalFacts(unit, env.literals), ...(env.settings ?? [])];
  if (facts.length === 0) return state;
  return withFacts(state, capFacts(facts));
}

/**
 * A file read on a path the callee took as a parameter, seen through a call: remote I/O when
 * the argument is a URL, still pending when it is the caller's own parameter (its callers
 * decide), and not slow otherwise: a local path, project configuration, a path the analysis
 * cannot know, a default value or an argument it does not see (precision first).
 */
function withPathArgument(occurrence: SlowOccurrence, call: CallEffect): SlowOccurrence | undefined {
  const index = occurrence.pathParameter;
  if (index === undefined) return occurrence;
  const { pathParameter: _dropped, ...rest } = occurrence;
  const argument = call.pathArguments?.find((a) => a.index === index);
  if (!argument) return undefined;
  switch (argument.path) {
    case 'local':
      return undefined;
    case 'url': {
      const last = rest.chain[rest.chain.length - 1]!;
      const chain = [...rest.chain.slice(0, -1), { span: last.span, label: `${quoteCode(rest.callee)} runs here on a URL` }];
      return { ...rest, kind: 'remote-io', detail: 'on a URL', chain };
    }
    case 'unknown':
      return argument.parameter !== undefined ? { ...rest, pathParameter: argument.parameter } : undefined;
  }
}

/**
 * A command line the callee took as a parameter, seen through a call: not slow work when the
 * argument runs only short programs (`'tail -n 50 ' . $log`), slow work naming the program
 * when it runs one known to take time, pending on the caller's own parameter when it passes
 * one on, and still unjudged (`info`) otherwise.
 */
function withCommandArgument(occurrence: SlowOccurrence | undefined, call: CallEffect): SlowOccurrence | undefined {
  const index = occurrence?.commandParameter;
  if (occurrence === undefined || index === undefined) return occurrence;
  const { commandParameter: _dropped, ...rest } = occurrence;
  const argument = call.commandArguments?.find((a) => a.index === index);
  switch (argument?.cost) {
    case undefined:
      return rest;
    case 'short':
      return undefined;
    case 'parameter':
      return { ...rest, commandParameter: argument.parameter };
    case 'slow': {
      const { unjudged: _unjudged, ...judged } = rest;
      const detail = `running \`${argument.program}\``;
      const last = judged.chain[judged.chain.length - 1]!;
      const chain = [...judged.chain.slice(0, -1), { span: last.span, label: `${quoteCode(judged.callee)} runs \`${argument.program}\` here` }];
      return { ...judged, detail, chain };
    }
  }
}

/** How a call (or an include) reads as a step of a chain. */
function callStepOf(effect: CallEffect, units: readonly Unit[]): Step {
  // One step per call (and included file), shared by every chain through it: summaries keep
  // chains from every level of a deep call chain, and a new step with a new label at each
  // application of a summary was much of what they hold.
  const key = effect.target.type === 'include' ? units[0]!.span.file : '';
  let steps = callSteps.get(effect);
  if (!steps) callSteps.set(effect, (steps = new Map()));
  let step = steps.get(key);
  if (!step) {
    const label = effect.target.type === 'include' ? `\`${units[0]!.span.file}\` is included here` : `${quoteCode(effect.display)} is called here`;
    steps.set(key, (step = { span: effect.span, label }));
  }
  return step;
}

const callSteps = new WeakMap<CallEffect, Map<string, Step>>();
/** The step that says a call closed the session, one per call (as `callSteps`). */
const closeSteps = new WeakMap<CallEffect, Step>();


/**
 * The callables a call hands to its callee's parameters, with the caller's own resolved. A
 * closure written in the calling unit that calls parameters of the functions around it
 * carries the unit's bindings (and those the unit itself was given as a closure), so its
 * captured calls run what the callers bound.
 */
function bindCallables(effect: CallEffect, env: Env, from: Unit): Bindings {
  if (!effect.callables || effect.callables.length === 0) return NO_BINDINGS;
  const bound = new Map<BindingSlot, readonly CallTarget[]>();
  for (const { index, property, target, captures } of effect.callables) {
    let targets: readonly CallTarget[];
    if (target.type === 'parameter') targets = boundTo(target, env);
    else if (captures && target.type === 'closure' && writtenIn(target, from)) targets = [withFrames(target, env)];
    else targets = [target];
    if (targets.length > 0) bound.set(slotOf(index, property), targets);
  }
  return bound;
}

/** What the unit's callers bound to a parameter: its own, or (captured) one of a function around it. */
function boundTo(target: Extract<CallTarget, { type: 'parameter' }>, env: Env): readonly CallTarget[] {
  const slot = slotOf(target.index, target.property);
  if (target.captured === undefined) return env.bindings.get(slot) ?? [];
  const frame = env.outer[target.captured - 1];
  return frame?.find(([bound]) => bound === slot)?.[1] ?? [];
}

/** A closure target inside the unit's own text (written there, so the unit is the function around it). */
function writtenIn(target: Extract<CallTarget, { type: 'closure' }>, unit: Unit): boolean {
  return target.file === unit.span.file && target.start > unit.span.start && target.start < unit.span.end;
}

/** The closure with the unit's bindings as its innermost frame, when there is anything to carry and it stays small. */
function withFrames(target: Extract<CallTarget, { type: 'closure' }>, env: Env): CallTarget {
  const own = [...env.bindings].sort(compareSlots);
  const outer: Frames = [own, ...env.outer].slice(0, MAX_FRAMES);
  if (outer.every((frame) => frame.length === 0)) return target;
  // A recursion of helpers that wrap closures in closures would grow the frames without end.
  if (frameNesting(outer) >= MAX_FRAME_NESTING) return target;
  const carried: ClosureWithFrames = { type: 'closure', file: target.file, start: target.start, outer };
  return carried;
}

function frameNesting(frames: Frames): number {
  let deepest = 0;
  for (const frame of frames) {
    for (const [, targets] of frame) {
      for (const target of targets) {
        const inner = target.type === 'closure' ? (target as ClosureWithFrames).outer : undefined;
        if (inner) deepest = Math.max(deepest, 1 + frameNesting(inner));
      }
    }
  }
  return deepest;
}

/** The frames a resolved callable brings to its unit (a closure passed with its unit's bindings). */
function framesOf(target: CallTarget): Frames {
  return target.type === 'closure' ? ((target as ClosureWithFrames).outer ?? NO_FRAMES) : NO_FRAMES;
}

/**
 * The callback fields of slow work run through a parameter: the callable bound to it, and
 * the callables further out that this one reached through its captured calls.
 */
function callbackFields(target: CallTarget, occurrence: SlowOccurrence): Pick<SlowOccurrence, 'viaCallback' | 'callback' | 'capturedFrom'> {
  const frames = framesOf(target);
  if (frames.length === 0) return { viaCallback: true, callback: target };
  const inFrames = new Set(frames.flatMap((frame) => frame.flatMap(([, targets]) => targets.map((t) => JSON.stringify(t)))));
  const forwarded = [occurrence.callback, ...(occurrence.capturedFrom ?? [])].filter(
    (t): t is CallTarget => t !== undefined && inFrames.has(JSON.stringify(t)),
  );
  return forwarded.length > 0 ? { viaCallback: true, callback: target, capturedFrom: forwarded } : { viaCallback: true, callback: target };
}

function bindingKey(bindings: Bindings): string {
  if (bindings.size === 0) return '';
  return JSON.stringify([...bindings].sort(compareSlots));
}

/**
 * Chains down to writes, at most `MAX_OCCURRENCES`, one per write (the last step): more routes to
 * one write explain nothing more, and a helper reached through many (every database call of an
 * application writing one default key) must not crowd out a different write the call also makes.
 * Of the routes to one write, the first that runs whatever the configuration is kept.
 */
function capByWrite(chains: readonly Step[][]): Step[][] {
  const kept: Step[][] = [];
  const byWrite = new Map<string, number>();
  for (const chain of chains) {
    const end = chain[chain.length - 1];
    const key = end ? spanKey(end.span) : '';
    const at = byWrite.get(key);
    if (at === undefined) {
      if (kept.length >= MAX_OCCURRENCES) continue;
      byWrite.set(key, kept.length);
      kept.push(chain);
    } else if (kept[at]!.some((step) => step.setting) && !chain.some((step) => step.setting)) {
      kept[at] = chain;
    }
  }
  return kept;
}

function closedPart(state: ResourceState): ResourceState {
  return withOptional({ closed: true, open: [], released: state.released === true, idCleared: state.idCleared === true, closedBy: state.closedBy }, state.via, undefined);
}

/**
 * Re-roots a callee's exit state in the caller: the callee's own open sites get the call in
 * front, its ENTRY site becomes the caller's sites; a close inside the callee is reported
 * at the call, and a closed part the callee did not cause keeps the caller's close sites.
 */
function reroot(state: ResourceState, call: Step, before: ResourceState, closeStep: Step, transparent = false): ResourceState {
  let open: readonly OpenSite[] = [];
  for (const site of state.open) {
    open = site.entry ? unionSites(open, before.open) : unionSites(open, [siteFromChain([call, ...site.chain])]);
  }
  // The close the callee was entered after (`RELEASED_AT_ENTRY`) is the caller's own, already in
  // `before`; so is a close that only undid the callee's own reopen (`transparent`): closed, the
  // session is as the caller left it.
  const ownSteps = transparent ? undefined : ownCloseSteps(state.closedBy);
  const closedInside = ownSteps !== undefined && ownSteps.length > 0;
  const closedBy = closedInside ? [{ ...closeStep, inner: innerSteps(ownSteps[0]!) }] : before.closedBy;
  const releasedInside = !transparent && state.released === true;
  const released = closedInside || releasedInside || (state.closed && before.released === true);
  // Released inside: by a `session_destroy()` on every path or not; otherwise as before the call.
  const idCleared = closedInside || releasedInside ? state.idCleared === true : before.idCleared === true;
  return withOptional({ closed: state.closed, open, released, idCleared, closedBy: unionSteps(undefined, closedBy) }, before.via, undefined);
}

/**
 * A call's outcome, judged on the joined state before it, with the writes the callee makes
 * while the session is closed kept only where some path with its own facts reaches them
 * with the session released: entered with what each path knows (`$settings->noAuth` false
 * where the session was started and closed), the callee does not take the branch that writes
 * `$_SESSION` without a session there, and where it does take it the session was never opened.
 */
function writesLostPerCase(outcome: CallOutcome, byCase: readonly { one: ResourceState; outcome: CallOutcome | undefined }[]): CallOutcome {
  if (outcome.writesWhileClosed.length === 0 || byCase.some(({ outcome: one }) => one === undefined)) return outcome;
  const lost = new Set(byCase.flatMap(({ one, outcome: own }) => (one.closed && one.released === true ? own!.writesWhileClosed.map(chainKey) : [])));
  const kept = outcome.writesWhileClosed.filter((chain) => lost.has(chainKey(chain)));
  if (kept.length === outcome.writesWhileClosed.length) return outcome;
  return { ...outcome, writesWhileClosed: kept, ...(kept.length === 0 ? { writesWhileClosedSometimes: undefined } : {}) };
}

function chainKey(chain: readonly Step[]): string {
  return chain.map((step) => `${step.span.file}:${step.span.start}-${step.span.end}`).join('>');
}

/** The state with why it may be open set, keeping its facts and cases (`withOptional` drops them). */
function withReason(state: ResourceState, whyMaybe: string | undefined): ResourceState {
  const set = withOptional(state, state.via, whyMaybe);
  return { ...set, ...(state.facts ? { facts: state.facts } : {}), ...(state.cases ? { cases: state.cases } : {}) };
}

/** `reroot` for each case of a callee's exit, each keeping what it knows of global subjects. */
function rerootCases(state: ResourceState, call: Step, before: ResourceState, closeStep: Step, transparent = false): ResourceState[] {
  return globalCases(state).map((one) => withFacts(reroot(one, call, before, closeStep, transparent), one.facts));
}

/** A callee's close step and the steps under it, as one chain from inside the callee. */
function innerSteps(step: Step): readonly Step[] {
  return [{ span: step.span, label: step.label }, ...(step.inner ?? [])];
}

/** How a `read_and_close` open reads as the place the session was released. */
export const READ_AND_CLOSE_LABEL = 'the session is opened with `read_and_close` here: PHP reads it and closes it at once';

/** The effect of everything but calls. */
export function transferEffect(
  effect: Effect,
  resource: ResourceId,
  before: ResourceState,
  openStep: Step | undefined,
): ResourceState | undefined {
  if (!('resource' in effect) || effect.resource !== resource) return before;
  switch (effect.kind) {
    case 'open': {
      if (effect.mode === 'read-and-close') {
        // Read, then released at once: where it was closed, the session now counts as
        // released (a write after it is lost); where it was open, nothing changes.
        if (!before.closed) return before;
        const step: Step = { span: effect.span, label: READ_AND_CLOSE_LABEL };
        return withOptional({ closed: true, open: before.open, released: true, closedBy: [step] }, before.via, before.whyMaybe);
      }
      if (!openStep) return before;
      // Already open on every path: PHP ignores the second start (with a notice).
      if (!before.closed) return before;
      return withOptional({ closed: false, open: unionSites(before.open, [siteFromChain([openStep])]) }, before.via, undefined);
    }
    case 'close': {
      const released = releasedBy({ span: effect.span, label: effect.label ?? `the session is closed here by \`${effect.api}\`` });
      // `session_destroy()` forgets the id; the other closes keep it for a reopen.
      return withOptional({ ...released, idCleared: effect.how === 'destroy' }, before.via, undefined);
    }
    case 'assume':
      // A test of the session's state narrows the cases. Where it is closed, the unit's own close
      // that closed it is still the one a later message names. The marker of a close before the
      // unit was entered is dropped there, as it always was: keeping it changes how a helper that
      // reopens only when the session is closed is summarised (helper-reopens-after-close.ok.php).
      switch (effect.state) {
        case 'open':
          return before.open.length > 0 ? withOptional({ closed: false, open: before.open }, before.via, undefined) : undefined;
        case 'closed':
          return before.closed
            ? withOptional({ closed: true, open: [], released: before.released === true, idCleared: before.idCleared === true, closedBy: ownCloseSteps(before.closedBy) }, undefined, undefined)
            : undefined;
        case 'ever-started': {
          // Open, or closed after a start (whatever closed it).
          if (before.open.length === 0 && before.released !== true) return undefined;
          return withOptional({ closed: before.released === true, open: before.open, released: before.released === true }, before.via, before.released === true ? before.whyMaybe : undefined);
        }
        case 'started': {
          // Open, or closed after a start: the closed part survives only if it was released
          // by a close that kept the id (not `session_destroy()`).
          const closed = before.released === true && before.idCleared !== true;
          if (before.open.length === 0 && !closed) return undefined;
          return withOptional({ closed, open: before.open, released: closed }, before.via, closed ? before.whyMaybe : undefined);
        }
      }
    default:
      return before;
  }
}

/**
 * How a configured candidate is named: a class's method by its class, a function given in
 * options by its file too (`createRefund()` of `stripe.handler.ts`); a module's `index` by its
 * folder as well, past a `src`/`lib` (`email-resend/src/index.ts`), since every package has one.
 */
function implementationName(target: CallTarget, unit: Unit): string {
  if (target.type !== 'configured') return unit.displayName;
  const parts = unit.span.file.split('/');
  let take = 1;
  if (/^index\./.test(parts[parts.length - 1] ?? '')) take = ['src', 'lib'].includes(parts[parts.length - 2] ?? '') ? 3 : 2;
  return `${unit.displayName}\` in \`${parts.slice(-take).join('/')}`;
}
