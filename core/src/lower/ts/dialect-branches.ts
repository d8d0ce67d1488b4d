import * as ts from 'typescript';
import type { NodeDialectReads } from '../../catalog';
import type { SettingMark } from '../../ir/cfg';
import type { Cursor } from '../../ir/cfg-builder';
import { holderMadeBy } from './catalog-entries';
import type { TsUnitContext } from './context';
import { shortText } from './display';
import { unwrap } from './syntax';

/**
 * Branches taken only for one database dialect: `if (knex.client.config.client === 'mssql')`,
 * `switch (sequelize.getDialect()) { case 'mysql': … }`, or a test of a value read from such a
 * read (`const client = getDatabaseClient(); switch (client) …`, the helper returning string
 * literals behind a test of `db.client.constructor.name`). An installation runs on one
 * database, so such a branch is not the request's main path wherever it runs: the slow work in
 * it is marked as work behind a setting (`SettingMark.dialect`), which the rule reports as
 * `info`, saying on which database. Where the dialect is read comes from the catalog
 * (`NodeCatalog.dialectReads`); the engine knows no library.
 */

/** How many steps (a `const`, a project helper) a value is followed back to a dialect read. */
const MAX_STEPS = 3;

/**
 * What is known of one side of a branch on the dialect: it runs only on some database (`mark`),
 * or never, because the project configures its instance for another named database
 * (`knex({ client: 'pg' })` and a branch for `'mssql'`).
 */
export type DialectSide = { readonly mark: SettingMark } | 'never' | undefined;

/** What is known of an `if`'s two sides: the side that runs only on some database. */
export interface DialectMarks {
  readonly whenTrue?: DialectSide;
  readonly whenFalse?: DialectSide;
}

export function dialectBranchMarks(ctx: TsUnitContext, condition: ts.Expression): DialectMarks {
  const reads = ctx.catalog.dialectReads;
  if (!reads) return {};
  const tested = dialectTest(ctx, reads, condition);
  if (!tested) return {};
  // The `else` of `read !== 'postgres'` is told as the test it passed: `read === 'postgres'`.
  const text = tested.positive ? ctx.text(condition) : equalityText(ctx, tested.read, tested.dialects);
  const side = sideOf(ctx, reads, text, tested.read, tested.dialects);
  return tested.positive ? { whenTrue: side } : { whenFalse: side };
}

/**
 * What is known of each clause of a `switch` on the dialect (undefined for `default` and for a
 * `switch` on anything else): a clause with statements runs for its own literal and for those
 * of the empty clauses that fall into it.
 */
export function dialectClauseMarks(ctx: TsUnitContext, node: ts.SwitchStatement): DialectSide[] | undefined {
  const reads = ctx.catalog.dialectReads;
  if (!reads || !isDialectRead(ctx, reads, node.expression, 0)) return undefined;
  const sides: DialectSide[] = [];
  let pending: string[] = [];
  for (const clause of node.caseBlock.clauses) {
    const literal = ts.isDefaultClause(clause) ? undefined : stringOf(clause.expression);
    if (literal === undefined) {
      pending = [];
      sides.push(undefined);
      continue;
    }
    pending.push(literal);
    const dialects = pending;
    if (clause.statements.length > 0) pending = [];
    sides.push(sideOf(ctx, reads, equalityText(ctx, node.expression, dialects), node.expression, dialects));
  }
  return sides;
}

/** Lowers one side of a dialect branch: nothing when it never runs, else under its mark (unless an outer one is set). */
export function lowerDialectSide(ctx: TsUnitContext, side: DialectSide, empty: Cursor, lower: () => Cursor): Cursor {
  if (side === 'never') return empty;
  if (!side || ctx.builder.currentSetting) return lower();
  ctx.builder.currentSetting = side.mark;
  try {
    return lower();
  } finally {
    ctx.builder.currentSetting = undefined;
  }
}

function sideOf(ctx: TsUnitContext, reads: NodeDialectReads, test: string, read: ts.Expression, dialects: readonly string[]): DialectSide {
  const configured = configuredDialect(ctx, reads, read, 0);
  if (configured !== undefined) {
    const group = (name: string): readonly string[] | undefined => reads.aliases.find((names) => names.includes(name));
    const running = group(configured) ?? [configured];
    // The configured database's own branch is the main path.
    if (dialects.some((d) => running.includes(d))) return undefined;
    if (dialects.every((d) => group(d) !== undefined)) return 'never';
  }
  return { mark: markFromText(ctx, reads, test, read, dialects) };
}

/**
 * The dialect the project writes where it makes the instance read (`const db = knex({ client:
 * 'pg' })`, in the same file), or undefined when it comes from elsewhere (the environment, a
 * configuration file, another module).
 */
