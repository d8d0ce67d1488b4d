import type { ApiEntry } from '../../catalog';
import { NESTED_UNITS } from './unit-scope';
import type { SyntaxNode } from '../../parse/php';
import type { UnitContext } from './context';
import { lookupMethod } from './calls';
import { stripLeadingBackslash, withoutParentheses } from './literals';
import { typeOf } from './types';

/**
 * Whether an `if` is taken only when an I/O call failed: its condition, or one test of its
 * top-level `&&` chain, checks a local variable for failure (`$result === false`, `false ==
 * $result`, `!$result`), and the unit assigns that variable the result of an I/O call (a
 * catalog API that is slow work, a query, a file or network operation, or that opens a
 * connection or statement: `mysqli_connect()`). The failed-query
 * handler that prints an error, mails the administrator and dies is such a branch; whether
 * its path ends the request is for the flow to tell (`flow/held.ts`).
 */
export function isFailedCallTest(ctx: UnitContext, condition: SyntaxNode): boolean {
  return conjuncts(condition).some((test) => {
    const variable = failureTested(test);
    return variable !== undefined && assignedFromIo(ctx, variable);
  });
}

/** The tests of a condition's top-level `&&` chain (each must hold for the body to run). */
export function conjuncts(node: SyntaxNode): SyntaxNode[] {
  const inner = withoutParentheses(node);
  if (inner.type === 'binary_expression') {
    const operator = inner.childForFieldName('operator')?.text.toLowerCase();
    const left = inner.childForFieldName('left');
    const right = inner.childForFieldName('right');
    if ((operator === '&&' || operator === 'and') && left && right) return [...conjuncts(left), ...conjuncts(right)];
  }
  return [inner];
}

/** `$v === false`, `false == $v`, `!$v`: the variable tested for failure. */
function failureTested(test: SyntaxNode): string | undefined {
  const tested = failureTestedValue(test);
  return tested?.type === 'variable_name' ? tested.text : undefined;
}

/** `!x`, `x === false`, `false == x`: the value (a variable, a call…) tested for failure. */
export function failureTestedValue(test: SyntaxNode): SyntaxNode | undefined {
  if (test.type === 'unary_op_expression' && test.children.some((c) => c !== null && !c.isNamed && c.text === '!')) {
    const argument = test.childForFieldName('argument') ?? test.namedChild(0);
    return argument ? withoutParentheses(argument) : undefined;
  }
  if (test.type !== 'binary_expression') return undefined;
  const operator = test.childForFieldName('operator')?.text;
  if (operator !== '===' && operator !== '==') return undefined;
  const left = test.childForFieldName('left');
  const right = test.childForFieldName('right');
  if (!left || !right) return undefined;
  const isFalse = (node: SyntaxNode): boolean => withoutParentheses(node).text.toLowerCase() === 'false';
  if (isFalse(right)) return withoutParentheses(left);
  if (isFalse(left)) return withoutParentheses(right);
  return undefined;
}

/** Per unit: the variables it assigns the result of an I/O call. */
const ioVariables = new WeakMap<SyntaxNode, ReadonlySet<string>>();

function assignedFromIo(ctx: UnitContext, variable: string): boolean {
  const unit = ctx.unitNode;
  if (!unit) return false;
  let found = ioVariables.get(unit);
  if (!found) {
    const names = new Set<string>();
    const stack: SyntaxNode[] = [unit];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node !== unit && NESTED_UNITS.has(node.type)) continue;
      if (node.type === 'assignment_expression') {
        const left = node.childForFieldName('left');
        const right = node.childForFieldName('right');
        if (left?.type === 'variable_name' && right && isIoCall(ctx, withoutParentheses(right))) names.add(left.text);
      }
      for (const child of node.namedChildren) if (child) stack.push(child);
    }
    found = names;
    ioVariables.set(unit, found);
  }
  return found.has(variable);
}

/**
 * A call of a catalog API that does I/O: slow work (whatever this call's arguments make of it),
 * or one that opens a handle the catalog models (`mysqli_connect()`, a prepared statement).
 */
function isIoCall(ctx: UnitContext, call: SyntaxNode): boolean {
  if (call.type === 'function_call_expression') {
    const callee = call.childForFieldName('function');
    if (!callee || (callee.type !== 'name' && callee.type !== 'qualified_name')) return false;
    return isIo(ctx.catalog.functions[stripLeadingBackslash(callee.text).toLowerCase()]);
  }
  if (call.type === 'member_call_expression') {
    const className = typeOf(ctx, call.childForFieldName('object'));
    const method = call.childForFieldName('name')?.text.toLowerCase();
    return className !== undefined && method !== undefined && isIo(lookupMethod(ctx, className, method));
  }
  return false;
}

function isIo(entry: ApiEntry | undefined): boolean {
  return entry !== undefined && (entry.effect === 'slow' || entry.returns !== undefined);
}
