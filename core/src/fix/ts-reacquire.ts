import * as ts from 'typescript';
import type { NodeTransactionStatements } from '../catalog';
import type { TextEdit } from '../model/fix';
import type { Span } from '../model/span';
import { classifySql } from '../lower/ts/transactions';
import { collectReads, lineOf, nodeCovering, rootName, statementOf, textOfLines, within } from './ts-move-statement';

/**
 * Releasing a pooled client before slow work and acquiring a new one after it, TypeScript:
 *
 * ```ts
 * let client = await pool.connect();          // was `const`: the binding is reassigned
 * let clientHeld = true;                      // only when a `catch`/`finally` uses it
 * try {
 *   const user = await client.query('…');
 *   client.release();
 *   clientHeld = false;
 *   const res = await fetch(url(user));       // the slow work, with nothing held
 *   client = await pool.connect();            // every later use sees the new client
 *   clientHeld = true;
 *   await client.query('…', [res.status]);
 * } finally {
 *   if (clientHeld) client.release();         // never a second release when the fetch or the new acquire fails
 * }
 * ```
 *
 * It is planned only where the syntax tree shows it is correct: the client is acquired by a
 * declaration of a single name, by a call the fix can repeat (a method of a receiver made of
 * names, with literal arguments only); the slow work is a statement of the same function, on
 * lines of its own, after the acquire and inside its block, that neither uses the client nor
 * jumps out of itself; the client is never used inside a nested function (a callback may run
 * while it is released), never reassigned, never handed to other code before the slow work
 * (that code may keep the old one), and every call on it before the slow work is awaited (a
 * query still running when it is released). Each statement of a `catch` or `finally` that the
 * slow work's failure reaches and that uses the client must be a single-line expression
 * statement: it is guarded by the flag.
 *
 * When nothing after the slow work uses the client but to release it (and it is not in a loop),
 * no new client is acquired: the releases after it are guarded by the flag instead.
 *
 * When the last transaction statement on the client before the slow work begins one (`BEGIN`,
 * written as SQL), the plan splits the transaction: it commits before the release and begins
 * again after the new acquire (`splitsTransaction`): the caller shows it, never applies it.
 */
export interface ReacquirePlan {
  readonly edits: readonly TextEdit[];
  /** The call that began the transaction the plan splits (`client.query('BEGIN')`), when there is one. */
  readonly splitsTransaction?: string;
  /**
   * Statements of a `catch` or `finally` the slow work's failure reaches that use the client
   * for more than releasing it: now skipped when the client is not held.
   */
  readonly guardedOtherUses: number;
}

export type ReacquireResult = ReacquirePlan | { readonly refused: string };

