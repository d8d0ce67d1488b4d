import * as ts from 'typescript';

/**
 * How messages write code: short, on one line. A callee keeps its shape and drops the
 * arguments of the calls it goes through (`new ItemsService(…).createOne()`), so a long
 * argument list never hides the method that is called.
 */

const MAX_LENGTH = 40;

/** The first line of `text`, cut to 40 characters. */
export function shortText(text: string): string {
  const line = text.split(/\r?\n/, 1)[0]!.trim();
  return line.length > MAX_LENGTH ? `${line.slice(0, MAX_LENGTH - 3)}...` : line;
}

/** A callee as messages name it, with `()` appended: `pool.connect()`, `new X(…).run()`. */
export function calleeDisplay(callee: ts.Expression, source: ts.SourceFile): string {
  const text = chainText(callee, source, 0);
  return `${text ?? shortText(callee.getText(source))}()`;
}

function chainText(node: ts.Expression, source: ts.SourceFile, depth: number): string | undefined {
  if (depth > 8) return undefined;
  const args = (list: ts.NodeArray<ts.Expression> | undefined): string => (list && list.length > 0 ? '(…)' : '()');
  let text: string | undefined;
  if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) text = node.text;
  else if (node.kind === ts.SyntaxKind.ThisKeyword) text = 'this';
  else if (node.kind === ts.SyntaxKind.SuperKeyword) text = 'super';
  else if (ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) {
    return chainText(node.expression, source, depth + 1);
  } else if (ts.isPropertyAccessExpression(node)) {
    const base = chainText(node.expression, source, depth + 1);
    text = base === undefined ? undefined : `${base}${node.questionDotToken ? '?.' : '.'}${node.name.text}`;
  } else if (ts.isCallExpression(node)) {
    const base = chainText(node.expression, source, depth + 1);
    text = base === undefined ? undefined : `${base}${args(node.arguments)}`;
  } else if (ts.isNewExpression(node)) {
    const base = chainText(node.expression, source, depth + 1);
    text = base === undefined ? undefined : `new ${base}${args(node.arguments)}`;
  } else if (ts.isElementAccessExpression(node)) {
    const base = chainText(node.expression, source, depth + 1);
    text = base === undefined ? undefined : `${base}[…]`;
  }
  if (text === undefined) return undefined;
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 3)}...` : text;
}
