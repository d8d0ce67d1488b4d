import * as ts from 'typescript';
import type { NodeCatalog, NodeHeldResource } from '../../catalog';
import type { PendingEdge } from '../../ir/cfg-builder';
import type { CallTarget } from '../../ir/effects';
import { JumpStack } from '../jump-stack';
import type { HeldResourceInfo } from '../../ir/unit';
import type { Span } from '../../model/span';
import type { LineIndex } from '../../text/line-index';
import type { ImportRef } from './import-refs';
import type { ImportFacts } from './imports';

/** Facts about the whole file that every unit's lowering needs. */
export interface TsFileFacts {
  readonly file: string;
  readonly source: ts.SourceFile;
  readonly lines: LineIndex;
  readonly catalog: NodeCatalog;
  readonly imports: ImportFacts;
  /** Functions of this file callable by name: declarations and `const f = () => …`. */
  readonly functions: ReadonlyMap<string, CallTarget>;
  /** Resources acquired in the file's units, as found while lowering. */
  readonly heldResources: HeldResourceInfo[];
  /** Problems met while lowering (too deep nesting), reported as input errors. */
  readonly problems: { span: Span; message: string }[];
  /** Type-aware mode (a `tsconfig.json` was found): what the type checker says a value is. */
  readonly types?: TsTypeOracle;
}

/** Answers from the type checker (type-aware mode only). */
export interface TsTypeOracle {
  /**
   * The library class a value is an instance of, as the import it comes from (`Pool` of
   * `pg`), following the project's own subclasses (`PrismaService extends PrismaClient`).
   */
  classOf(node: ts.Expression): ImportRef | undefined;
  /**
   * The slot a called property is (`email.sendEmail(…)`): a member of an object type written
   * inline in a project source file (`=> { sendEmail: (m) => Promise<R> }`), by a key naming
   * that declaration; undefined for anything else (see `type-slots.ts`).
   */
  calledSlot?(callee: ts.PropertyAccessExpression): string | undefined;
  /** The slot a property of an object literal fills, by its contextual type: the same key. */
  filledSlot?(property: ts.ObjectLiteralElementLike): string | undefined;
}

/** A frame of the jump stack: what `break`, `continue`, `return` and `throw` pass through. */
export type TsJumpFrame =
  | {
      readonly kind: 'loop';
      /** `switch` (only `break` stops there) or a labelled block (only `break label`). */
      readonly flavour: 'loop' | 'switch' | 'block';
      readonly labels: readonly string[];
      readonly breaks: PendingEdge[];
      readonly continues: PendingEdge[];
    }
  | { readonly kind: 'catch'; readonly dispatch: number }
  | { readonly kind: 'finally'; readonly body: ts.Block; readonly loop: number | undefined; exceptionEntry?: number };


/** A variable holding an acquired resource in this unit. */
export interface HeldVariable {
  readonly info: HeldResourceInfo;
  readonly entry: NodeHeldResource;
}

export class TsUnitContext extends JumpStack<ts.Block, TsJumpFrame> {
  /** Parameter name → its position (for `callback()`). */
  readonly parameters = new Map<string, number>();
  /** Names destructured from an options parameter (`{ key, fn }`) → its position and property (for `fn()`). */
  readonly parameterProperties = new Map<string, import('./options-callbacks').ParameterProperty>();
  /** Parameter name → the members its declared type says are functions (`options.work()`). */
  readonly parameterCallables = new Map<string, ReadonlySet<string>>();
  /** Options parameters a caller may leave out, and what the unit's conditions test of them. */
  optionArguments?: import('./option-arguments').OptionArguments;
  /** Variable name → the resource it holds, once acquired in this unit. */
  readonly held = new Map<string, HeldVariable>();
  /**
   * The callback parameter that names the resource the unit runs with (`trx` of
   * `knex.transaction(async (trx) => …)`) → its resource: calls on it use the resource.
   */
  readonly scopeParameters = new Map<string, HeldResourceInfo['id']>();
  /** Releases a middleware registered for the response's end (`res.on('finish', () => client.release())`), in order. */
  readonly responseEndReleases: import('../../ir/effects').CloseEffect[] = [];
  /** Keyed locks this unit took (`redis.set(key, v, { nx: true })`): the key's text → its resource. */
  readonly lockKeys = new Map<string, HeldResourceInfo['id']>();
  /** Variables holding whether a keyed lock was taken (`const acquired = await redis.set(…)`) → its resource. */
  readonly lockResults = new Map<string, HeldResourceInfo['id']>();
  /** `const shouldCommit = await initTransaction(req)`: the variable → the transaction a helper opened (`transaction-helpers.ts`). */
  readonly transactionResults = new Map<string, HeldResourceInfo['id']>();

  constructor(
    readonly facts: TsFileFacts,
    readonly unitId: string,
    /** `ts:<file>#<Class>` when inside a class, for `this.method()`. */
    readonly className: string | undefined,
  ) {
    super();
    this.exceptionsLeaveUnit = true;
  }

  /**
   * Lowers code that runs once per process (a memoised factory's first call on a module
   * variable): its nodes are marked as one-time initialisation that outlives the call, as
   * PHP's `if ($pdo === null) { … }`, so the engine does not lend its slow work to callers
   * (a lock the code takes itself is still reported).
   */
  once<T>(lower: () => T): T {
    const outer = this.builder.currentOnce;
    this.builder.currentOnce ??= { perRequest: true };
    try {
      return lower();
    } finally {
      this.builder.currentOnce = outer;
    }
  }

  get catalog(): NodeCatalog {
    return this.facts.catalog;
  }

  span(node: ts.Node): Span {
    return { file: this.facts.file, start: node.getStart(this.facts.source), end: node.getEnd() };
  }

  line(node: ts.Node): number {
    return this.facts.lines.positionAt(node.getStart(this.facts.source)).line + 1;
  }

  text(node: ts.Node): string {
    return node.getText(this.facts.source);
  }

  /** True when the subtree is too deep to lower; reports it once per unit. */
  tooDeep(node: ts.Node): boolean {
    return this.tooDeepAt(this.span(node), this.facts.problems);
  }
}

/** A callback that runs with a resource held, found at the call that runs it. */
export interface ScopeOpen {
  readonly kind: string;
  readonly variable: string;
  readonly noun: string;
  readonly consequence: string;
  readonly api: string;
  readonly span: Span;
  readonly label: string;
  /** Said when it is still held at the end; absent: the default "never released" wording. */
  readonly releasedAtEnd?: string;
  /** A lock, not a connection (see `HeldResourceInfo.lock`). */
  readonly lock?: boolean;
  /**
   * The callback's parameter holds an acquired resource its body releases
   * (`pool.connect().then((client) => … client.release())`).
   */
  readonly held?: { readonly name: string; readonly entry: NodeHeldResource };
}