export function planReacquire(
  source: ts.SourceFile,
  file: string,
  text: string,
  slow: Span,
  acquire: Span,
  alsoSlow: readonly Span[],
  releases: readonly Span[],
  transactions: readonly NodeTransactionStatements[],
): ReacquireResult {
  const acquireCall = callAt(source, acquire);
  const acquireStatement = acquireCall && statementOf(acquireCall);
  if (!acquireCall || !acquireStatement || !ts.isVariableStatement(acquireStatement)) return { refused: 'the client is not acquired by a declaration' };
  const list = acquireStatement.declarationList;
  const declaration = list.declarations.length === 1 ? list.declarations[0]! : undefined;
  if (!declaration || !ts.isIdentifier(declaration.name) || !declaration.initializer) return { refused: 'the client is not acquired by a declaration of one name' };
  // `Using` shares bits with `Const` (`AwaitUsing` is both): compare the whole block-scope kind.
  const binding = list.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const | ts.NodeFlags.Using);
  if (binding === ts.NodeFlags.Using || binding === ts.NodeFlags.AwaitUsing) return { refused: 'the client is bound by `using`, which releases it at the end of its block' };
  let initializer: ts.Expression = declaration.initializer;
  while (ts.isParenthesizedExpression(initializer) || ts.isAwaitExpression(initializer)) initializer = initializer.expression;
  if (initializer !== acquireCall || !repeatable(acquireCall)) return { refused: 'the call that acquires the client cannot be repeated as written' };
  const acquireText = declaration.initializer.getText(source);
  if (acquireText.includes('\n')) return { refused: 'the call that acquires the client spans several lines' };
  const variable = declaration.name.text;
  const fn = functionOf(acquireStatement);

  const slowNode = nodeCovering(source, slow);
  const slowStatement = slowNode && statementOf(slowNode);
  if (!slowStatement || slowStatement === acquireStatement) return { refused: 'the slow work is not a statement of its own' };
  if (alsoSlow.some((span) => span.start < slowStatement.getStart(source) || span.end > slowStatement.end)) return { refused: 'the region does slow work in more than one statement' };
  if (functionOf(slowStatement) !== fn) return { refused: 'the slow work runs in a callback, not where the client is acquired' };
  if (!within(slowStatement, acquireStatement.parent) || slowStatement.getStart(source) < acquireStatement.end) return { refused: 'the slow work does not follow the acquire in its block' };
  const reads = new Set<string>();
  const jump = collectReads(slowStatement, reads, undefined);
  if (jump) return { refused: jump };
  if (reads.has(variable)) return { refused: `the slow work uses \`${variable}\`` };

  const uses = usesOf(fn, variable, declaration.name, source);
  if ('refused' in uses) return uses;
  const slowStart = slowStatement.getStart(source);
  // In a loop of the region, what the loop body runs after the slow work also runs before its next round.
  const loop = outermostLoop(slowStatement, acquireStatement.parent);
  const runsBefore = (use: ts.Node): boolean => {
    const at = use.getStart(source);
    return (at > acquireStatement.end && at < slowStart) || (loop !== undefined && within(use, loop) && !within(use, slowStatement));
  };
  for (const use of uses.list) {
    if (runsBefore(use)) {
      const call = methodCallOn(use);
      if (!call) return { refused: `\`${variable}\` is handed to other code before the slow work, which may keep the old client` };
      if (!awaited(call) && !within(call, slowStatement)) return { refused: `a call on \`${variable}\` before the slow work is not awaited: it may still run when the client is released` };
    }
  }

  // The transaction the client is in at the slow work: the last begin or end before it, in the text.
  let transaction: { begin: ts.CallExpression; sql: boolean } | undefined;
  for (const use of uses.list) {
    if (use.getStart(source) >= slowStart) break;
    const call = methodCallOn(use);
    if (!call) continue;
    const what = transactionControl(call, transactions);
    if (what === 'end') transaction = undefined;
    else if (what) transaction = { begin: call, sql: what === 'begin-sql' };
  }

  // The statements a failure of the slow work reaches that use the client: guarded by the flag.
  const guarded: ts.Statement[] = [];
  let otherUses = 0;
  for (let at: ts.Node = slowStatement; at !== acquireStatement.parent; at = at.parent) {
    const parent = at.parent;
    if (!ts.isTryStatement(parent) || parent.tryBlock !== at) continue;
    for (const handler of [parent.catchClause?.block, parent.finallyBlock]) {
      if (!handler) continue;
      for (const use of uses.list.filter((u) => within(u, handler))) {
        const statement = statementOf(use);
        if (!statement || !ts.isExpressionStatement(statement) || statement.getText(source).includes('\n')) {
          return { refused: `a \`catch\` or \`finally\` uses \`${variable}\` in a statement this fix cannot guard` };
        }
        if (guarded.includes(statement)) continue;
        guarded.push(statement);
        if (!releases.some((span) => span.start >= statement.getStart(source) && span.end <= statement.end)) otherUses++;
      }
    }
  }

  // Nothing after the slow work uses the client but to release it: no new one is acquired, and
  // every release after it is guarded (it may still run on paths that skip the slow work).
  const isRelease = (statement: ts.Statement): boolean => releases.some((span) => span.start >= statement.getStart(source) && span.end <= statement.end);
  const later = uses.list.filter((use) => use.getStart(source) >= slowStatement.end && !guarded.some((statement) => within(use, statement)));
  const needsClientAfter = loop !== undefined || later.some((use) => {
    const statement = statementOf(use);
    return !statement || !isRelease(statement);
  });
  if (!needsClientAfter) {
    for (const use of later) {
      const statement = statementOf(use)!;
      if (!ts.isExpressionStatement(statement) || statement.getText(source).includes('\n')) return { refused: `a release of \`${variable}\` after the slow work is not a statement this fix can guard` };
      if (!guarded.includes(statement)) guarded.push(statement);
    }
  }

  const release = releaseCall(source, releases, variable);
  if (!release) return { refused: `no release of \`${variable}\` is written in this function` };
  const slowLines = textOfLines(source, text, slowStatement);
  const acquireLines = textOfLines(source, text, acquireStatement);
  if (!slowLines || !acquireLines) return { refused: 'the statements do not stand on lines of their own' };
  const indent = lineOf(source, text, slowStatement)!.indent;
  const flag = guarded.length > 0 ? flagName(source, variable) : undefined;
  if (guarded.length > 0 && !flag) return { refused: `no free name for the flag that says whether \`${variable}\` is held` };

  let commit = '';
  let beginAgain = '';
  if (transaction) {
    const beginStatement = statementOf(transaction.begin);
    if (!transaction.sql || !beginStatement || !ts.isExpressionStatement(beginStatement) || beginStatement.getText(source).includes('\n')) {
      return { refused: `the transaction on \`${variable}\` is begun in a way this fix cannot repeat` };
    }
    const method = (transaction.begin.expression as ts.PropertyAccessExpression).name.text;
    const quote = (transaction.begin.arguments[0]!.getText(source)[0] === '"' ? '"' : "'");
    commit = `${indent}await ${variable}.${method}(${quote}COMMIT${quote});\n`;
    beginAgain = `${indent}${beginStatement.getText(source)}\n`;
  }

  const inserts = new Map<number, string>();
  const insert = (at: number, newText: string): void => {
    inserts.set(at, (inserts.get(at) ?? '') + newText);
  };
  const edits: TextEdit[] = [];
  if (binding === ts.NodeFlags.Const && needsClientAfter) {
    const keyword = list.getStart(source);
    edits.push({ span: { file, start: keyword, end: keyword + 'const'.length }, newText: 'let' });
  }
  const acquireIndent = lineOf(source, text, acquireStatement)!.indent;
  if (flag) insert(acquireLines.lineEnd, `${acquireIndent}let ${flag} = true;\n`);
  insert(slowLines.lineStart, `${commit}${indent}${release}\n${flag ? `${indent}${flag} = false;\n` : ''}`);
  if (needsClientAfter) insert(slowLines.lineEnd, `${indent}${variable} = ${acquireText};\n${flag ? `${indent}${flag} = true;\n` : ''}${beginAgain}`);
  for (const [at, newText] of inserts) edits.push({ span: { file, start: at, end: at }, newText });
  for (const statement of guarded) {
    const start = statement.getStart(source);
    edits.push({ span: { file, start, end: start }, newText: `if (${flag}) ` });
  }
  return {
    edits,
    ...(transaction ? { splitsTransaction: transaction.begin.getText(source) } : {}),
    guardedOtherUses: transaction ? 0 : otherUses,
  };
}

