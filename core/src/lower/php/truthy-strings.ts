import type { SyntaxNode } from '../../parse/php';
import { truthy } from '../../ir/predicate-shape';
import { literalOf } from './literals';

/**
 * Values PHP never reads as false although the analysis does not know them: a string built
 * with a literal part that is itself truthy (`'/index.php?rt=' . $route`, `"Location: $url"`).
 * PHP's only falsy strings are `''` and `'0'`; a result containing a part of two or more
 * characters, or one character other than `'0'`, is neither. A part `'0'` alone proves
 * nothing (`'0' . ''` is `'0'`).
 *
 * A caller passing such a value decides the callee's truthiness tests of the parameter
 * (`redirect($url)` that returns only `if (!$url)`), as a literal argument does
 * (`TRUTHY_STRING_KEY`, decided in the flow by `truthyStringValue`).
 */
export function isTruthyString(node: SyntaxNode | null | undefined): boolean {
  if (!node) return false;
  switch (node.type) {
    case 'parenthesized_expression':
      return isTruthyString(node.namedChildren.find((c) => c !== null && c.type !== 'comment'));
    case 'binary_expression': {
      if (node.childForFieldName('operator')?.text !== '.') return false;
      return isTruthyPart(node.childForFieldName('left')) || isTruthyPart(node.childForFieldName('right'));
    }
    case 'encapsed_string':
      // `"x$y"`: the text written between interpolations.
      return node.namedChildren.some((part) => part?.type === 'string_content' && truthy(part.text));
    default:
      return false;
  }
}

/** A part of a concatenation that makes the whole truthy: a truthy literal string, or a truthy string itself. */
function isTruthyPart(node: SyntaxNode | null): boolean {
  if (!node) return false;
  const literal = literalOf(node);
  if (literal !== undefined) return typeof literal === 'string' && truthy(literal);
  return isTruthyString(node);
}

/** Declarations whose returns are their own, not the function's. */
const NESTED = new Set(['function_definition', 'anonymous_function', 'arrow_function', 'class_declaration', 'method_declaration']);

/**
 * A function that returns, on every path, a string PHP reads as true (AbanteCart-like
 * `function here() { return '/index.php?rt=' . $route; }`): its body ends with a `return`, and
 * every `return` of its own writes such a string. One level only: a return of another call
 * is not followed. A generator (`yield`) returns a `Generator`, never a string.
 */
export function returnsTruthyString(node: SyntaxNode): boolean {
  const body = node.childForFieldName('body');
  const statements = body?.namedChildren.filter((c): c is SyntaxNode => c !== null && c.type !== 'comment') ?? [];
  if (statements[statements.length - 1]?.type !== 'return_statement') return false;
  const stack: SyntaxNode[] = [...statements];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (NESTED.has(current.type)) continue;
    if (current.type === 'yield_expression') return false;
    if (current.type === 'return_statement') {
      const value = current.namedChildren.find((c) => c !== null && c.type !== 'comment');
      const literal = literalOf(value);
      if (!(literal !== undefined ? typeof literal === 'string' && truthy(literal) : isTruthyString(value))) return false;
    }
    for (const child of current.namedChildren) if (child) stack.push(child);
  }
  return true;
}
