import * as ts from 'typescript';
import { CfgBuilder, type Cursor, type PendingEdge } from '../../ir/cfg-builder';
import type { LoopKind } from '../../ir/cfg';
import type { PredicateValue } from '../../ir/effects';
import type { Span } from '../../model/span';
import { type TsJumpFrame, type TsUnitContext } from './context';
import { acquire, enclosingFunction, isFunctionLike, lowerExpression, returnsAwaited } from './expressions';
import { shortText } from './display';
import { acquireDestructured } from './resources';
import { disposalMarker, isDisposalMarker, isUsingDeclaration, lowerDisposal } from './disposables';
import { memoisingBranch, memoisingReturn } from './memoised';
import { keyedLockBranches } from './keyed-locks';
import { helperTransactionBranches } from './transaction-helpers';
import { dialectBranchMarks, dialectClauseMarks, lowerDialectSide } from './dialect-branches';
import { impossibleErrorBranch } from './error-classes';

export function lowerStatements(ctx: TsUnitContext, nodes: readonly ts.Statement[], cursor: Cursor): Cursor {
  let next = cursor;
  for (let index = 0; index < nodes.length; index++) {
    if (next.length === 0) break;
    const node = nodes[index]!;
    if (isUsingDeclaration(node)) return lowerUsing(ctx, node, nodes.slice(index + 1), next);
    next = lowerStatement(ctx, node, next);
    // `if (db) return db;` then `db = knex(…)`: the rest of the block is a memoised factory's first call.
    if (memoisingReturn(node, nodes.slice(index + 1))) return ctx.once(() => lowerStatements(ctx, nodes.slice(index + 1), next));
  }
  return next;
}

/**
 * `await using session = driver.session()` and the statements after it: the rest of the
 * block runs as the `try` of a `finally` that disposes what it holds (see `disposables.ts`).
 */
function lowerUsing(ctx: TsUnitContext, node: ts.VariableStatement, rest: readonly ts.Statement[], cursor: Cursor): Cursor {
  const after = lowerStatement(ctx, node, cursor);
  const marker = disposalMarker(ctx, node);
  if (!marker) return lowerStatements(ctx, rest, after);
  ctx.jumps.push({ kind: 'finally', body: marker, loop: ctx.builder.currentLoop });
  const end = lowerStatements(ctx, rest, after);
  ctx.jumps.pop();
  return lowerDisposal(ctx, marker, end);
}

export function lowerStatement(ctx: TsUnitContext, node: ts.Statement, cursor: Cursor, labels: readonly string[] = []): Cursor {
  if (cursor.length === 0) return cursor;
  if (ctx.tooDeep(node)) return cursor;
  ctx.depth++;
  try {
    return lowerStatementInner(ctx, node, cursor, labels);
  } finally {
    ctx.depth--;
  }
}

function lowerStatementInner(ctx: TsUnitContext, node: ts.Statement, cursor: Cursor, labels: readonly string[]): Cursor {
  if (isFunctionLike(node) || ts.isClassDeclaration(node) || ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node) ||
    ts.isImportDeclaration(node) || ts.isImportEqualsDeclaration(node) || ts.isModuleDeclaration(node) || ts.isEnumDeclaration(node) ||
    ts.isEmptyStatement(node) || ts.isDebuggerStatement(node)) {
    return cursor;
  }
  if (ts.isBlock(node)) return lowerStatements(ctx, node.statements, cursor);
  if (ts.isVariableStatement(node)) return lowerDeclarations(ctx, node.declarationList, cursor);
  if (ts.isExpressionStatement(node)) return lowerExpression(ctx, node.expression, cursor);
  if (ts.isIfStatement(node)) return lowerIf(ctx, node, cursor);
  if (ts.isLabeledStatement(node)) return lowerLabeled(ctx, node, cursor, labels);
  if (ts.isWhileStatement(node)) return lowerWhile(ctx, node, cursor, labels);
  if (ts.isDoStatement(node)) return lowerDo(ctx, node, cursor, labels);
  if (ts.isForStatement(node)) return lowerFor(ctx, node, cursor, labels);
  if (ts.isForOfStatement(node) || ts.isForInStatement(node)) return lowerForEach(ctx, node, cursor, labels);
  if (ts.isSwitchStatement(node)) return lowerSwitch(ctx, node, cursor, labels);
  if (ts.isTryStatement(node)) return lowerTry(ctx, node, cursor);
  if (ts.isReturnStatement(node)) {
    // `return fetch(url).then(…)` in an async function, `return new Promise(…)`: awaited.
    const after = node.expression ? lowerExpression(ctx, node.expression, cursor, returnsAwaited(enclosingFunction(node), node.expression)) : cursor;
    jumpOut(ctx, after, 'return', undefined, node.expression ? 'other' : 'false');
    return [];
  }
  if (ts.isThrowStatement(node)) {
    const after = lowerExpression(ctx, node.expression, cursor);
    ctx.rethrow(after, ctx.jumps.length);
    return [];
  }
  if (ts.isBreakStatement(node) || ts.isContinueStatement(node)) {
    jumpOut(ctx, cursor, ts.isBreakStatement(node) ? 'break' : 'continue', node.label?.text);
    return [];
  }
  if (ts.isExportAssignment(node)) return lowerExpression(ctx, node.expression, cursor);
  return lowerExpression(ctx, node, cursor);
}

