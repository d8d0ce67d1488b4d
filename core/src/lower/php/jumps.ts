import type { Cursor } from '../../ir/cfg-builder';
import type { SyntaxNode } from '../../parse/php';
import { MAX_FINALLY_COPIES, type UnitContext } from './context';

/**
 * `return`, `break n` and `continue n`: run every `finally` block on the way out, then
 * reach the target. PHP counts `switch` as a loop level for both.
 */
export function jumpOut(
  ctx: UnitContext,
  cursor: Cursor,
  kind: 'return' | 'break' | 'continue',
  levels = 1,
  returned: 'true' | 'false' | 'other' = 'other',
): void {
  let current = cursor;
  let remaining = Math.max(1, levels);
  for (let i = ctx.jumps.length - 1; i >= 0 && current.length > 0; i--) {
    const frame = ctx.jumps[i]!;
    if (frame.kind === 'finally') {
      current = ctx.lowerFinallyCopy(frame.body, current, i);
    } else if (frame.kind === 'loop' && kind !== 'return') {
      remaining--;
      if (remaining === 0) {
        (kind === 'break' ? frame.breaks : frame.continues).push(...current);
        return;
      }
    }
  }
  // `return`, or a `break` with no loop around it (a fatal error in PHP): the unit ends.
  if (kind !== 'return') {
    ctx.builder.connect(current, ctx.builder.exit);
    return;
  }
  // `return $value;` may be either: it reaches both outcomes (each still exact for literals).
  if (returned !== 'false') ctx.builder.connect(current, ctx.builder.returnsTrue);
  if (returned !== 'true') ctx.builder.connect(current, ctx.builder.returnsFalse);
}

/** Installs the `finally` copier on the context; `lowerBlock` lowers a statement. */
export function installFinallyCopier(
  ctx: UnitContext,
  lowerBlock: (ctx: UnitContext, node: SyntaxNode, cursor: Cursor) => Cursor,
): void {
  ctx.lowerFinallyCopy = (body, cursor, frameIndex) => {
    if (ctx.finallyCopies >= MAX_FINALLY_COPIES) return cursor;
    ctx.finallyCopies++;
    const frame = ctx.jumps[frameIndex];
    const savedLoop = ctx.builder.currentLoop;
    // The copy belongs to the loop around the `try`, not to a loop the jump comes from.
    if (frame?.kind === 'finally') ctx.builder.currentLoop = frame.loop;
    const outer = ctx.jumps.splice(frameIndex);
    try {
      return lowerBlock(ctx, body, cursor);
    } finally {
      ctx.jumps.push(...outer);
      ctx.builder.currentLoop = savedLoop;
    }
  };
}