function configuredDialect(ctx: TsUnitContext, reads: NodeDialectReads, node: ts.Expression, steps: number): string | undefined {
  const expr = unwrap(node);
  if (ts.isIdentifier(expr)) {
    const initializer = steps < MAX_STEPS ? constInitializer(expr) : undefined;
    return initializer && configuredDialect(ctx, reads, initializer, steps + 1);
  }
  const base = readBase(reads, expr);
  const instance = base && unwrap(base);
  if (!instance || !ts.isIdentifier(instance)) return undefined;
  const made = constInitializer(instance);
  if (!made || !holderMadeBy(ctx.catalog, ctx.facts.imports.bindings, made)) return undefined;
  const call = unwrap(made) as ts.CallExpression | ts.NewExpression;
  for (const argument of call.arguments ?? []) {
    const options = unwrap(argument);
    if (!ts.isObjectLiteralExpression(options)) continue;
    for (const property of options.properties) {
      if (!ts.isPropertyAssignment(property) || !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) continue;
      if (!reads.configuredBy.includes(property.name.text)) continue;
      const value = stringOf(property.initializer);
      if (value !== undefined) return value;
    }
  }
  return undefined;
}

/** The instance a catalog read is made on: `db` of `db.client.config.client`, `sequelize` of `sequelize.getDialect()`. */
function readBase(reads: NodeDialectReads, expr: ts.Expression): ts.Expression | undefined {
  if (ts.isCallExpression(expr)) {
    const callee = unwrap(expr.expression);
    return ts.isPropertyAccessExpression(callee) && reads.methods.includes(callee.name.text) ? callee.expression : undefined;
  }
  const tail = matchedTail(reads, expr);
  if (tail === undefined) return undefined;
  let current: ts.Expression = expr;
  for (let index = 0; index < tail && ts.isPropertyAccessExpression(current); index++) current = unwrap(current.expression);
  return current;
}

interface DialectTest {
  readonly read: ts.Expression;
  readonly dialects: readonly string[];
  /** True when the `then` side is the dialect's (`===`), false when the `else` side is (`!==`). */
  readonly positive: boolean;
}

/** `read === 'x'`, `read !== 'x'`, `a || b` of such equalities, `['x', 'y'].includes(read)`, `test && more`. */
function dialectTest(ctx: TsUnitContext, reads: NodeDialectReads, condition: ts.Expression): DialectTest | undefined {
  const expr = unwrap(condition);
  if (ts.isBinaryExpression(expr)) {
    const operator = expr.operatorToken.kind;
    if (operator === ts.SyntaxKind.BarBarToken) {
      const left = dialectTest(ctx, reads, expr.left);
      const right = dialectTest(ctx, reads, expr.right);
      if (!left?.positive || !right?.positive) return undefined;
      return { read: left.read, dialects: [...left.dialects, ...right.dialects], positive: true };
    }
    if (operator === ts.SyntaxKind.AmpersandAmpersandToken) {
      // The `then` side needs both: it runs only on the dialect either side tests.
      const side = dialectTest(ctx, reads, expr.left) ?? dialectTest(ctx, reads, expr.right);
      return side?.positive ? side : undefined;
    }
    const positive = operator === ts.SyntaxKind.EqualsEqualsEqualsToken || operator === ts.SyntaxKind.EqualsEqualsToken;
    const negative = operator === ts.SyntaxKind.ExclamationEqualsEqualsToken || operator === ts.SyntaxKind.ExclamationEqualsToken;
    if (!positive && !negative) return undefined;
    const [read, literal] = stringOf(expr.right) !== undefined ? [expr.left, stringOf(expr.right)] : [expr.right, stringOf(expr.left)];
    if (literal === undefined || !isDialectRead(ctx, reads, read, 0)) return undefined;
    return { read, dialects: [literal], positive };
  }
  // `['mysql', 'mariadb'].includes(client)`
  if (ts.isCallExpression(expr) && ts.isPropertyAccessExpression(expr.expression) && expr.expression.name.text === 'includes' && expr.arguments.length === 1) {
    const list = unwrap(expr.expression.expression);
    if (!ts.isArrayLiteralExpression(list)) return undefined;
    const dialects = list.elements.map((element) => (ts.isExpression(element) ? stringOf(element) : undefined));
    if (dialects.length === 0 || dialects.some((d) => d === undefined)) return undefined;
    const read = expr.arguments[0]!;
    return isDialectRead(ctx, reads, read, 0) ? { read, dialects: dialects as string[], positive: true } : undefined;
  }
  return undefined;
}

/** A value that is the configured dialect: a catalog read, a `const` set from one, a helper that returns one. */
function isDialectRead(ctx: TsUnitContext, reads: NodeDialectReads, node: ts.Expression, steps: number): boolean {
  const expr = unwrap(node);
  if (isCatalogRead(reads, expr)) return true;
  if (steps >= MAX_STEPS) return false;
  if (ts.isIdentifier(expr)) {
    const initializer = constInitializer(expr);
    return initializer !== undefined && isDialectRead(ctx, reads, initializer, steps + 1);
  }
  if (ts.isCallExpression(expr)) {
    const declaration = calledFunction(ctx, expr.expression);
    return declaration !== undefined && returnsDialect(reads, declaration, steps + 1);
  }
  return false;
}