function lowerDeclarations(ctx: TsUnitContext, list: ts.VariableDeclarationList, cursor: Cursor): Cursor {
  let next = cursor;
  for (const declaration of list.declarations) {
    if (!declaration.initializer) continue;
    next = lowerExpression(ctx, declaration.initializer, next);
    if (ts.isIdentifier(declaration.name)) next = acquire(ctx, declaration.name, declaration.initializer, next);
    else next = acquireDestructured(ctx, declaration.name, declaration.initializer, next);
  }
  return next;
}

/** `elseIf`: the condition of an `else if`, reached only when the one before it was false; its notes join that note. */
function branches(ctx: TsUnitContext, condition: ts.Expression, cursor: Cursor, elseIf = false): { whenTrue: Cursor; whenFalse: Cursor } {
  const after = lowerExpression(ctx, condition, cursor);
  const text = shortText(ctx.text(condition));
  const line = ctx.line(condition);
  const note = elseIf ? CfgBuilder.andNote : CfgBuilder.withNote;
  // `if (retries == null || retries <= 0) return once();`: a side the caller's options rule out.
  const implied = ctx.optionArguments?.facts(condition);
  const side = (cursor: Cursor, set: readonly PredicateValue[] | undefined): Cursor =>
    set && set.length > 0 ? ctx.emit(cursor, { kind: 'fact', set, span: ctx.span(condition) }) : cursor;
  const whenTrue = side(note(after, `\`${text}\` is true (line ${line})`), implied?.whenTrue);
  const whenFalse = side(note(after, `\`${text}\` is false (line ${line})`), implied?.whenFalse);
  // `if (!acquired) return;` after `redis.set(key, v, { nx: true })`: held only on one side.
  const locks = keyedLockBranches(ctx, condition, whenTrue, whenFalse);
  // `if (shouldCommit) await commitTransaction(req)`: no transaction of this unit on the false side.
  return helperTransactionBranches(ctx, condition, locks.whenTrue, locks.whenFalse);
}

function lowerIf(ctx: TsUnitContext, node: ts.IfStatement, cursor: Cursor, elseIf = false): Cursor {
  const { whenTrue, whenFalse } = branches(ctx, node.expression, cursor, elseIf);
  // `if (db.client.config.client === 'mssql')`: a side that runs only on one database.
  // `catch (e) { if (e instanceof Prisma.PrismaClientKnownRequestError) … }` around a `try`
  // that reaches no code of that package: a side the request never takes.
  const impossible = impossibleErrorBranch(ctx, node.expression);
  const dialect = { ...dialectBranchMarks(ctx, node.expression), ...impossible };
  // `if (!db) { db = knex(…); … }`: a memoised factory's first call.
  const thenEnd = lowerDialectSide(ctx, dialect.whenTrue, [], () =>
    memoisingBranch(node) ? ctx.once(() => lowerStatement(ctx, node.thenStatement, whenTrue)) : lowerStatement(ctx, node.thenStatement, whenTrue),
  );
  const otherwise = node.elseStatement;
  // `else if`: one statement with the `if` before it, so its ways out meet at the same node.
  const elseEnd = lowerDialectSide(ctx, dialect.whenFalse, [], () =>
    otherwise && ts.isIfStatement(otherwise) ? lowerIf(ctx, otherwise, whenFalse, true) : otherwise ? lowerStatement(ctx, otherwise, whenFalse) : whenFalse,
  );
  const end = ctx.builder.join(thenEnd, elseEnd);
  return elseIf ? end : ctx.builder.settle(end);
}

function isTrueLiteral(node: ts.Expression | undefined): boolean {
  if (!node) return false;
  if (ts.isParenthesizedExpression(node)) return isTrueLiteral(node.expression);
  return node.kind === ts.SyntaxKind.TrueKeyword || (ts.isNumericLiteral(node) && Number(node.text) !== 0);
}

/** The loop's header, up to its body: findings point here. */
function headerSpan(ctx: TsUnitContext, node: ts.Node, body: ts.Node): Span {
  const start = node.getStart(ctx.facts.source);
  const text = ctx.facts.source.text;
  let end = body.getStart(ctx.facts.source);
  while (end > start && ' \t\r\n'.includes(text[end - 1] ?? 'x')) end--;
  return { file: ctx.facts.file, start, end };
}

