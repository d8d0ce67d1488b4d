import type { SyntaxNode } from '../../parse/php';
import { literalString } from './session-access';
import { truthy, type Literal } from '../../ir/predicate-shape';

/** Literal values as the lowering reads them from the syntax tree, and PHP's truthiness of them. */

/** What a parenthesized expression holds (`(…)`), its comments skipped. */
export function parenthesizedInner(node: SyntaxNode): SyntaxNode | undefined {
  return node.namedChildren.find((c) => c !== null && c.type !== 'comment') ?? undefined;
}

/** The expression inside any number of parentheses (`((x))` → `x`); the node itself when it has none. */
export function withoutParentheses(node: SyntaxNode): SyntaxNode {
  let inner = node;
  while (inner.type === 'parenthesized_expression' && inner.namedChild(0)) inner = inner.namedChild(0)!;
  return inner;
}

/** The operand of a negation (`!x`), or undefined when the node is not one. */
export function negatedOperand(node: SyntaxNode): SyntaxNode | undefined {
  if (node.type !== 'unary_op_expression' || !node.children.some((c) => c !== null && !c.isNamed && c.text === '!')) return undefined;
  return node.childForFieldName('argument') ?? node.namedChild(0) ?? undefined;
}

export function stripLeadingBackslash(name: string): string {
  return name.startsWith('\\') ? name.slice(1) : name;
}

export { truthy, type Literal } from '../../ir/predicate-shape';

/** The function a call names as written (`\Foo\bar(…)` → `foo\bar`), lower-case; undefined for `$f()` and methods. */
export function calledName(node: SyntaxNode): string | undefined {
  if (node.type !== 'function_call_expression') return undefined;
  const callee = node.childForFieldName('function');
  if (!callee || (callee.type !== 'name' && callee.type !== 'qualified_name')) return undefined;
  return stripLeadingBackslash(callee.text).toLowerCase();
}

/** The `argument` nodes of a call (`f($a, b: $c)`), in order; empty when it has no argument list. */
export function callArguments(call: SyntaxNode): SyntaxNode[] {
  return call.childForFieldName('arguments')?.namedChildren.filter((c): c is SyntaxNode => c?.type === 'argument') ?? [];
}

/** The value an `argument` node passes (`f(name: $v)`: `$v`, not the parameter's name). */
export function argumentValue(arg: SyntaxNode): SyntaxNode | null {
  return arg.namedChildren.find((c) => c?.type !== 'name') ?? arg.namedChild(0);
}

/** The literal a node writes (`null`, `true`, `0`, `'x'`), or undefined. */
export function literalOf(node: SyntaxNode | null | undefined): Literal | undefined {
  if (!node) return undefined;
  if (node.type === 'parenthesized_expression') return literalOf(node.namedChild(0));
  if (node.type === 'null') return null;
  if (node.type === 'boolean') return node.text.toLowerCase() === 'true';
  if (node.type === 'integer') {
    const value = Number(node.text.split('_').join(''));
    return Number.isSafeInteger(value) ? value : undefined;
  }
  // `-368000`: a negative number is written as a minus before the integer.
  if (node.type === 'unary_op_expression' && node.child(0)?.text === '-' && node.namedChildCount === 1) {
    const operand = literalOf(node.namedChild(0));
    return typeof operand === 'number' && operand !== 0 ? -operand : undefined;
  }
  const text = literalString(node);
  return text;
}

/** An array literal with no element (`[]`, `array()`; a comment inside is no element). */
export function isEmptyArray(node: SyntaxNode): boolean {
  return node.type === 'array_creation_expression' && !node.namedChildren.some((c) => c?.type === 'array_element_initializer');
}

/** PHP's truthiness of what a node writes: a literal, or an array literal (true when it has an element). */
export function literalTruth(node: SyntaxNode): boolean | undefined {
  if (node.type === 'array_creation_expression') return !isEmptyArray(node);
  const literal = literalOf(node);
  return literal === undefined ? undefined : truthy(literal);
}

