import type { CallTarget, SlowKind } from './ir/effects';
import type { Span } from './model/span';
import type { EditSites } from './fix/edit-sites';
import type { ResourceId } from './ir/effects';
import type { FileIR, HeldResourceInfo, Unit } from './ir/unit';
import type { Finding, Severity } from './model/finding';
import type { UnitFlow } from './flow/engine';

export type Language = FileIR['language'];

export interface RuleMeta {
  /** Kebab-case id: the LSP `code`, the doc's file name, the fixture folder, the suppression token. */
  readonly id: string;
  readonly description: string;
  readonly languages: readonly Language[];
  readonly defaultSeverity: Severity;
  readonly fixAvailability: 'never' | 'sometimes' | 'always';
}

/** What a rule may read: the lowered file and the flow results, never the syntax tree. */
export interface RuleContext {
  readonly file: FileIR;
  /**
   * The dataflow of a unit for a resource (the session when absent), entered with it
   * closed; memoised.
   */
  flowOf(unit: Unit, resource?: ResourceId): UnitFlow;
  /**
   * The session's dataflow of a unit entered as every place that runs it enters it, when all
   * are known and each has the session open on every path (`FlowEngine.analyzeAsRun`);
   * undefined otherwise, or where `flowOf` already enters it open (an entry point). Memoised.
   */
  flowAsRun?(unit: Unit): UnitFlow | undefined;
  /** The resources held per variable that a unit acquires (TypeScript); none for PHP. */
  resourcesOf(unit: Unit): readonly HeldResourceInfo[];
  /** The severity the user configured for this rule. */
  readonly severity: Severity;
  /** Severity for a kind of slow work (`off` drops it). */
  slowKindSeverity(kind: SlowKind): Severity | 'off';
  /** 1-based line of an offset in this file, for messages. */
  lineOf(offset: number): number;
  /** 1-based line of a span in its own file (another file's, in a chain across files), for messages. */
  lineOfSpan?(span: Span): number;
  /**
   * Whether the session store locks, when the configuration says so (`true`: every lock
   * finding stands; `false`: lock rules stay quiet, data-loss rules don't). Undefined: it is
   * decided per path, with `sessionStoresAt`.
   */
  readonly sessionLocks?: boolean;
  /**
   * Report lock findings where a store whose `open`/`read` visibly take no lock is installed
   * as if PHP's file store were used (by default they are left out, or `info` where the
   * store is installed on some paths only).
   */
  readonly reportNonLockingStores?: boolean;
  /**
   * The project's own session stores installed on the paths reaching `node` of `unit`
   * (`session_set_save_handler()`, seen through includes and calls); undefined where none is,
   * so PHP's file store, which locks, is used.
   */
  sessionStoresAt?(unit: Unit, node: number): SessionStoresAt | undefined;
  /**
   * The project's own store a session start (its span: the last step of an open chain) runs
   * behind, when it runs only where the static holding that store is set (`rules/src/store-holder-gates.ts`).
   */
  storeBehindStart?(start: Span): SessionStoreInfo | undefined;
  /** Ids of every rule the analyzer knows, enabled or not. */
  readonly knownRuleIds: ReadonlySet<string>;
  /** The project units a call may run (other modules included); absent: calls are not followed. */
  resolveCall?(target: CallTarget, from: Unit, span: Span): readonly Unit[];
  /**
   * Where fixes can edit this file (statements, indentation, the file's style), for the fix
   * builders: spans and strings, never the tree. Absent where no fix is built (TypeScript yet).
   */
  editSites?(): EditSites | undefined;
  /**
   * Every call of a function or private method in the project, with the caller's flow; undefined
   * when not every call can be seen (a public method, a callback, a unit no code calls).
   */
  callersOf?(unit: Unit): readonly CallerSite[] | undefined;
  /**
   * Every include of a file's top level in the project, with the includer's flow (as its own
   * includers enter it, where known); undefined or empty when no project file includes it.
   */
  includersOf?(unit: Unit): readonly CallerSite[] | undefined;
  /**
   * Whether a framework enters this unit itself, once per request (a controller action as its
   * preset describes actions): no project code calls it and needs the session afterwards.
   */
  isFrameworkAction?(unit: Unit): boolean;
  /**
   * For a controller action: the framework's close of the session as the action can write it
   * without naming the session (`\\Yii::$app->session->close()`), when its preset says one.
   */
  frameworkActionClose?(unit: Unit): string | undefined;
}

/** A call of a unit, seen from its caller: the caller's flow and the CFG node of the call. */
export interface CallerSite {
  readonly flow: UnitFlow;
  readonly node: number;
}

export interface Rule {
  readonly meta: RuleMeta;
  check(context: RuleContext): Finding[];
}

/** The stores of the project installed on the paths to a point. */
export interface SessionStoresAt {
  /** Installed on every path to the point (else on some, and PHP's file store on the others). */
  readonly every: boolean;
  readonly stores: readonly SessionStoreInfo[];
}

/** A session store the project installs, and whether its code takes a lock. */
export interface SessionStoreInfo {
  /** The `session_set_save_handler()` call. */
  readonly span: Span;
  /** The 1-based line of `span`, for messages. */
  readonly line: number;
  /** "`CacheSessionHandler`". */
  readonly display: string;
  /** Where the lock is taken in its `open`/`read` (or what they call); absent: no lock seen. */
  readonly lock?: { readonly span: Span; readonly what: string };
  /** Its `open`/`read` code was found in the project (else nothing is known about it). */
  readonly known: boolean;
  /**
   * Installed where every path had switched the session cookie and the cache limiter off, and
   * no code of the project switches them on again: a start behind it sends no header, so it
   * works after output (`reopen-after-output`; set for stores a start can be gated by).
   */
  readonly headersOff?: boolean;
}
