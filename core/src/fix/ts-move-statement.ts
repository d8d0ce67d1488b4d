import * as ts from 'typescript';
import type { Span } from '../model/span';
import type { TextEdit } from '../model/fix';

/**
 * Moving slow work out of the region where a resource is held, TypeScript: the statement that
 * does the slow work goes on its own lines right before the statement that acquires the
 * resource (`const client = await pool.connect();`, `await client.query('BEGIN');`, or the
 * `await db.transaction(async (trx) => …)` whose callback holds it), when the syntax tree shows
 * that it can: it uses nothing the held region computes.
 *
 * The slow statement must be a statement of the acquiring statement's block, of a `try` block
 * that follows the acquire there (`acquire; try { … } finally { release }`), or of the body of
 * the callback that holds the resource (and its `try` blocks), never inside a branch or a loop
 * of the region (it would then run on paths where it did not). It must read no name declared
 * or assigned from the acquire up to it (the resource itself, a callback's parameters, query
 * results), nor a name whose methods are called there (they may change it), nor the
 * receiver of the acquire; and must not `return`, `break`, `continue`, `yield` out of itself,
 * or use `this`, `arguments` or `super` across a function boundary. A name it declares must
 * not clash with one of the destination block.
 *
 * `crossed`: the statements it now runs before (none when it was the first thing the region
 * ran): if one of them fails or returns early, the slow work has already happened.
 */
export interface MoveBeforePlan {
  readonly edits: readonly TextEdit[];
  /** How many statements ran between the acquire and the slow work, and now run after it. */
  readonly crossed: number;
  /** The slow work leaves a callback that the held resource's API runs. */
  readonly leavesCallback: boolean;
  /**
   * The slow work leaves a `try` with a `catch`, or with a `finally` that does more than release
   * the resource: its failure no longer reaches that handler.
   */
  readonly leavesHandler: boolean;
}

export type MoveBeforeResult = MoveBeforePlan | { readonly refused: string };