/** `x.client.config.client`, `x.options.dialect`, `x.getDialect()`: a read the catalog names. */
function isCatalogRead(reads: NodeDialectReads, expr: ts.Expression): boolean {
  if (ts.isCallExpression(expr)) {
    const callee = unwrap(expr.expression);
    return ts.isPropertyAccessExpression(callee) && reads.methods.includes(callee.name.text);
  }
  return matchedTail(reads, expr) !== undefined;
}

/** How many property names of the chain the catalog's read covers (the longest), or undefined. */
function matchedTail(reads: NodeDialectReads, expr: ts.Expression): number | undefined {
  if (!ts.isPropertyAccessExpression(expr)) return undefined;
  const names: string[] = [];
  let current: ts.Expression = expr;
  while (ts.isPropertyAccessExpression(current)) {
    names.unshift(current.name.text);
    current = unwrap(current.expression);
  }
  let longest: number | undefined;
  for (const tail of reads.properties) {
    if (tail.length > names.length || !tail.every((name, index) => names[names.length - tail.length + index] === name)) continue;
    longest = Math.max(longest ?? 0, tail.length);
  }
  return longest;
}

/**
 * A project function whose every `return` gives a string literal or a dialect read, and that
 * reads the dialect (returns it, or tests it): `getDatabaseClient()` mapping
 * `db.client.constructor.name` to `'mysql'`, `'mssql'`, …
 */
function returnsDialect(reads: NodeDialectReads, declaration: ts.FunctionLikeDeclaration, steps: number): boolean {
  const body = declaration.body;
  if (!body) return false;
  if (!ts.isBlock(body)) return isCatalogRead(reads, unwrap(body));
  const returned: ts.Expression[] = [];
  let tests = false;
  let other = false;
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node)) return;
    if (ts.isReturnStatement(node)) {
      if (node.expression) returned.push(node.expression);
      else other = true;
    }
    if ((ts.isSwitchStatement(node) || ts.isIfStatement(node)) && readsDialect(reads, node.expression, steps)) tests = true;
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
  if (other || returned.length === 0) return false;
  const literal = (e: ts.Expression): boolean => stringOf(e) !== undefined;
  if (!returned.every((e) => literal(e) || isCatalogRead(reads, unwrap(e)))) return false;
  return tests || returned.some((e) => isCatalogRead(reads, unwrap(e)));
}

/** A test of the dialect inside a helper: the read itself, or an equality with it. */
function readsDialect(reads: NodeDialectReads, condition: ts.Expression, steps: number): boolean {
  const expr = unwrap(condition);
  if (isCatalogRead(reads, expr)) return true;
  if (ts.isBinaryExpression(expr)) return readsDialect(reads, expr.left, steps) || readsDialect(reads, expr.right, steps);
  return false;
}

/** The initializer of the `const` a name refers to, found in the scopes around it. */
function constInitializer(name: ts.Identifier): ts.Expression | undefined {
  for (let scope: ts.Node | undefined = name.parent; scope; scope = scope.parent) {
    if (!ts.isBlock(scope) && !ts.isSourceFile(scope) && !ts.isModuleBlock(scope)) continue;
    for (const statement of scope.statements) {
      if (!ts.isVariableStatement(statement) || !(statement.declarationList.flags & ts.NodeFlags.Const)) continue;
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name) && declaration.name.text === name.text && declaration.initializer) return declaration.initializer;
      }
    }
  }
  return undefined;
}

/** The project function a call names: one of this file by name, or one another module exports. */
export function calledFunction(ctx: TsUnitContext, callee: ts.Expression): ts.FunctionLikeDeclaration | undefined {
  const expr = unwrap(callee);
  const linked = ctx.facts.imports.modules?.valueOf(expr);
  if (linked?.kind === 'function' && linked.declaration) return linked.declaration.node;
  if (!ts.isIdentifier(expr)) return undefined;
  for (const statement of ctx.facts.source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name?.text === expr.text) return statement;
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      const init = declaration.initializer && unwrap(declaration.initializer);
      if (ts.isIdentifier(declaration.name) && declaration.name.text === expr.text && init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) return init;
    }
  }
  return undefined;
}

function stringOf(node: ts.Expression): string | undefined {
  const expr = unwrap(node);
  return ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr) ? expr.text : undefined;
}

/** `client === 'mssql'`, `client === 'cockroachdb' || client === 'postgres'`. */
function equalityText(ctx: TsUnitContext, read: ts.Expression, dialects: readonly string[]): string {
  const text = ctx.text(read);
  return dialects.map((d) => `${text} === '${d}'`).join(' || ');
}

function markFromText(ctx: TsUnitContext, reads: NodeDialectReads, test: string, read: ts.Expression, dialects: readonly string[]): SettingMark {
  const lookup = shortText(ctx.text(read));
  // Named by the first of its names (`Client_MSSQL` is told as `mssql`), each once.
  const named = [...new Set(dialects.map((d) => reads.aliases.find((names) => names.includes(d))?.[0] ?? d))];
  return { test: shortText(test), lookup, setting: lookup, shipped: '', dialect: named.join(' or ') };
}
