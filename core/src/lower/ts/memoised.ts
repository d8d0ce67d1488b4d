import * as ts from 'typescript';

/**
 * Memoised factories: `if (!db) { db = knex(…); await db.raw('select 1'); } return db;`, or
 * `if (database) return database; database = knex(…); …`. The guarded code runs on the first
 * call only (at start-up, in practice), so what it does is not work every caller waits for:
 * its slow work is not slow for the callers. Only a variable of the module's top level counts
 * (a local would be unset on every call).
 */

/** The statement that runs the guarded code once: the `if` whose branch sets the variable. */
export function memoisingBranch(node: ts.IfStatement): 'then' | undefined {
  if (node.elseStatement) return undefined;
  const name = testedUnset(node.expression);
  if (name === undefined || !isModuleVariable(node, name)) return undefined;
  return assigns(node.thenStatement, name) ? 'then' : undefined;
}

/**
 * `if (database) return database;` followed (in the same block) by an assignment of the
 * variable: the rest of the block runs once.
 */
export function memoisingReturn(node: ts.Statement, rest: readonly ts.Statement[]): boolean {
  if (!ts.isIfStatement(node) || node.elseStatement) return false;
  const name = testedSet(node.expression);
  if (name === undefined || !returnsOnly(node.thenStatement)) return false;
  return isModuleVariable(node, name) && rest.some((statement) => assigns(statement, name));
}

/** `!v`, `v == null`, `v === undefined`, `v === null`, `typeof v === 'undefined'`: the name tested unset. */
function testedUnset(condition: ts.Expression): string | undefined {
  const expr = skipParens(condition);
  if (ts.isPrefixUnaryExpression(expr) && expr.operator === ts.SyntaxKind.ExclamationToken) {
    const operand = skipParens(expr.operand);
    return ts.isIdentifier(operand) ? operand.text : undefined;
  }
  if (ts.isBinaryExpression(expr) && isEquality(expr.operatorToken.kind)) {
    const [value, other] = ts.isIdentifier(skipParens(expr.left)) ? [skipParens(expr.left), skipParens(expr.right)] : [skipParens(expr.right), skipParens(expr.left)];
    if (ts.isIdentifier(value) && isNothing(other)) return value.text;
    if (ts.isTypeOfExpression(value) && ts.isIdentifier(skipParens(value.expression)) && ts.isStringLiteral(other) && other.text === 'undefined') {
      return (skipParens(value.expression) as ts.Identifier).text;
    }
  }
  return undefined;
}

/** `v`, `v != null`, `v !== undefined`: the name tested set. */
function testedSet(condition: ts.Expression): string | undefined {
  const expr = skipParens(condition);
  if (ts.isIdentifier(expr)) return expr.text;
  if (ts.isBinaryExpression(expr) && (expr.operatorToken.kind === ts.SyntaxKind.ExclamationEqualsToken || expr.operatorToken.kind === ts.SyntaxKind.ExclamationEqualsEqualsToken)) {
    const left = skipParens(expr.left);
    const right = skipParens(expr.right);
    if (ts.isIdentifier(left) && isNothing(right)) return left.text;
    if (ts.isIdentifier(right) && isNothing(left)) return right.text;
  }
  return undefined;
}

function isEquality(kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.EqualsEqualsToken || kind === ts.SyntaxKind.EqualsEqualsEqualsToken;
}

function isNothing(node: ts.Expression): boolean {
  return node.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(node) && node.text === 'undefined');
}

function returnsOnly(statement: ts.Statement): boolean {
  if (ts.isReturnStatement(statement)) return true;
  return ts.isBlock(statement) && statement.statements.length === 1 && ts.isReturnStatement(statement.statements[0]!);
}

/** `name = …` somewhere in the code, not inside a nested function. */
function assigns(node: ts.Node, name: string): boolean {
  let found = false;
  const visit = (child: ts.Node): void => {
    if (found || ts.isFunctionLike(child) || ts.isClassLike(child)) return;
    if (
      ts.isBinaryExpression(child) &&
      child.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isIdentifier(skipParens(child.left)) &&
      (skipParens(child.left) as ts.Identifier).text === name
    ) {
      found = true;
      return;
    }
    ts.forEachChild(child, visit);
  };
  visit(node);
  return found;
}

/**
 * The name is a `let`/`var` of the module's top level and no function between the guard and
 * the module declares its own (a parameter or local of that name would be unset each call).
 */
function isModuleVariable(at: ts.Node, name: string): boolean {
  for (let scope: ts.Node | undefined = at.parent; scope && !ts.isSourceFile(scope); scope = scope.parent) {
    if (ts.isFunctionLike(scope) && scope.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === name)) return false;
    if (ts.isBlock(scope) && declaresIn(scope.statements, name)) return false;
  }
  const source = at.getSourceFile();
  return source.statements.some(
    (statement) =>
      ts.isVariableStatement(statement) &&
      (statement.declarationList.flags & ts.NodeFlags.Const) === 0 &&
      statement.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === name),
  );
}

function declaresIn(statements: readonly ts.Statement[], name: string): boolean {
  return statements.some((s) => ts.isVariableStatement(s) && s.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === name));
}

function skipParens(node: ts.Expression): ts.Expression {
  let current = node;
  while (ts.isParenthesizedExpression(current) || ts.isNonNullExpression(current) || ts.isAsExpression(current)) current = current.expression;
  return current;
}