export function planMoveBefore(source: ts.SourceFile, file: string, text: string, slow: Span, acquire: Span, alsoSlow: readonly Span[] = []): MoveBeforeResult {
  const acquireNode = nodeCovering(source, acquire);
  const slowNode = nodeCovering(source, slow);
  if (!acquireNode || !slowNode) return { refused: 'the code could not be located' };
  const acquireStatement = statementOf(acquireNode);
  const slowStatement = statementOf(slowNode);
  if (!acquireStatement || !slowStatement || acquireStatement === slowStatement) return { refused: 'the slow work and the acquire are one statement' };
  const start = slowStatement.getStart(source);
  if (alsoSlow.some((span) => span.start < start || span.end > slowStatement.end)) return { refused: 'the region does slow work in more than one statement' };

  // Up from the slow statement to the acquire's block: only through `try` blocks and the holding callback's body.
  const crossedStatements: ts.Statement[] = [];
  const declaredBetween = new Set<string>();
  let leavesCallback = false;
  const tries: ts.TryStatement[] = [];
  let current: ts.Statement = slowStatement;
  let functionBoundary: ts.FunctionLikeDeclaration | undefined;
  for (;;) {
    const list = current.parent;
    const statements = statementsOf(list);
    if (!statements) return { refused: 'the slow work is not a statement of a block' };
    const before = statements.slice(0, statements.indexOf(current));
    if (list === acquireStatement.parent) {
      const at = statements.indexOf(acquireStatement);
      if (at < 0 || at >= statements.indexOf(current)) return { refused: 'the slow work does not follow the acquire in its block' };
      crossedStatements.push(...statements.slice(at + 1, statements.indexOf(current)));
      break;
    }
    crossedStatements.push(...before);
    // A name declared anywhere in a block it leaves (a hoisted function too) is out of its reach there.
    for (const statement of statements) if (statement !== current) declaredAt(statement, declaredBetween);
    const owner = list.parent;
    if (ts.isBlock(list) && owner && ts.isTryStatement(owner) && owner.tryBlock === list) {
      tries.push(owner);
      current = owner;
      continue;
    }
    if (ts.isBlock(list) && owner && (ts.isArrowFunction(owner) || ts.isFunctionExpression(owner)) && within(owner, acquireStatement)) {
      // The callback the acquiring statement passes to the held resource's API.
      if (!isArgumentOfCallIn(owner, acquireStatement)) return { refused: 'the slow work is in a function other than the callback that holds the resource' };
      for (const parameter of owner.parameters) namesOfBinding(parameter.name, declaredBetween);
      leavesCallback = true;
      functionBoundary = owner;
      current = acquireStatement;
      // The acquiring statement is the destination: nothing of it runs before the callback.
      break;
    }
    return { refused: 'the slow work runs inside a branch or a loop of the region, not on every path through it' };
  }

  // A `try` it leaves handled its failure: a `catch`, or a `finally` that does more than release
  // what the region holds (names the acquire or the callback declares).
  const held = new Set<string>();
  if (leavesCallback) for (const parameter of functionBoundary!.parameters) namesOfBinding(parameter.name, held);
  else declaredAt(acquireStatement, held);
  const leavesHandler = tries.some((t) => t.catchClause !== undefined || (t.finallyBlock !== undefined && doesMoreThanRelease(t.finallyBlock, held)));

  // What the acquiring statement and the crossed statements declare, assign or call methods on.
  if (!leavesCallback) collectWrites(acquireStatement, declaredBetween);
  for (const statement of crossedStatements) collectWrites(statement, declaredBetween);
  // A query on the acquire's receiver (`client` of `client.query('BEGIN')`) would leave the transaction.
  const receiver = leavesCallback ? undefined : receiverRoot(acquireNode);
  if (receiver) declaredBetween.add(receiver);

  const reads = new Set<string>();
  const problem = collectReads(slowStatement, reads, functionBoundary);
  if (problem) return { refused: problem };
  const dependency = [...reads].find((name) => declaredBetween.has(name));
  if (dependency !== undefined) return { refused: `it uses \`${dependency}\`, which the region computes or changes before it` };

  // A name the slow statement declares now lives in the acquire's block: it must not clash there.
  const declared = new Set<string>();
  if (ts.isVariableStatement(slowStatement)) for (const d of slowStatement.declarationList.declarations) namesOfBinding(d.name, declared);
  if (ts.isFunctionDeclaration(slowStatement) || ts.isClassDeclaration(slowStatement)) return { refused: 'the slow work is a declaration' };
  const destinationList = statementsOf(acquireStatement.parent)!;
  // Its uses after it in its own block keep meaning it; any other occurrence in the destination
  // block would now mean it (or clash with it).
  const ownBlock = slowStatement.parent;
  const foreign = (identifier: ts.Identifier): boolean => !(within(identifier, ownBlock) && identifier.getStart(source) >= slowStatement.end);
  for (const name of declared) {
    if (destinationList.some((statement) => mentions(statement, name, slowStatement, foreign))) return { refused: `\`${name}\` is also a name where the statement would go` };
  }

  const move = textOfLines(source, text, slowStatement);
  const destination = lineOf(source, text, acquireStatement);
  if (!move || !destination) return { refused: 'the statements do not stand on lines of their own' };
  const moved = reindent(move.lines, move.indent, destination.indent, slowStatement, source);
  if (moved === undefined) return { refused: 'the slow statement holds a template literal over several lines' };
  return {
    edits: [
      { span: { file, start: destination.lineStart, end: destination.lineStart }, newText: moved },
      { span: { file, start: move.lineStart, end: move.lineEnd }, newText: '' },
    ],
    crossed: crossedStatements.length,
    leavesCallback,
    leavesHandler,
  };
}

export function nodeCovering(source: ts.SourceFile, span: Span): ts.Node | undefined {
  let node: ts.Node = source;
  for (;;) {
    const child = node.getChildren(source).find((c) => c.getStart(source) <= span.start && span.end <= c.end);
    if (!child) return node === source ? undefined : node;
    node = child;
  }
}

export function statementsOf(node: ts.Node): readonly ts.Statement[] | undefined {
  if (ts.isBlock(node) || ts.isSourceFile(node) || ts.isModuleBlock(node)) return node.statements;
  if (ts.isCaseClause(node) || ts.isDefaultClause(node)) return node.statements;
  return undefined;
}

/** The statement of a statement list that holds `node`. */
export function statementOf(node: ts.Node): ts.Statement | undefined {
  for (let at: ts.Node | undefined = node; at; at = at.parent) {
    if (at.parent && statementsOf(at.parent) && ts.isStatement(at)) return at;
  }
  return undefined;
}

export function within(inner: ts.Node, outer: ts.Node | undefined): boolean {
  for (let at: ts.Node | undefined = inner; at; at = at.parent) if (at === outer) return true;
  return false;
}

