import { builtinModules } from 'node:module';
import * as ts from 'typescript';
import type { TsUnitContext } from './context';
import { calledFunction, type DialectMarks } from './dialect-branches';
import { mayNamePackage, splitSpecifier } from './package-specifier';
import { unwrap } from './syntax';

/**
 * A branch for an error class that the `try` cannot throw: `catch (e) { if (e instanceof
 * Prisma.PrismaClientKnownRequestError) { … } }` around a `try` that only validates its input.
 * The class is imported from a package; the branch runs only if something in the `try` reaches
 * that package, so when nothing in it can, the branch is not a path the request takes (as a
 * branch for a database the project does not run, `dialect-branches.ts`): it is not lowered,
 * and nothing in it is reported.
 *
 * Conservative: every call (and `new`, and every `await` or `throw` of something else than a
 * call) anywhere in the `try` block, its closures included, must be shown not to reach the
 * package: a call of the runtime's own (a global the file binds nowhere, `JSON.parse()`,
 * `fetch()`; a built-in module's export, `crypto.randomUUID()`), or of a function of this file
 * whose body (followed a few calls deep) makes only such calls. Another package is not enough:
 * a package may throw the errors of the packages it uses (`pg` re-throws `pg-protocol`'s
 * `DatabaseError`, an ORM its driver's), and what each depends on is not read here. A project
 * function of another module, a parameter, a value of unknown origin may throw anything, and
 * keep the branch.
 */

/** How many module-level values (`const a = makeA()`) and functions of the file a callee is followed through. */
const MAX_STEPS = 3;

/** The sides of an `if` that test the caught error for a class the `try` cannot throw. */
export function impossibleErrorBranch(ctx: TsUnitContext, condition: ts.Expression): DialectMarks {
  const tested = testedClass(condition);
  if (!tested) return {};
  const clause = enclosingCatch(condition, tested.error.text);
  if (!clause) return {};
  const module = packageOf(ctx, tested.cls);
  if (module === undefined) return {};
  if (!nothingReaches(ctx, (clause.parent as ts.TryStatement).tryBlock, 0)) return {};
  return tested.positive ? { whenTrue: 'never' } : { whenFalse: 'never' };
}

/** `e instanceof X`, `!(e instanceof X)`, `e instanceof X && …` (the true side needs it). */
function testedClass(condition: ts.Expression): { error: ts.Identifier; cls: ts.Expression; positive: boolean } | undefined {
  const expr = unwrap(condition);
  if (ts.isPrefixUnaryExpression(expr) && expr.operator === ts.SyntaxKind.ExclamationToken) {
    const inner = testedClass(expr.operand);
    return inner && inner.positive && ts.isBinaryExpression(unwrap(expr.operand)) && (unwrap(expr.operand) as ts.BinaryExpression).operatorToken.kind === ts.SyntaxKind.InstanceOfKeyword
      ? { ...inner, positive: false }
      : undefined;
  }
  if (!ts.isBinaryExpression(expr)) return undefined;
  if (expr.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) {
    const left = testedClass(expr.left);
    return left?.positive ? left : undefined;
  }
  if (expr.operatorToken.kind !== ts.SyntaxKind.InstanceOfKeyword) return undefined;
  const error = unwrap(expr.left);
  return ts.isIdentifier(error) ? { error, cls: expr.right, positive: true } : undefined;
}

/** The `catch` clause whose variable `name` is, when the node is in its block (not in a closure of it). */
function enclosingCatch(node: ts.Node, name: string): ts.CatchClause | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current) || ts.isSourceFile(current)) return undefined;
    if (!ts.isCatchClause(current)) continue;
    const variable = current.variableDeclaration?.name;
    return variable && ts.isIdentifier(variable) && variable.text === name && !assigns(current.block, name) ? current : undefined;
  }
  return undefined;
}

/** Whether the block assigns the name (`e = wrap(e)`): then it is no longer what was caught. */
function assigns(block: ts.Block, name: string): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(unwrap(node.left)) && (unwrap(node.left) as ts.Identifier).text === name) found = true;
    ts.forEachChild(node, visit);
  };
  visit(block);
  return found;
}

/** The package a class expression is imported from (`Prisma.PrismaClientKnownRequestError` → `@prisma/client`). */
function packageOf(ctx: TsUnitContext, cls: ts.Expression): string | undefined {
  const root = rootIdentifier(cls);
  if (!root) return undefined;
  const ref = ctx.facts.imports.bindings.get(root.text);
  return ref && !projectValue(ctx, root) && !builtin(ref.module) && mayNamePackage(ref.module) ? splitSpecifier(ref.module).name : undefined;
}

