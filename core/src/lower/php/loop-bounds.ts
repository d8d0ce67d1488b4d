import type { LoopBound } from '../../ir/cfg';
import type { SyntaxNode } from '../../parse/php';
import type { UnitContext } from './context';
import { nativeCallOf } from './native-calls';
import { numericValue } from './numbers';
import { countedWhileRounds } from './counted-while';

/**
 * How long a loop runs, when its header (or a `break` on a deadline at the top of its body)
 * says so: `for ($i = 0; $i < 30; $i++)` runs 30 rounds; `while (time() < $start + 25)`,
 * `while (microtime(true) - $start < 25)` and `if (time() > $deadline) break;` stop after
 * 25 s; a `while` that counts itself out runs its rounds (`counted-while.ts`). Read from the
 * syntax only: anything else has no bound.
 */
export function loopBound(ctx: UnitContext, node: SyntaxNode): LoopBound | undefined {
  const body = node.childForFieldName('body');
  const fromHeader =
    node.type === 'for_statement' ? forBound(ctx, node) : node.type === 'while_statement' || node.type === 'do_statement' ? whileBound(ctx, node) : undefined;
  return fromHeader ?? (body ? breakOnDeadline(ctx, body) : undefined);
}

function whileBound(ctx: UnitContext, node: SyntaxNode): LoopBound | undefined {
  const seconds = deadlineWhile(ctx, node.childForFieldName('condition'), 'continues');
  if (seconds !== undefined) return { seconds };
  // A `while` that counts its own rounds (`$delay < $delay_max` with `$delay += $step`).
  const iterations = node.type === 'while_statement' ? countedWhileRounds(ctx, node) : undefined;
  return iterations === undefined ? undefined : { iterations };
}

/** `for ($i = A; $i < B; $i++)` (or `<=`, `>`, `>=`, `--`, `+= k`, `-= k`): the rounds it runs. */
function forBound(ctx: UnitContext, node: SyntaxNode): LoopBound | undefined {
  const conditions = node.childrenForFieldName('condition').filter((c): c is SyntaxNode => c !== null);
  const condition = conditions[conditions.length - 1];
  const seconds = deadlineWhile(ctx, condition, 'continues');
  if (seconds !== undefined) return { seconds };
  const inits = node.childrenForFieldName('initialize').filter((c): c is SyntaxNode => c !== null);
  const updates = node.childrenForFieldName('update').filter((c): c is SyntaxNode => c !== null);
  if (!condition || condition.type !== 'binary_expression' || updates.length !== 1) return undefined;
  const step = counterStep(ctx, updates[0]!);
  if (!step) return undefined;
  const start = inits.map((init) => initialValue(ctx, init, step.variable)).find((v) => v !== undefined);
  if (start === undefined) return undefined;
  let operator = condition.childForFieldName('operator')?.text ?? '';
  let left = condition.childForFieldName('left');
  let right = condition.childForFieldName('right');
  if (right?.type === 'variable_name' && right.text === step.variable) {
    [left, right] = [right, left];
    operator = FLIPPED[operator] ?? '';
  }
  if (left?.type !== 'variable_name' || left.text !== step.variable) return undefined;
  const end = numericValue(ctx, right);
  if (end === undefined) return undefined;
  const span = step.by > 0 ? end - start : start - end;
  const rising = step.by > 0;
  let rounds: number | undefined;
  if ((rising && operator === '<') || (!rising && operator === '>') || operator === '!=' || operator === '!==') rounds = Math.ceil(span / Math.abs(step.by));
  else if ((rising && operator === '<=') || (!rising && operator === '>=')) rounds = Math.floor(span / Math.abs(step.by)) + 1;
  if (rounds === undefined || !Number.isFinite(rounds)) return undefined;
  return { iterations: Math.max(0, rounds) };
}

const FLIPPED: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '!=': '!=', '!==': '!==' };

