import * as ts from 'typescript';
import { bindingNames } from './binding-names';
import { unwrap } from './syntax';

/**
 * Whether a method's body does nothing at all: no statement, or only `return` of a constant
 * (`{}`, `{ data: {}, status: Status.AUTHORIZED }`, `null`, nothing) and `throw`s. Such a
 * method is a stand-in (a no-op provider, a test double, a "not implemented" stub), not one
 * of the implementations a call through an interface is written for: the project's other
 * implementations of the method decide what the call does (`Unit.placeholder`).
 */
export function doesNothing(node: ts.FunctionLikeDeclaration): boolean {
  const body = node.body;
  if (!body) return false;
  const parameters = new Set(node.parameters.flatMap((parameter) => bindingNames(parameter.name)));
  if (!ts.isBlock(body)) return isConstant(body, parameters);
  return body.statements.every(
    (statement) =>
      ts.isEmptyStatement(statement) ||
      ts.isThrowStatement(statement) ||
      (ts.isReturnStatement(statement) && (statement.expression === undefined || isConstant(statement.expression, parameters))),
  );
}

/** Nodes looked at in one constant; a bigger literal is not taken for a stand-in's answer. */
const MAX_CONSTANT_NODES = 200;

/**
 * A value computed from nothing: literals, object and array literals of constants, `undefined`,
 * and a member of a module-level name (`PaymentSessionStatus.AUTHORIZED`: the body declares
 * nothing, so a name that is not a parameter is the module's). No call, no `this`, no parameter.
 */
function isConstant(expression: ts.Expression, parameters: ReadonlySet<string>): boolean {
  let budget = MAX_CONSTANT_NODES;
  const constant = (node: ts.Expression): boolean => {
    if (--budget < 0) return false;
    const value = unwrap(node);
    switch (value.kind) {
      case ts.SyntaxKind.StringLiteral:
      case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
      case ts.SyntaxKind.NumericLiteral:
      case ts.SyntaxKind.BigIntLiteral:
      case ts.SyntaxKind.TrueKeyword:
      case ts.SyntaxKind.FalseKeyword:
      case ts.SyntaxKind.NullKeyword:
        return true;
    }
    if (ts.isIdentifier(value)) return value.text === 'undefined';
    if (ts.isPrefixUnaryExpression(value)) return constant(value.operand);
    if (ts.isVoidExpression(value)) return constant(value.expression);
    if (ts.isPropertyAccessExpression(value)) return ts.isIdentifier(value.expression) && !parameters.has(value.expression.text);
    if (ts.isArrayLiteralExpression(value)) return value.elements.every((element) => !ts.isSpreadElement(element) && constant(element));
    if (ts.isObjectLiteralExpression(value)) {
      return value.properties.every((member) => ts.isPropertyAssignment(member) && !ts.isComputedPropertyName(member.name) && constant(member.initializer));
    }
    return false;
  };
  return constant(expression);
}