/** The callback is an argument of a call inside the acquiring statement (`db.transaction(async (trx) => …)`). */
function isArgumentOfCallIn(fn: ts.Node, statement: ts.Statement): boolean {
  let node: ts.Node = fn;
  while (node.parent && ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const call = node.parent;
  return call !== undefined && ts.isCallExpression(call) && call.arguments.includes(node as ts.Expression) && within(call, statement);
}

function namesOfBinding(name: ts.BindingName, into: Set<string>): void {
  if (ts.isIdentifier(name)) into.add(name.text);
  else for (const element of name.elements) if (!ts.isOmittedExpression(element)) namesOfBinding(element.name, into);
}

/** The root name of an expression that is written or whose methods are called: `order` of `order.items[0].qty`, `this`. */
export function rootName(expression: ts.Expression): string | undefined {
  let at: ts.Expression = expression;
  for (;;) {
    if (ts.isParenthesizedExpression(at) || ts.isNonNullExpression(at) || ts.isAsExpression(at)) at = at.expression;
    else if (ts.isPropertyAccessExpression(at) || ts.isElementAccessExpression(at)) at = at.expression;
    else if (ts.isCallExpression(at)) at = at.expression;
    else break;
  }
  if (ts.isIdentifier(at)) return at.text;
  if (at.kind === ts.SyntaxKind.ThisKeyword) return 'this';
  return undefined;
}

/** The receiver of the acquire (`client` of `client.query('BEGIN')`, `pool` of `pool.connect()`). */
function receiverRoot(acquire: ts.Node): string | undefined {
  let node: ts.Node | undefined = acquire;
  while (node && !ts.isCallExpression(node)) node = node.parent;
  if (!node || !ts.isCallExpression(node)) return ts.isExpression(acquire) ? rootName(acquire) : undefined;
  const callee = node.expression;
  return ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee) ? rootName(callee.expression) : undefined;
}

/** Names a statement declares, assigns (also through a property) or calls methods on. */
function collectWrites(statement: ts.Node, into: Set<string>): void {
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) || ts.isParameter(node) || ts.isBindingElement(node)) {
      if (ts.isIdentifier(node.name)) into.add(node.name.text);
    } else if ((ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)) && node.name) {
      into.add(node.name.text);
    } else if (ts.isBinaryExpression(node) && isAssignment(node.operatorToken.kind)) {
      for (const name of assignedNames(node.left)) into.add(name);
    } else if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)) {
      const name = rootName(node.operand);
      if (name) into.add(name);
    } else if (ts.isCallExpression(node) && (ts.isPropertyAccessExpression(node.expression) || ts.isElementAccessExpression(node.expression))) {
      const name = rootName(node.expression.expression);
      if (name) into.add(name);
    } else if (ts.isDeleteExpression(node)) {
      const name = rootName(node.expression);
      if (name) into.add(name);
    }
    ts.forEachChild(node, visit);
  };
  visit(statement);
}

/** A `finally` that reads a name other than the held ones (`client.release()` reads `client` only). */
function doesMoreThanRelease(block: ts.Block, held: ReadonlySet<string>): boolean {
  const reads = new Set<string>();
  collectReads(block, reads, undefined);
  return [...reads].some((name) => !held.has(name));
}

/** The names a statement declares in its block: `const`/`let`/`var`, a function or a class. */
function declaredAt(statement: ts.Statement, into: Set<string>): void {
  if (ts.isVariableStatement(statement)) for (const d of statement.declarationList.declarations) namesOfBinding(d.name, into);
  else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) && statement.name) into.add(statement.name.text);
}

function assignedNames(target: ts.Expression): string[] {
  if (ts.isArrayLiteralExpression(target)) return target.elements.flatMap((e) => assignedNames(ts.isSpreadElement(e) ? e.expression : e));
  if (ts.isObjectLiteralExpression(target)) {
    return target.properties.flatMap((p) =>
      ts.isPropertyAssignment(p) ? assignedNames(p.initializer) : ts.isShorthandPropertyAssignment(p) ? [p.name.text] : ts.isSpreadAssignment(p) ? assignedNames(p.expression) : [],
    );
  }
  const name = rootName(target);
  return name ? [name] : [];
}