/** A module of the runtime itself (`node:crypto`, `fs`): it throws no package's errors. */
function builtin(specifier: string): boolean {
  return specifier.startsWith('node:') || builtinModules.includes(specifier);
}

/** The identifier an access chain starts from (`a.b.c` → `a`). */
function rootIdentifier(node: ts.Expression): ts.Identifier | undefined {
  let expr = unwrap(node);
  while (ts.isPropertyAccessExpression(expr) || ts.isElementAccessExpression(expr)) expr = unwrap(expr.expression);
  return ts.isIdentifier(expr) ? expr : undefined;
}

/** Whether the analysis's module links say the name is project code (a `paths` alias, a workspace package). */
function projectValue(ctx: TsUnitContext, name: ts.Identifier): boolean {
  const value = ctx.facts.imports.modules?.valueOf(name);
  return value !== undefined && value.kind !== 'holder' && value.kind !== 'client';
}

/** Whether nothing in the block can reach a package: it runs only the runtime's own code and such functions of the file. */
function nothingReaches(ctx: TsUnitContext, block: ts.Node, steps: number): boolean {
  let reaches = false;
  const visit = (node: ts.Node): void => {
    if (reaches) return;
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      if (!runtimeOnly(ctx, node.expression, steps)) reaches = true;
    } else if (ts.isAwaitExpression(node) || ts.isThrowStatement(node) || ts.isYieldExpression(node)) {
      // `await pending` of a promise made before the `try`, `throw err`: anything at all.
      const operand = node.expression && unwrap(node.expression);
      if (operand && !ts.isCallExpression(operand) && !ts.isNewExpression(operand)) reaches = true;
    } else if (ts.isForOfStatement(node) && node.awaitModifier) {
      reaches = true;
    } else if (ts.isTaggedTemplateExpression(node)) {
      if (!runtimeOnly(ctx, node.tag, steps)) reaches = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(block);
  return !reaches;
}

/**
 * Whether a callee runs only the runtime's code: a chain rooted in a built-in module's import,
 * in a global the file binds nowhere, in the result of such a call (`(await fetch(u)).json()`),
 * in a module-level value one makes, or a function of this file whose body makes only such calls.
 */
function runtimeOnly(ctx: TsUnitContext, callee: ts.Expression, steps: number): boolean {
  let expr = unwrap(callee);
  for (;;) {
    if (ts.isPropertyAccessExpression(expr) || ts.isElementAccessExpression(expr) || ts.isAwaitExpression(expr)) expr = unwrap(expr.expression);
    // The call itself is visited on its own; its result belongs to the same callee.
    else if (ts.isCallExpression(expr) || ts.isNewExpression(expr)) expr = unwrap(expr.expression);
    else break;
  }
  if (!ts.isIdentifier(expr)) return false;
  const ref = ctx.facts.imports.bindings.get(expr.text);
  if (ref) return builtin(ref.module);
  if (steps >= MAX_STEPS) return false;
  const made = moduleLevelMaker(ctx.facts.source, expr.text);
  if (made) return runtimeOnly(ctx, made, steps + 1);
  const declaration = calledFunction(ctx, expr);
  if (declaration) return declaration.getSourceFile() === ctx.facts.source && declaration.body !== undefined && nothingReaches(ctx, declaration.body, steps + 1);
  return !boundInFile(ctx.facts.source, expr.text);
}

/** `const stripe = new Stripe(key)` / `= createClient(…)` at the module's top level: the maker. */
function moduleLevelMaker(source: ts.SourceFile, name: string): ts.Expression | undefined {
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement) || !(statement.declarationList.flags & ts.NodeFlags.Const)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name) || declaration.name.text !== name || !declaration.initializer) continue;
      const init = unwrap(declaration.initializer);
      return ts.isNewExpression(init) || ts.isCallExpression(init) ? init.expression : undefined;
    }
  }
  return undefined;
}

/** Whether the file declares the name anywhere (a variable, parameter, function, class, import): not a global. */
function boundInFile(source: ts.SourceFile, name: string): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    const declared = (node as { name?: ts.Node }).name;
    if (
      declared &&
      ts.isIdentifier(declared) &&
      declared.text === name &&
      (ts.isVariableDeclaration(node) || ts.isParameter(node) || ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node) || ts.isBindingElement(node) || ts.isImportSpecifier(node) || ts.isImportClause(node) || ts.isNamespaceImport(node) || ts.isImportEqualsDeclaration(node) || ts.isEnumDeclaration(node) || ts.isModuleDeclaration(node))
    ) {
      found = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
