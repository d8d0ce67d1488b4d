import * as ts from 'typescript';

/** Syntax helpers every part of the TypeScript lowering shares: no catalog, no other module. */

/** Strips parentheses, `as`, `!` and `satisfies`, which change nothing at run time. */
export function unwrap(node: ts.Expression): ts.Expression {
  let current = node;
  for (;;) {
    if (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isNonNullExpression(current) || ts.isSatisfiesExpression(current) || ts.isTypeAssertionExpression(current)) {
      current = current.expression;
    } else {
      return current;
    }
  }
}

/** An arrow function or a function expression: a callback written in place. */
export function isFunctionLiteral(node: ts.Node): node is ts.ArrowFunction | ts.FunctionExpression {
  return ts.isArrowFunction(node) || ts.isFunctionExpression(node);
}
