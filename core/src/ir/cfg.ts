import type { Span } from '../model/span';
import type { Effect } from './effects';
import type { PredicateShape } from './predicate-shape';

/**
 * A control-flow graph for one unit. Each node carries at most one effect, so the state
 * before every effect is simply the node's in-state.
 */
export interface Cfg {
  readonly nodes: readonly CfgNode[];
  readonly entry: number;
  /** Normal completion: the end of the body or a `return`. */
  readonly exit: number;
  /** `exit`/`die`: the whole script ends here. */
  readonly terminate: number;
  /** An exception that leaves the unit. */
  readonly throwExit: number;
  readonly loops: readonly LoopInfo[];
  /**
   * The nodes a truthy and a falsy `return` reach before `exit` (`return true` only the
   * first, `return false`, `return;` and the end of the body only the second, any other value
   * both), so a caller testing the result (`if (!hasDatabase()) return;`) knows the state on
   * each outcome.
   */
  readonly booleanExits?: { readonly whenTrue: number; readonly whenFalse: number };
}

export interface CfgNode {
  readonly id: number;
  readonly effect?: Effect;
  readonly succs: readonly Edge[];
  /** Innermost loop containing this node (index into `Cfg.loops`), if any. */
  readonly loop?: number;
  /** Inside one-time initialisation (`if ($pdo === null) { $pdo = … }`): runs at most once. */
  readonly once?: OnceMark;
  /**
   * Runs only after an error: an exception was caught (a `catch` block: `true`), or a call
   * that fails only on an error returned its failure (`if (!$locked)` after a blocking
   * `flock()`: `lower/php/error-only-failures.ts`). Not the unit's main path.
   */
  readonly errorPath?: ErrorPath;
  /**
   * Inside the body of an `if` taken only when an I/O call failed (`if ($result === false)`
   * after `$result = mysqli_query(…)`: `lower/php/failure-guards.ts`). Slow work here that
   * cannot return to the unit's normal end (the path dies) reports the failure: it is not the
   * request's normal work.
   */
  readonly failureBranch?: true;
  /**
   * Right before an `exit` that is the unit's last statement (a page that ends with `exit;`):
   * the request's work is done here, as at the unit's normal end (`lower/php/final-exit.ts`).
   */
  readonly endsWork?: true;
  /** Runs only when a setting is changed from its shipped default (`if ($CONF['hook'])` shipped `''`). */
  readonly setting?: SettingMark;
  /**
   * Runs only when the unit's parameter at this index is a URL (`if (preg_match('|^https?://|',
   * $file))`): remote I/O here is pending on what the caller passes (`lower/php/url-guards.ts`).
   */
  readonly urlParameter?: number;
  /**
   * An empty node on the outcome of an environment probe that means the PHP running the code
   * lacks something (`extension_loaded('openssl')` false: `lower/php/environment-probes.ts`), with
   * the probe as written. What runs only past such nodes is an installation's fallback
   * (`lower/php/environment-fallbacks.ts`).
   */
  readonly lacksEnvironment?: string;
}

/**
 * Code that runs only when a setting is changed from the value the project ships: the body of
 * `if (preg_match('/^dovecot:/', $CONF['encrypt']))` where `$CONF['encrypt'] = 'md5crypt';` is
 * the shipped default (`lower/php/setting-guards.ts`).
 */
export interface SettingMark {
  /** The test as written (`ON == config_get_global('use_ldap_email')`). */
  readonly test: string;
  /** The setting read as written (`config_get_global('use_ldap_email')`). */
  readonly lookup: string;
  /** Where the project ships its value (`$g_use_ldap_email`). */
  readonly setting: string;
  /** That value as PHP writes it (`OFF`, `false`, `'md5crypt'`). */
  readonly shipped: string;
  /**
   * The database the code runs for, when the test is of the configured dialect
   * (`knex.client.config.client === 'mssql'`, `lower/ts/dialect-branches.ts`): it runs only on
   * that database, whatever the project ships (`shipped` is then empty).
   */
  readonly dialect?: string;
}

/**
 * Code that runs at most once: per call of its unit, or (`perRequest`: what it sets is
 * `static`, `global` or a property) per request. The loops around the guard (`outsideLoop`,
 * the innermost, and the loops around it) do not repeat it.
 */
export interface OnceMark {
  readonly perRequest: boolean;
  readonly outsideLoop?: number;
}

export interface Edge {
  readonly to: number;
  /**
   * A human description of the condition under which this edge is taken
   * ("`$x` is false (line 3)"), used to explain maybe-open states.
   */
  readonly note?: string;
  /**
   * Taken only where a test of one of the unit's parameters has this outcome
   * (`if ($redirect_to == 'NOREDIRECT')`): what a call passes there decides whether the path can
   * run for that call (`lower/php/parameter-branches.ts`). The flow ignores it; rules that walk a
   * callee for one call site read it (`rules/src/rules/call-site-paths.ts`).
   */
  readonly parameterTest?: ParameterTestMark;
}

/**
 * The outcome of a test of a parameter the unit never changes, on the edge that needs it: the
 * test (`shape`, evaluated on the argument's value as a literal) is `value` on this edge.
 */
export interface ParameterTestMark {
  /** The parameter's position. */
  readonly index: number;
  readonly shape: PredicateShape;
  readonly value: boolean;
  /** The test's outcome where a call leaves the argument out (its literal default decides it). */
  readonly whenOmitted?: boolean;
}

export type LoopKind = 'while' | 'do' | 'for' | 'foreach';

/**
 * Why a node is off the main path: a caught exception (`true`), the call whose failure it
 * handles (a blocking `flock()` that failed), or the call that reported an error of the call
 * before it (`mysqli_errno($db) == 1213`: a deadlock retry).
 */
export type ErrorPath = true | { readonly failedCall: string } | { readonly reportedBy: string };

export interface LoopInfo {
  readonly kind: LoopKind;
  /** The loop's header only (`while (…)`), never its body: findings point here. */
  readonly header: Span;
  /** `while (true)`, `for (;;)`: only a `break`, `return` or `exit` ends it. */
  readonly infinite: boolean;
  /** The enclosing loop in the same unit, if any. */
  readonly parent?: number;
  /** The node every iteration starts at; its in-state is the state "at the loop". */
  readonly headerNode: number;
  /**
   * What the header says about how long the loop runs: a literal number of rounds
   * (`for ($i = 0; $i < 30; $i++)`) or a clock deadline in seconds (`while (time() < $start + 25)`).
   */
  readonly bound?: LoopBound;
  /**
   * The loop goes round again only when this call, which fails only on an error, failed
   * (`do { $locked = flock($fp, LOCK_EX); } while (!$locked && …)`): on the main path it runs once.
   */
  readonly repeatsOnFailureOf?: string;
}

export type LoopBound = { readonly iterations: number } | { readonly seconds: number };