type LoopFrame = Extract<TsJumpFrame, { kind: 'loop' }>;

interface LoopScope {
  readonly frame: LoopFrame;
  readonly header: number;
  readonly outerLoop: number | undefined;
}

function newFrame(flavour: LoopFrame['flavour'], labels: readonly string[]): LoopFrame {
  return { kind: 'loop', flavour, labels, breaks: [] as PendingEdge[], continues: [] as PendingEdge[] };
}

function enterLoop(ctx: TsUnitContext, kind: LoopKind, header: Span, infinite: boolean, labels: readonly string[]): LoopScope {
  const loop = ctx.builder.addLoop(kind, header, infinite);
  const frame = newFrame('loop', labels);
  ctx.jumps.push(frame);
  return { frame, header: loop.headerNode, outerLoop: loop.outer };
}

function leaveLoop(ctx: TsUnitContext, scope: LoopScope): void {
  ctx.jumps.pop();
  ctx.builder.currentLoop = scope.outerLoop;
}

function lowerLabeled(ctx: TsUnitContext, node: ts.LabeledStatement, cursor: Cursor, labels: readonly string[]): Cursor {
  const all = [...labels, node.label.text];
  const inner = node.statement;
  if (ts.isIterationStatement(inner, false) || ts.isLabeledStatement(inner) || ts.isSwitchStatement(inner)) {
    return lowerStatement(ctx, inner, cursor, all);
  }
  const frame = newFrame('block', all);
  ctx.jumps.push(frame);
  const end = lowerStatement(ctx, inner, cursor);
  ctx.jumps.pop();
  return ctx.builder.join(end, frame.breaks);
}

function lowerWhile(ctx: TsUnitContext, node: ts.WhileStatement, cursor: Cursor, labels: readonly string[]): Cursor {
  const infinite = isTrueLiteral(node.expression);
  const scope = enterLoop(ctx, 'while', headerSpan(ctx, node, node.statement), infinite, labels);
  ctx.builder.connect(cursor, scope.header);
  const split = branches(ctx, node.expression, [{ from: scope.header }]);
  const bodyEnd = lowerStatement(ctx, node.statement, split.whenTrue);
  ctx.builder.connect(ctx.builder.join(bodyEnd, scope.frame.continues), scope.header);
  leaveLoop(ctx, scope);
  return ctx.builder.join(infinite ? [] : split.whenFalse, scope.frame.breaks);
}

function lowerDo(ctx: TsUnitContext, node: ts.DoStatement, cursor: Cursor, labels: readonly string[]): Cursor {
  const infinite = isTrueLiteral(node.expression);
  const header: Span = ctx.span(node.expression);
  const scope = enterLoop(ctx, 'do', header, infinite, labels);
  ctx.builder.connect(cursor, scope.header);
  const bodyEnd = lowerStatement(ctx, node.statement, [{ from: scope.header }]);
  const split = branches(ctx, node.expression, ctx.builder.join(bodyEnd, scope.frame.continues));
  ctx.builder.connect(split.whenTrue, scope.header);
  leaveLoop(ctx, scope);
  return ctx.builder.join(infinite ? [] : split.whenFalse, scope.frame.breaks);
}

function lowerFor(ctx: TsUnitContext, node: ts.ForStatement, cursor: Cursor, labels: readonly string[]): Cursor {
  let next = cursor;
  if (node.initializer) {
    next = ts.isVariableDeclarationList(node.initializer)
      ? lowerDeclarations(ctx, node.initializer, next)
      : lowerExpression(ctx, node.initializer, next);
  }
  const infinite = node.condition === undefined || isTrueLiteral(node.condition);
  const scope = enterLoop(ctx, 'for', headerSpan(ctx, node, node.statement), infinite, labels);
  ctx.builder.connect(next, scope.header);
  const start: Cursor = [{ from: scope.header }];
  const split = node.condition ? branches(ctx, node.condition, start) : { whenTrue: start, whenFalse: [] };
  const bodyEnd = lowerStatement(ctx, node.statement, split.whenTrue);
  let update = ctx.builder.join(bodyEnd, scope.frame.continues);
  if (node.incrementor) update = lowerExpression(ctx, node.incrementor, update);
  ctx.builder.connect(update, scope.header);
  leaveLoop(ctx, scope);
  return ctx.builder.join(infinite ? [] : split.whenFalse, scope.frame.breaks);
}