/** The call whose span is `span` (the acquire's span is its call). */
function callAt(source: ts.SourceFile, span: Span): ts.CallExpression | undefined {
  for (let node = nodeCovering(source, span); node; node = node.parent) {
    if (ts.isCallExpression(node)) return node;
  }
  return undefined;
}

/** `pool.connect()`, `this.pool.getConnection()`: a method of names, with literal arguments only. */
function repeatable(call: ts.CallExpression): boolean {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee)) return false;
  let receiver: ts.Expression = callee.expression;
  while (ts.isPropertyAccessExpression(receiver)) receiver = receiver.expression;
  if (!ts.isIdentifier(receiver) && receiver.kind !== ts.SyntaxKind.ThisKeyword) return false;
  return call.arguments.every(
    (a) => ts.isStringLiteral(a) || ts.isNumericLiteral(a) || ts.isNoSubstitutionTemplateLiteral(a) || a.kind === ts.SyntaxKind.TrueKeyword || a.kind === ts.SyntaxKind.FalseKeyword || a.kind === ts.SyntaxKind.NullKeyword,
  );
}

/** The outermost loop that holds `statement` inside `block`. */
function outermostLoop(statement: ts.Node, block: ts.Node): ts.IterationStatement | undefined {
  let found: ts.IterationStatement | undefined;
  for (let at = statement.parent; at && at !== block; at = at.parent) if (ts.isIterationStatement(at, false)) found = at;
  return found;
}

