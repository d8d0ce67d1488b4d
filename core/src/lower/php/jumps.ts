import type { Cursor } from '../../ir/cfg-builder';
import type { UnitContext } from './context';

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
  // `return $value;` may be either outcome: it reaches both (each still exact for literals).
  ctx.leaveUnit(current, kind, returned);
}
