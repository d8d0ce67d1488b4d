import type { SyntaxNode } from '../../parse/php';
import type { UnitContext } from './context';
import { NESTED_UNITS } from './unit-scope';
import { nativeCallOf } from './native-calls';
import { conjuncts, failureTestedValue } from './failure-guards';
import { stripLeadingBackslash, withoutParentheses } from './literals';

/**
 * Branches and loops that run only when a call that fails only on an error failed. A blocking
 * `flock($fp, LOCK_EX)` waits until it has the lock: it returns `false` only when locking is
 * impossible (a file system without locks), so
 *
 *     do {
 *         $locked = flock($fp, LOCK_EX);
 *         if (!$locked) usleep(rand(0, 100) * 1000);      // only after an error
 *     } while (!$locked && microtime(true) - $start < 5); // goes round only after an error
 *
 * sleeps and polls only on an error path. Which calls fail so is catalog data
 * (`ApiEntry.failsOnlyOnError`).
 */

/** The call (`flock()`) whose failure `condition` requires, one test of its `&&` chain, if any. */
export function failedErrorOnlyCall(ctx: UnitContext, condition: SyntaxNode): string | undefined {
  for (const test of conjuncts(condition)) {
    const tested = failureTestedValue(test);
    const call = tested && errorOnlyCallOf(ctx, tested);
    if (call) return call;
  }
  return undefined;
}

/** The error-only call `value` is, or that a local variable holds at every assignment. */
function errorOnlyCallOf(ctx: UnitContext, value: SyntaxNode): string | undefined {
  if (value.type === 'function_call_expression') return errorOnlyCall(ctx, value);
  if (value.type !== 'variable_name') return undefined;
  const assigned = assignmentsIn(ctx).get(value.text);
  if (!assigned || assigned.length === 0) return undefined;
  const calls = assigned.map((right) => errorOnlyCall(ctx, withoutParentheses(right)));
  return calls.every((call) => call !== undefined && call === calls[0]) ? calls[0] : undefined;
}

/** `flock($fp, LOCK_EX)` with a catalog entry that fails only on an error, as called here. */
function errorOnlyCall(ctx: UnitContext, call: SyntaxNode): string | undefined {
  const native = nativeCallOf(ctx, call);
  const fails = native?.api?.failsOnlyOnError;
  if (!native || !fails) return undefined;
  const unless = fails.unlessArgumentNames;
  if (unless) {
    const argument = argumentsOf(call)[unless.index];
    const names = argument ? constantNames(argument) : undefined;
    if (!names || names.some((n) => unless.names.includes(n))) return undefined;
  }
  return `${native.name}()`;
}

/** The expressions of a call's arguments (a named argument's value, not its name). */
export function argumentsOf(call: SyntaxNode): SyntaxNode[] {
  const list = call.childForFieldName('arguments');
  return (list?.namedChildren ?? []).filter((a): a is SyntaxNode => a?.type === 'argument').map((a) => a.namedChild(a.namedChildCount - 1)!).filter(Boolean);
}

/** `LOCK_EX`, `LOCK_EX | LOCK_NB`: the constants named, upper-case; undefined for anything else. */
function constantNames(node: SyntaxNode): string[] | undefined {
  const inner = withoutParentheses(node);
  if (inner.type === 'name' || inner.type === 'qualified_name') return [stripLeadingBackslash(inner.text).toUpperCase()];
  if (inner.type === 'binary_expression' && inner.childForFieldName('operator')?.text === '|') {
    const left = inner.childForFieldName('left');
    const right = inner.childForFieldName('right');
    const a = left ? constantNames(left) : undefined;
    const b = right ? constantNames(right) : undefined;
    return a && b ? [...a, ...b] : undefined;
  }
  return undefined;
}


/** Per unit: each local's plain assignments (right sides); a local written otherwise has none. */
const assignmentsByUnit = new WeakMap<SyntaxNode, ReadonlyMap<string, readonly SyntaxNode[]>>();

function assignmentsIn(ctx: UnitContext): ReadonlyMap<string, readonly SyntaxNode[]> {
  const unit = ctx.unitNode;
  if (!unit) return new Map();
  let found = assignmentsByUnit.get(unit);
  if (found) return found;
  const plain = new Map<string, SyntaxNode[]>();
  const other = new Set<string>();
  const stack: SyntaxNode[] = [unit];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node !== unit && NESTED_UNITS.has(node.type)) continue;
    if (node.type === 'assignment_expression' || node.type === 'augmented_assignment_expression' || node.type === 'reference_assignment_expression') {
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      if (left?.type === 'variable_name') {
        if (node.type === 'assignment_expression' && right) plain.set(left.text, [...(plain.get(left.text) ?? []), right]);
        else other.add(left.text);
      }
    }
    for (const child of node.namedChildren) if (child) stack.push(child);
  }
  for (const name of other) plain.delete(name);
  found = plain;
  assignmentsByUnit.set(unit, found);
  return found;
}