function functionOf(node: ts.Node): ts.Node {
  for (let at = node.parent; at; at = at.parent) if (ts.isFunctionLike(at) || ts.isSourceFile(at)) return at;
  return node.getSourceFile();
}

/**
 * Every identifier that names the client in its function (the declaration's own name aside),
 * in text order; refused where one is in a nested function, is assigned, or the name is
 * declared again in the function (which use means which binding would be a guess).
 */
function usesOf(fn: ts.Node, variable: string, declared: ts.Identifier, source: ts.SourceFile): { list: ts.Identifier[] } | { refused: string } {
  const list: ts.Identifier[] = [];
  let refused: string | undefined;
  const visit = (node: ts.Node): void => {
    if (refused) return;
    if (ts.isIdentifier(node) && node.text === variable && node !== declared) {
      const parent = node.parent;
      if ((ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isBindingElement(parent) || ts.isFunctionDeclaration(parent) || ts.isClassDeclaration(parent)) && parent.name === node) {
        refused = `\`${variable}\` is declared again in this function`;
      } else if (ts.isPropertyAccessExpression(parent) && parent.name === node) {
        // `other.client`: a property of that name, not the variable.
      } else if ((ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(parent) || ts.isPropertyDeclaration(parent)) && parent.name === node) {
        // An object key.
      } else if (functionOf(node) !== fn) {
        refused = `\`${variable}\` is used in a callback, which may run while it is released`;
      } else if (ts.isBinaryExpression(parent) && parent.left === node && parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
        refused = `\`${variable}\` is assigned in this function`;
      } else {
        list.push(node);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(fn);
  if (refused) return { refused };
  return { list: list.sort((a, b) => a.getStart(source) - b.getStart(source)) };
}

/** `client.query(…)`: the call when `use` is its receiver. */
function methodCallOn(use: ts.Identifier): ts.CallExpression | undefined {
  const access = use.parent;
  if (!ts.isPropertyAccessExpression(access) || access.expression !== use) return undefined;
  const call = access.parent;
  return ts.isCallExpression(call) && call.expression === access ? call : undefined;
}

function awaited(call: ts.CallExpression): boolean {
  let at: ts.Node = call;
  while (ts.isParenthesizedExpression(at.parent)) at = at.parent;
  return ts.isAwaitExpression(at.parent);
}

/** What a call on the client does to a transaction, by the catalog's transaction statements. */
function transactionControl(call: ts.CallExpression, entries: readonly NodeTransactionStatements[]): 'begin-sql' | 'begin-method' | 'end' | undefined {
  const method = (call.expression as ts.PropertyAccessExpression).name.text;
  const first = call.arguments[0];
  const sql = first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)) ? first.text : undefined;
  for (const entry of entries) {
    if (entry.beginMethods?.includes(method)) return 'begin-method';
    if (entry.endMethods?.includes(method)) return 'end';
    if (sql !== undefined && entry.methods.includes(method)) {
      const what = classifySql(entry, sql);
      if (what) return what === 'begin' ? 'begin-sql' : 'end';
    }
  }
  return undefined;
}

/** The release statement to insert, as the code writes its own (`client.release();`, `await runner.release();`). */
function releaseCall(source: ts.SourceFile, releases: readonly Span[], variable: string): string | undefined {
  for (const span of releases) {
    const call = callAt(source, span);
    if (!call || !ts.isPropertyAccessExpression(call.expression) || rootName(call.expression.expression) !== variable || !ts.isIdentifier(call.expression.expression)) continue;
    if (call.arguments.length > 0) continue;
    return `${awaited(call) ? 'await ' : ''}${variable}.${call.expression.name.text}();`;
  }
  return undefined;
}

/** `clientHeld`, unless the file already has that name. */
function flagName(source: ts.SourceFile, variable: string): string | undefined {
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) names.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return [`${variable}Held`, `${variable}IsHeld`].find((name) => !names.has(name));
}
