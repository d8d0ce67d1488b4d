import type { Span } from '../model/span';
import type { Effect } from './effects';

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
  /** Runs only after an exception was caught (a `catch` block): not the unit's main path. */
  readonly errorPath?: true;
  /** Runs only when a configuration setting says so (`if ($conf['hook'])`). */
  readonly setting?: SettingMark;
}

/**
 * Code inside an `if` whose condition reads only configuration (`if (!empty($conf['hook']))`,
 * `if (ON == config_get('use_ldap'))`): it runs only where the installation turned that on.
 */
export interface SettingMark {
  /** The test as written (`!empty($command)`). */
  readonly test: string;
  /** The configuration it reads (`$config->get('check_hook')`): the test itself when it is one. */
  readonly lookup: string;
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
}

export type LoopKind = 'while' | 'do' | 'for' | 'foreach';

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
}

export type LoopBound = { readonly iterations: number } | { readonly seconds: number };