/** `$i++`, `--$i`, `$i += 2`, `$i -= 1`: the counter and its step. */
function counterStep(ctx: UnitContext, update: SyntaxNode): { variable: string; by: number } | undefined {
  if (update.type === 'update_expression') {
    const variable = update.namedChildren.find((c) => c?.type === 'variable_name');
    if (!variable) return undefined;
    return { variable: variable.text, by: update.text.includes('++') ? 1 : -1 };
  }
  if (update.type === 'augmented_assignment_expression') {
    const variable = update.childForFieldName('left');
    const operator = update.childForFieldName('operator')?.text;
    const by = numericValue(ctx, update.childForFieldName('right'));
    if (variable?.type !== 'variable_name' || by === undefined || by === 0) return undefined;
    if (operator === '+=') return { variable: variable.text, by };
    if (operator === '-=') return { variable: variable.text, by: -by };
  }
  return undefined;
}

function initialValue(ctx: UnitContext, init: SyntaxNode, variable: string): number | undefined {
  if (init.type !== 'assignment_expression') return undefined;
  const left = init.childForFieldName('left');
  return left?.type === 'variable_name' && left.text === variable ? numericValue(ctx, init.childForFieldName('right')) : undefined;
}

/**
 * `if (time() > $deadline) break;` among the first statements of the body (before anything
 * that could `continue` past it): the loop ends at that deadline.
 */
function breakOnDeadline(ctx: UnitContext, body: SyntaxNode): LoopBound | undefined {
  const statements = body.type === 'compound_statement' || body.type === 'colon_block' ? body.namedChildren : [body];
  for (const statement of statements) {
    if (!statement || statement.type === 'comment') continue;
    if (statement.type !== 'if_statement' || statement.childrenForFieldName('alternative').some((a) => a !== null)) continue;
    if (!leaves(statement.childForFieldName('body'))) continue;
    const seconds = deadlineWhile(ctx, statement.childForFieldName('condition'), 'stops');
    if (seconds !== undefined) return { seconds };
  }
  return undefined;
}

/** A body that only leaves the loop: `break;`, `return …;`, `exit;`, or a block ending so. */
export function leaves(body: SyntaxNode | null): boolean {
  if (!body) return false;
  const statements = body.type === 'compound_statement' ? body.namedChildren.filter((c) => c && c.type !== 'comment') : [body];
  const last = statements[statements.length - 1];
  if (!last) return false;
  if (last.type === 'break_statement' || last.type === 'return_statement') return true;
  if (last.type === 'expression_statement') {
    const inner = last.namedChild(0);
    return inner?.type === 'exit_statement' || (inner?.type === 'function_call_expression' && ['exit', 'die'].includes(inner.childForFieldName('function')?.text.toLowerCase() ?? ''));
  }
  return last.type === 'exit_statement';
}

/**
 * The seconds after which `condition` stops the loop, when it compares a clock read with a
 * deadline: `continues` reads it as a loop condition (`time() < $deadline`), `stops` as the
 * condition of a `break` (`time() >= $deadline`). In a conjunction (`!$done && time() <
 * $deadline`) any deadline part bounds the loop.
 */
