import type { SyntaxNode } from '../../parse/php';
import type { UnitContext } from './context';
import { numericValue } from './numbers';

/**
 * The rounds of a `while` loop that counts itself out: a condition part `$n < LIMIT` (or `<=`,
 * or written the other way round), the body adding a literal step to `$n` as one of its own
 * statements, nothing else in the body changing `$n` or skipping that statement (`continue`), and
 * `$n` set to a number by the statement just before the loop. Observium's exit poll:
 * `$delay = 0; while ($status['running'] && $delay < $delay_max) { usleep($delay_step); …;
 * $delay += $delay_step; }` runs at most 150000 / 5000 = 30 rounds (150 ms of sleeps). Other
 * conditions joined with `&&` may stop it sooner, never later. Read from the syntax only.
 */
export function countedWhileRounds(ctx: UnitContext, loop: SyntaxNode): number | undefined {
  const body = loop.childForFieldName('body');
  if (!body || body.type !== 'compound_statement') return undefined;
  for (const limit of counterLimits(ctx, loop.childForFieldName('condition'))) {
    const step = stepOf(ctx, body, limit.variable);
    if (step === undefined) continue;
    const start = startBefore(ctx, loop, limit.variable);
    if (start === undefined) continue;
    const span = limit.value - start;
    const rounds = limit.inclusive ? Math.floor(span / step) + 1 : Math.ceil(span / step);
    if (Number.isFinite(rounds)) return Math.max(0, rounds);
  }
  return undefined;
}

interface CounterLimit {
  readonly variable: string;
  readonly value: number;
  readonly inclusive: boolean;
}

/** The `$n < LIMIT` parts of a loop condition (through `&&`, `and` and parentheses). */
function counterLimits(ctx: UnitContext, condition: SyntaxNode | null | undefined): CounterLimit[] {
  if (!condition) return [];
  if (condition.type === 'parenthesized_expression') return counterLimits(ctx, condition.namedChild(0));
  if (condition.type !== 'binary_expression') return [];
  const operator = condition.childForFieldName('operator')?.text ?? '';
  const left = condition.childForFieldName('left');
  const right = condition.childForFieldName('right');
  if (operator === '&&' || operator === 'and') return [...counterLimits(ctx, left), ...counterLimits(ctx, right)];
  const flipped: Record<string, string> = { '>': '<', '>=': '<=' };
  const [counter, bound, op] = left?.type === 'variable_name' ? [left, right, operator] : [right, left, flipped[operator] ?? ''];
  if (counter?.type !== 'variable_name' || (op !== '<' && op !== '<=')) return [];
  const value = numericValue(ctx, bound);
  return value === undefined ? [] : [{ variable: counter.text, value, inclusive: op === '<=' }];
}

/**
 * The positive literal step the body adds to `variable` once per round: one statement of the
 * body itself (`$n += k;`, `$n++;`), no other write of `$n` anywhere in the body, no `continue`.
 */
function stepOf(ctx: UnitContext, body: SyntaxNode, variable: string): number | undefined {
  let step: number | undefined;
  for (const statement of body.namedChildren) {
    const expression = statement?.type === 'expression_statement' ? statement.namedChild(0) : undefined;
    const by = expression ? increment(ctx, expression, variable) : undefined;
    if (by === undefined) continue;
    if (step !== undefined) return undefined;
    step = by;
  }
  if (step === undefined || step <= 0) return undefined;
  let writes = 0;
  const stack: SyntaxNode[] = [body];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'continue_statement') return undefined;
    if (writesVariable(node, variable)) writes++;
    for (const child of node.namedChildren) if (child) stack.push(child);
  }
  return writes === 1 ? step : undefined;
}

/** `$n += k` (k a number the code spells), `$n++`, `++$n`: the step; undefined for anything else. */
function increment(ctx: UnitContext, expression: SyntaxNode, variable: string): number | undefined {
  if (expression.type === 'update_expression') {
    const target = expression.namedChildren.find((c) => c?.type === 'variable_name');
    return target?.text === variable && expression.text.includes('++') ? 1 : undefined;
  }
  if (expression.type === 'augmented_assignment_expression' && expression.childForFieldName('operator')?.text === '+=') {
    const target = expression.childForFieldName('left');
    return target?.type === 'variable_name' && target.text === variable ? numericValue(ctx, expression.childForFieldName('right')) : undefined;
  }
  return undefined;
}

function writesVariable(node: SyntaxNode, variable: string): boolean {
  if (node.type === 'assignment_expression' || node.type === 'augmented_assignment_expression' || node.type === 'reference_assignment_expression') {
    const target = node.childForFieldName('left');
    return target?.type === 'variable_name' && target.text === variable;
  }
  if (node.type === 'update_expression') return node.namedChildren.some((c) => c?.type === 'variable_name' && c.text === variable);
  return false;
}

/**
 * The number `variable` holds as the loop starts: the nearest statement before the loop, in the
 * same block, that writes it must be `$n = <number>;` (statements between that leave it alone).
 */
function startBefore(ctx: UnitContext, loop: SyntaxNode, variable: string): number | undefined {
  for (let statement = loop.previousNamedSibling; statement; statement = statement.previousNamedSibling) {
    const stack: SyntaxNode[] = [statement];
    let writes = false;
    while (stack.length > 0 && !writes) {
      const node = stack.pop()!;
      if (writesVariable(node, variable)) writes = true;
      for (const child of node.namedChildren) if (child) stack.push(child);
    }
    if (!writes) continue;
    const expression = statement.type === 'expression_statement' ? statement.namedChild(0) : undefined;
    if (expression?.type !== 'assignment_expression' || expression.childForFieldName('left')?.text !== variable) return undefined;
    return numericValue(ctx, expression.childForFieldName('right'));
  }
  return undefined;
}
