import * as ts from 'typescript';
import type { NodeCatalog, NodeHeldResource } from '../../catalog';
import { CfgBuilder, type Cursor, type PendingEdge } from '../../ir/cfg-builder';
import type { CallTarget, Effect } from '../../ir/effects';
import type { HeldResourceInfo } from '../../ir/unit';
import type { Span } from '../../model/span';
import type { LineIndex } from '../../text/line-index';
import type { ImportFacts, ImportRef } from './imports';

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

/** Deeper than this, a subtree is skipped (and reported) rather than risking the stack. */
export const MAX_NESTING = 400;
/** Copies of `finally` blocks per unit; past it, jumps skip the block (imprecise, bounded). */
export const MAX_FINALLY_COPIES = 64;

/** A variable holding an acquired resource in this unit. */
export interface HeldVariable {
  readonly info: HeldResourceInfo;
  readonly entry: NodeHeldResource;
}

export class TsUnitContext {
  readonly builder = new CfgBuilder();
  readonly jumps: TsJumpFrame[] = [];
  /** Parameter name → its position (for `callback()`). */
  readonly parameters = new Map<string, number>();
  /** Variable name → the resource it holds, once acquired in this unit. */
  readonly held = new Map<string, HeldVariable>();
  depth = 0;
  finallyCopies = 0;
  private reportedTooDeep = false;

  constructor(
    readonly facts: TsFileFacts,
    readonly unitId: string,
    /** `ts:<file>#<Class>` when inside a class, for `this.method()`. */
    readonly className: string | undefined,
  ) {}

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

  emit(cursor: Cursor, effect?: Effect): Cursor {
    if (cursor.length === 0) return cursor;
    const { cursor: next, node } = this.builder.emit(cursor, effect);
    if (effect && effect.kind !== 'assume' && effect.kind !== 'read' && effect.kind !== 'call-result') this.addExceptionEdge(node);
    return next;
  }

  private addExceptionEdge(node: number): void {
    const target = this.exceptionTarget(this.jumps.length);
    if (target !== undefined) this.builder.addEdge(node, target);
  }

  /** The node an exception raised with `jumps[0..depth)` in force goes to (undefined: none here). */
  exceptionTarget(depth: number): number | undefined {
    for (let i = depth - 1; i >= 0; i--) {
      const frame = this.jumps[i]!;
      if (frame.kind === 'catch') return frame.dispatch;
      if (frame.kind === 'finally') {
        if (frame.exceptionEntry === undefined) {
          const entry = this.builder.newNode();
          frame.exceptionEntry = entry.id;
          const after = this.lowerFinallyCopy(frame.body, [{ from: entry.id }], i);
          this.rethrow(after, i);
        }
        return frame.exceptionEntry;
      }
    }
    return undefined;
  }

  /** Sends `cursor` to the handler an exception would reach from jump depth `depth`. */
  rethrow(cursor: Cursor, depth: number): void {
    const target = this.exceptionTarget(depth);
    this.builder.connect(cursor, target ?? this.builder.throwExit);
  }

  /** Set by the statement lowering (it knows how to lower blocks), to break the module cycle. */
  lowerFinallyCopy: (body: ts.Block, cursor: Cursor, frameIndex: number) => Cursor = (_b, cursor) => cursor;

  /** True when the subtree is too deep to lower; reports it once per unit. */
  tooDeep(node: ts.Node): boolean {
    if (this.depth < MAX_NESTING) return false;
    if (!this.reportedTooDeep) {
      this.reportedTooDeep = true;
      this.facts.problems.push({
        span: this.span(node),
        message: `code nested more than ${MAX_NESTING} levels deep; the inner part was not analysed`,
      });
    }
    return true;
  }
}