function deadlineWhile(ctx: UnitContext, condition: SyntaxNode | null | undefined, reading: 'continues' | 'stops'): number | undefined {
  if (!condition) return undefined;
  if (condition.type === 'parenthesized_expression') return deadlineWhile(ctx, condition.namedChild(0), reading);
  if (condition.type !== 'binary_expression') return undefined;
  const operator = condition.childForFieldName('operator')?.text ?? '';
  const left = condition.childForFieldName('left');
  const right = condition.childForFieldName('right');
  // The loop goes on only while both hold (`&&`), or stops when either holds (`||` in a break).
  if ((reading === 'continues' && (operator === '&&' || operator === 'and')) || (reading === 'stops' && (operator === '||' || operator === 'or'))) {
    const parts = [deadlineWhile(ctx, left, reading), deadlineWhile(ctx, right, reading)].filter((v): v is number => v !== undefined);
    return parts.length > 0 ? Math.min(...parts) : undefined;
  }
  const less = operator === '<' || operator === '<=';
  const greater = operator === '>' || operator === '>=';
  if (!less && !greater) return undefined;
  // Normalise to "elapsed-or-now OP limit" with the clock on the left.
  const clockOnLeft = clockElapsed(ctx, left) !== undefined;
  const [clockSide, limitSide] = clockOnLeft ? [left, right] : [right, left];
  const clockIsLess = clockOnLeft ? less : greater;
  // `continues` wants "clock < limit"; `stops` wants "clock > limit".
  if ((reading === 'continues') !== clockIsLess) return undefined;
  const clock = clockElapsed(ctx, clockSide);
  if (!clock) return undefined;
  if (clock.elapsed) {
    // `time() - $start < 25`
    const limit = numericValue(ctx, limitSide);
    return limit === undefined || limit < 0 ? undefined : limit * clock.unit;
  }
  // `time() < $start + 25`, `time() < $deadline` with `$deadline = time() + 25`.
  const offset = offsetFromClock(ctx, limitSide, clock.unit);
  return offset === undefined || offset < 0 ? undefined : offset;
}

/**
 * A clock read (`time()`, `microtime(true)`, `hrtime(true)`), or a clock read minus a start
 * time (`time() - $start`): `elapsed` then. `unit` converts the clock's unit to seconds.
 */
function clockElapsed(ctx: UnitContext, node: SyntaxNode | null | undefined): { elapsed: boolean; unit: number } | undefined {
  if (!node) return undefined;
  if (node.type === 'parenthesized_expression') return clockElapsed(ctx, node.namedChild(0));
  const unit = clockUnit(ctx, node);
  if (unit !== undefined) return { elapsed: false, unit };
  if (node.type === 'binary_expression' && node.childForFieldName('operator')?.text === '-') {
    const now = clockUnit(ctx, node.childForFieldName('left'));
    if (now !== undefined && startOfClock(ctx, node.childForFieldName('right'), 0)) return { elapsed: true, unit: now };
  }
  return undefined;
}

/** Seconds per unit of a clock call: 1 for `time()`, 1e-9 for `hrtime(true)`. */
function clockUnit(ctx: UnitContext, node: SyntaxNode | null | undefined): number | undefined {
  if (node?.type === 'parenthesized_expression') return clockUnit(ctx, node.namedChild(0));
  const api = node ? nativeCallOf(ctx, node)?.api : undefined;
  return api?.effect === 'time-check' ? (api.secondsPerUnit ?? 1) : undefined;
}

/** A variable holding a clock read (`$start = time()`), or the read itself. */
function startOfClock(ctx: UnitContext, node: SyntaxNode | null | undefined, depth: number): boolean {
  if (!node || depth > 3) return false;
  if (clockUnit(ctx, node) !== undefined) return true;
  if (node.type === 'variable_name') return startOfClock(ctx, ctx.singleAssignments.get(node.text), depth + 1);
  return false;
}

/**
 * The seconds a deadline lies after the clock read it was computed from: `$start + 25`
 * (`$start = time()`), `time() + 25`, or a variable assigned one of those.
 */
function offsetFromClock(ctx: UnitContext, node: SyntaxNode | null | undefined, unit: number, depth = 0): number | undefined {
  if (!node || depth > 3) return undefined;
  if (node.type === 'parenthesized_expression') return offsetFromClock(ctx, node.namedChild(0), unit, depth);
  if (node.type === 'variable_name') return offsetFromClock(ctx, ctx.singleAssignments.get(node.text), unit, depth + 1);
  if (node.type !== 'binary_expression' || node.childForFieldName('operator')?.text !== '+') return undefined;
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  for (const [start, offset] of [[left, right], [right, left]] as const) {
    if (!startOfClock(ctx, start, depth)) continue;
    const value = numericValue(ctx, offset);
    if (value !== undefined) return value * unit;
  }
  return undefined;
}
