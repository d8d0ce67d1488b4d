import { CfgBuilder, type Cursor } from '../ir/cfg-builder';
import type { Effect } from '../ir/effects';

import type { Span } from '../model/span';

/** Deeper than this, a subtree is skipped (and reported) rather than risking the stack. */
export const MAX_NESTING = 400;

/** Copies of `finally` blocks per unit; past it, jumps skip the block (imprecise, bounded). */
export const MAX_FINALLY_COPIES = 64;

/** The frames every language's jump stack has besides its loops (`B`: a block of its syntax). */
export type HandlerFrame<B> =
  | { readonly kind: 'catch'; readonly dispatch: number }
  | { readonly kind: 'finally'; readonly body: B; readonly loop: number | undefined; exceptionEntry?: number };

/**
 * The part of a unit's lowering that every language adapter shares: the CFG builder, the
 * jump stack, exception edges from effects to the innermost handler, `finally` blocks
 * copied onto each way out of their `try` (with the frames outside them in force), and the
 * nesting guard.
 */
export class JumpStack<B, F extends { readonly kind: 'loop' } | HandlerFrame<B>> {
  readonly builder = new CfgBuilder();
  readonly jumps: F[] = [];
  finallyCopies = 0;
  /** Current syntax nesting, counted by the adapters' recursive lowering. */
  depth = 0;
  /**
   * Outside any `try`, slow work and calls may throw out of the unit (an edge to its
   * `throwExit`), so a resource released only on the normal path is seen to stay held (TS).
   */
  protected exceptionsLeaveUnit = false;
  private reportedTooDeep = false;
  private lowerBlock: (body: B, cursor: Cursor) => Cursor = (_body, cursor) => cursor;

  /**
   * True when the lowering is nested too deep to go on at `span`; the first time in a unit,
   * it is added to `problems` (reported as an input error).
   */
  protected tooDeepAt(span: Span, problems: { span: Span; message: string }[]): boolean {
    if (this.depth < MAX_NESTING) return false;
    if (!this.reportedTooDeep) {
      this.reportedTooDeep = true;
      problems.push({ span, message: `code nested more than ${MAX_NESTING} levels deep; the inner part was not analysed` });
    }
    return true;
  }

  /** Set by the adapter's statement lowering (it knows how to lower blocks). */
  setBlockLowering(lower: (body: B, cursor: Cursor) => Cursor): void {
    this.lowerBlock = lower;
  }

  emit(cursor: Cursor, effect?: Effect): Cursor {
    if (cursor.length === 0) return cursor;
    const { cursor: next, node } = this.builder.emit(cursor, effect);
    // Any effect inside a `try` may throw: the handler sees the state after it.
    if (effect && effect.kind !== 'assume' && effect.kind !== 'read' && effect.kind !== 'call-result' && effect.kind !== 'fact') {
      const target = this.exceptionTarget(this.jumps.length);
      if (target !== undefined) this.builder.addEdge(node, target);
      else if (this.exceptionsLeaveUnit && (effect.kind === 'slow' || effect.kind === 'call')) this.builder.addEdge(node, this.builder.throwExit);
    }
    return next;
  }

  /**
   * The node an exception raised with `jumps[0..depth)` in force goes to, creating the
   * `finally` copy for exceptions on first use. Undefined: no handler in this unit.
   */
  exceptionTarget(depth: number): number | undefined {
    for (let i = depth - 1; i >= 0; i--) {
      const frame: { readonly kind: 'loop' } | HandlerFrame<B> = this.jumps[i]!;
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

  /** Lowers a copy of a `finally` body with only the frames outside it in force. */
  lowerFinallyCopy(body: B, cursor: Cursor, frameIndex: number): Cursor {
    if (this.finallyCopies >= MAX_FINALLY_COPIES) return cursor;
    this.finallyCopies++;
    const frame: { readonly kind: 'loop' } | HandlerFrame<B> | undefined = this.jumps[frameIndex];
    const savedLoop = this.builder.currentLoop;
    // The copy belongs to the loop around the `try`, not to a loop the jump comes from.
    if (frame?.kind === 'finally') this.builder.currentLoop = frame.loop;
    const outer = this.jumps.splice(frameIndex);
    try {
      return this.lowerBlock(body, cursor);
    } finally {
      this.jumps.push(...outer);
      this.builder.currentLoop = savedLoop;
    }
  }

  /**
   * A jump no frame of the unit took: `return` reaches the unit's outcomes; a `break` or
   * `continue` with no loop around it ends the unit (a fatal error in PHP, a syntax error in TS).
   */
  leaveUnit(cursor: Cursor, kind: 'return' | 'break' | 'continue', returned: 'true' | 'false' | 'other'): void {
    if (kind === 'return') this.connectReturn(cursor, returned);
    else this.builder.connect(cursor, this.builder.exit);
  }

  /** `return true;` reaches the truthy exit only, `return false;`/`return;` the falsy one, any other value both. */
  connectReturn(cursor: Cursor, returned: 'true' | 'false' | 'other'): void {
    if (returned !== 'false') this.builder.connect(cursor, this.builder.returnsTrue);
    if (returned !== 'true') this.builder.connect(cursor, this.builder.returnsFalse);
  }
}