function lowerForEach(ctx: TsUnitContext, node: ts.ForOfStatement | ts.ForInStatement, cursor: Cursor, labels: readonly string[]): Cursor {
  const next = lowerExpression(ctx, node.expression, cursor);
  const scope = enterLoop(ctx, 'foreach', headerSpan(ctx, node, node.statement), false, labels);
  ctx.builder.connect(next, scope.header);
  const start: Cursor = [{ from: scope.header }];
  // `for await (const x of stream)`: each round awaits the next value (not slow by itself).
  const bodyEnd = lowerStatement(ctx, node.statement, start);
  ctx.builder.connect(ctx.builder.join(bodyEnd, scope.frame.continues), scope.header);
  leaveLoop(ctx, scope);
  return ctx.builder.join(start, scope.frame.breaks);
}

function lowerSwitch(ctx: TsUnitContext, node: ts.SwitchStatement, cursor: Cursor, labels: readonly string[]): Cursor {
  const dispatch = lowerExpression(ctx, node.expression, cursor);
  const frame = newFrame('switch', labels);
  ctx.jumps.push(frame);
  let fallthrough: Cursor = [];
  let hasDefault = false;
  let tested = dispatch;
  // `switch (sequelize.getDialect())`: each `case` runs only on its database.
  const dialects = dialectClauseMarks(ctx, node);
  for (const [index, clause] of node.caseBlock.clauses.entries()) {
    let entry: Cursor;
    if (ts.isDefaultClause(clause)) {
      hasDefault = true;
      entry = dispatch;
    } else {
      tested = lowerExpression(ctx, clause.expression, tested);
      entry = tested;
    }
    // A clause for a database the project does not run is entered only by falling into it.
    const side = dialects?.[index];
    const from = side === 'never' ? fallthrough : ctx.builder.join(entry, fallthrough);
    fallthrough = lowerDialectSide(ctx, side === 'never' ? undefined : side, [], () => lowerStatements(ctx, clause.statements, from));
  }
  ctx.jumps.pop();
  return ctx.builder.join(fallthrough, frame.breaks, hasDefault ? [] : tested);
}

function lowerTry(ctx: TsUnitContext, node: ts.TryStatement, cursor: Cursor): Cursor {
  const finallyBody = node.finallyBlock;
  const finallyFrame: TsJumpFrame | undefined = finallyBody ? { kind: 'finally', body: finallyBody, loop: ctx.builder.currentLoop } : undefined;
  if (finallyFrame) ctx.jumps.push(finallyFrame);
  const dispatch = node.catchClause ? ctx.builder.newNode().id : undefined;
  if (dispatch !== undefined) ctx.jumps.push({ kind: 'catch', dispatch });
  const entry = ctx.builder.emit(cursor);
  const results: Cursor[] = [lowerStatement(ctx, node.tryBlock, entry.cursor)];
  if (dispatch !== undefined && node.catchClause) {
    ctx.jumps.pop();
    const caught = CfgBuilder.withNote([{ from: dispatch }], `an exception is caught (line ${ctx.line(node.catchClause)})`);
    // Slow work here runs only when something in the `try` failed: an error path.
    const outer = ctx.builder.currentErrorPath;
    ctx.builder.currentErrorPath = true;
    try {
      results.push(lowerStatement(ctx, node.catchClause.block, caught));
    } finally {
      ctx.builder.currentErrorPath = outer;
    }
  }
  const joined = ctx.builder.join(...results);
  if (finallyFrame && finallyBody) {
    ctx.jumps.pop();
    return lowerStatement(ctx, finallyBody, joined);
  }
  return joined;
}

/** `return`, `break [label]`, `continue [label]`: run every `finally` on the way out, then reach the target. */
export function jumpOut(
  ctx: TsUnitContext,
  cursor: Cursor,
  kind: 'return' | 'break' | 'continue',
  label?: string,
  returned: 'true' | 'false' | 'other' = 'other',
): void {
  let current = cursor;
  for (let i = ctx.jumps.length - 1; i >= 0 && current.length > 0; i--) {
    const frame = ctx.jumps[i]!;
    if (frame.kind === 'finally') {
      current = ctx.lowerFinallyCopy(frame.body, current, i);
    } else if (frame.kind === 'loop' && kind !== 'return') {
      const matches =
        label !== undefined
          ? frame.labels.includes(label) && (kind === 'break' || frame.flavour === 'loop')
          : kind === 'break'
            ? frame.flavour !== 'block'
            : frame.flavour === 'loop';
      if (matches) {
        (kind === 'break' ? frame.breaks : frame.continues).push(...current);
        return;
      }
    }
  }
  ctx.leaveUnit(current, kind, returned);
}

export function installFinallyCopier(ctx: TsUnitContext): void {
  ctx.setBlockLowering((body, cursor) => (isDisposalMarker(body) ? lowerDisposal(ctx, body, cursor) : lowerStatement(ctx, body, cursor)));
}
