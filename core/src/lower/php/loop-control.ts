import type { SyntaxNode } from '../../parse/php';
import type { UnitContext } from './context';
import { NESTED_UNITS } from './unit-scope';
import { nativeCallOf } from './native-calls';
import { leaves } from './loop-bounds';

/**
 * Which clock reads decide when a loop ends, and so make it a polling loop. A poll waits for
 * time to pass: the clock is read in the loop's own condition (`while (time() < $deadline)`) or
 * in the condition of an `if` that leaves the loop (`if (time() > $deadline) break;`). Not:
 *
 * - a clock read that only compares data, row by row (`if ($row['start'] < date('Y-m-d',
 *   time())) …` in a loop over query results): the loop ends when the rows do;
 * - a catch-up computation (`while ($next <= time()) $next += $interval;`): the body moves the
 *   value compared with the clock, so the loop ends by arithmetic, not by waiting.
 */

/**
 * Whether the clock reads in this loop's condition decide when it ends: not when every
 * comparison with the clock reads a variable the body (or a `for` update) changes.
 */
export function conditionWaitsOnClock(ctx: UnitContext, loop: SyntaxNode): boolean {
  const condition = loopCondition(loop);
  if (!condition) return true;
  const comparisons = clockComparisons(ctx, condition);
  if (comparisons.length === 0) return true;
  const moved = new Set<string>();
  const body = loop.childForFieldName('body');
  if (body) for (const name of assignedVariables(body)) moved.add(name);
  if (loop.type === 'for_statement') for (const step of loop.childrenForFieldName('update')) if (step) for (const name of assignedVariables(step)) moved.add(name);
  return comparisons.some((comparison) => !readVariables(comparison).some((name) => moved.has(name)));
}

const ORDER = new Set(['<', '<=', '>', '>=']);

/** The ordering comparisons of `condition` with a clock read on one side. */
function clockComparisons(ctx: UnitContext, condition: SyntaxNode): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  const stack = [condition];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === 'binary_expression' && ORDER.has(current.childForFieldName('operator')?.text ?? '') && readsClock(ctx, current)) {
      found.push(current);
      continue;
    }
    for (const child of current.namedChildren) if (child) stack.push(child);
  }
  return found;
}

function readsClock(ctx: UnitContext, node: SyntaxNode): boolean {
  const stack = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (nativeCallOf(ctx, current)?.api?.effect === 'time-check') return true;
    for (const child of current.namedChildren) if (child) stack.push(child);
  }
  return false;
}

/** Whether an `if` with this body, inside a loop, leaves the loop when its condition holds. */
export function ifLeavesLoop(ctx: UnitContext, body: SyntaxNode | null): boolean {
  return ctx.builder.currentLoop !== undefined && leaves(body);
}

function loopCondition(loop: SyntaxNode): SyntaxNode | undefined {
  if (loop.type === 'for_statement') {
    const conditions = loop.childrenForFieldName('condition').filter((c): c is SyntaxNode => c !== null);
    return conditions[conditions.length - 1];
  }
  return loop.childForFieldName('condition') ?? undefined;
}

const ASSIGNMENTS = new Set(['assignment_expression', 'augmented_assignment_expression', 'reference_assignment_expression']);

/** The plain variables `node` assigns (`$x = …`, `$x += …`, `$x++`), outside nested units. */
function assignedVariables(node: SyntaxNode): Set<string> {
  const names = new Set<string>();
  const stack = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (NESTED_UNITS.has(current.type)) continue;
    if (ASSIGNMENTS.has(current.type)) {
      const left = current.childForFieldName('left');
      if (left?.type === 'variable_name') names.add(left.text);
    }
    if (current.type === 'update_expression') {
      const variable = current.namedChildren.find((c) => c?.type === 'variable_name');
      if (variable) names.add(variable.text);
    }
    for (const child of current.namedChildren) if (child) stack.push(child);
  }
  return names;
}

/** The plain variables `node` reads. */
function readVariables(node: SyntaxNode): string[] {
  const names: string[] = [];
  const stack = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === 'variable_name') names.push(current.text);
    for (const child of current.namedChildren) if (child) stack.push(child);
  }
  return names;
}
