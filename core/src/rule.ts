import type { CallTarget, SlowKind } from './ir/effects';
import type { Span } from './model/span';
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
  /** The resources held per variable that a unit acquires (TypeScript); none for PHP. */
  resourcesOf(unit: Unit): readonly HeldResourceInfo[];
  /** The severity the user configured for this rule. */
  readonly severity: Severity;
  /** Severity for a kind of slow work (`off` drops it). */
  slowKindSeverity(kind: SlowKind): Severity | 'off';
  /** 1-based line of an offset in this file, for messages. */
  lineOf(offset: number): number;
  /**
   * Whether the session store locks: false when the project installs its own save handler
   * (unless the configuration says it locks). Lock rules stay quiet then; data-loss rules don't.
   */
  readonly sessionLocks: boolean;
  /** Ids of every rule the analyzer knows, enabled or not. */
  readonly knownRuleIds: ReadonlySet<string>;
  /** The project units a call may run (other modules included); absent: calls are not followed. */
  resolveCall?(target: CallTarget, from: Unit, span: Span): readonly Unit[];
}

export interface Rule {
  readonly meta: RuleMeta;
  check(context: RuleContext): Finding[];
}