function isAssignment(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

/**
 * The names a statement reads (identifiers in expression positions, `this`), or why it cannot
 * move: a jump out of it, or `this`/`arguments`/`super` of a `function` callback it would leave.
 */
export function collectReads(statement: ts.Statement, into: Set<string>, boundary: ts.FunctionLikeDeclaration | undefined): string | undefined {
  let problem: string | undefined;
  /** `nested`: inside a function of the statement; `ownThis`: inside one that is not an arrow; `loop`: a `break` target. */
  const visit = (node: ts.Node, nested: boolean, ownThis: boolean, loop: boolean): void => {
    if (problem) return;
    if (ts.isReturnStatement(node) && !nested) problem = 'the slow statement returns';
    else if ((ts.isBreakStatement(node) || ts.isContinueStatement(node)) && (!loop || node.label)) problem = 'the slow statement jumps out of itself';
    else if (ts.isYieldExpression(node) && !nested) problem = 'the slow statement yields';
    else if (node.kind === ts.SyntaxKind.ThisKeyword || node.kind === ts.SyntaxKind.SuperKeyword || (ts.isIdentifier(node) && node.text === 'arguments' && isRead(node))) {
      if (boundary && !ts.isArrowFunction(boundary) && !ownThis) problem = 'the slow statement uses `this` of the callback it would leave';
      into.add(ts.isIdentifier(node) ? node.text : node.kind === ts.SyntaxKind.SuperKeyword ? 'super' : 'this');
    } else if (ts.isIdentifier(node) && isRead(node)) into.add(node.text);
    const fn = ts.isFunctionLike(node);
    // A `break` inside a nested function or loop of the statement stays inside it.
    const breakTarget = loop || fn || ts.isIterationStatement(node, false) || ts.isSwitchStatement(node);
    ts.forEachChild(node, (child) => visit(child, nested || fn, ownThis || (fn && !ts.isArrowFunction(node)), breakTarget));
  };
  visit(statement, false, false, false);
  return problem;
}

/** An identifier that names a value here (not a property name, a label, or a declared name). */
function isRead(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (!parent) return true;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent) || ts.isMethodDeclaration(parent) || ts.isPropertySignature(parent)) && parent.name === node) return false;
  if ((ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isFunctionDeclaration(parent) || ts.isFunctionExpression(parent) || ts.isClassDeclaration(parent)) && parent.name === node) return false;
  if (ts.isBindingElement(parent) && (parent.name === node || parent.propertyName === node)) return false;
  if (ts.isLabeledStatement(parent) || ts.isBreakStatement(parent) || ts.isContinueStatement(parent)) return false;
  if (ts.isTypeReferenceNode(parent) || ts.isQualifiedName(parent) || ts.isTypeQueryNode(parent)) return false;
  return true;
}

/** Whether `name` occurs as an identifier in `node` (outside `except`, and where `counts` says so). */
function mentions(node: ts.Node, name: string, except: ts.Node, counts: (identifier: ts.Identifier) => boolean): boolean {
  let found = false;
  const visit = (at: ts.Node): void => {
    if (found || at === except) return;
    if (ts.isIdentifier(at) && at.text === name) found = counts(at);
    else ts.forEachChild(at, visit);
  };
  visit(node);
  return found;
}

/** The whole lines of a statement, when it starts its line and nothing but a comment follows it. */
export function textOfLines(source: ts.SourceFile, text: string, statement: ts.Statement): { lines: string; indent: string; lineStart: number; lineEnd: number } | undefined {
  const line = lineOf(source, text, statement);
  if (!line) return undefined;
  let end = statement.end;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t' || text[end] === '\r')) end++;
  if (text.startsWith('//', end)) end = text.indexOf('\n', end);
  if (end < 0 || text[end] !== '\n') return undefined;
  const start = commentLinesAbove(text, statement, line.lineStart);
  return { lines: text.slice(start, end + 1), indent: line.indent, lineStart: start, lineEnd: end + 1 };
}

/**
 * Where the comments right above a statement start, when they stand on lines of their own with
 * no blank line before the statement (a suppression comment, a note on it): they move with it.
 */
function commentLinesAbove(text: string, statement: ts.Statement, lineStart: number): number {
  const comments = ts.getLeadingCommentRanges(text, statement.getFullStart()) ?? [];
  let start = lineStart;
  for (const comment of [...comments].reverse()) {
    const commentLine = text.lastIndexOf('\n', comment.pos - 1) + 1;
    const between = text.slice(comment.end, start);
    if (text.slice(commentLine, comment.pos).trim() !== '' || between.trim() !== '' || between.split('\n').length > 2) break;
    start = commentLine;
  }
  return start;
}

export function lineOf(source: ts.SourceFile, text: string, statement: ts.Statement): { lineStart: number; indent: string } | undefined {
  const start = statement.getStart(source);
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const indent = text.slice(lineStart, start);
  return [...indent].every((ch) => ch === ' ' || ch === '\t') ? { lineStart, indent } : undefined;
}

/** The lines with their indentation changed from `from` to `to`; undefined when a template literal spans lines. */
function reindent(lines: string, from: string, to: string, statement: ts.Statement, source: ts.SourceFile): string | undefined {
  if (from === to) return lines;
  let multiLineTemplate = false;
  const visit = (node: ts.Node): void => {
    if ((ts.isTemplateExpression(node) || ts.isNoSubstitutionTemplateLiteral(node)) && node.getText(source).includes('\n')) multiLineTemplate = true;
    else ts.forEachChild(node, visit);
  };
  visit(statement);
  if (multiLineTemplate) return undefined;
  return lines
    .split('\n')
    .map((line) => (line.startsWith(from) ? to + line.slice(from.length) : line))
    .join('\n');
}
