import type { SyntaxNode } from '../../parse/php';
import type { UnitContext } from './context';

/**
 * SQL a call is given, as far as the code writes it: the string literals of an argument (or of
 * the one value its variable is assigned), compared upper-case with single spaces. Used to find
 * statements that take a lock (a session store's `GET_LOCK(`) or wait (`SELECT SLEEP(5)`).
 */

/** The first of `statements` found in the SQL written in `node`, as the catalog spells it. */
export function statementIn(ctx: UnitContext, node: SyntaxNode | undefined, statements: readonly string[]): string | undefined {
  if (!node || statements.length === 0) return undefined;
  const value = node.type === 'variable_name' ? ctx.singleAssignments.get(node.text) : node;
  const text = normalizeSql(literalPieces(value, 0).join(' '));
  if (text === '') return undefined;
  // The longest that matches: `PG_SLEEP(` rather than the `SLEEP(` inside it.
  const found = statements.filter((statement) => text.includes(normalizeSql(statement)));
  return found.sort((a, b) => b.length - a.length)[0];
}

/** The literal pieces of a string expression: literals, interpolated strings' text, concatenations. */
function literalPieces(node: SyntaxNode | undefined, depth: number): string[] {
  if (!node || depth > 16) return [];
  switch (node.type) {
    case 'string':
    case 'encapsed_string':
      return node.namedChildren.flatMap((part) => (part?.type === 'string_content' ? [part.text] : []));
    case 'parenthesized_expression':
      return literalPieces(node.namedChild(0) ?? undefined, depth + 1);
    case 'binary_expression':
      if (node.childForFieldName('operator')?.text !== '.') return [];
      return [...literalPieces(node.childForFieldName('left') ?? undefined, depth + 1), ...literalPieces(node.childForFieldName('right') ?? undefined, depth + 1)];
    default:
      return [];
  }
}

/** Upper case, whitespace as single spaces, none before `(`: `get_lock (` and `GET_LOCK(` compare equal. */
function normalizeSql(text: string): string {
  let result = '';
  let space = false;
  for (const ch of text.toUpperCase()) {
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      space = result.length > 0;
      continue;
    }
    if (space && ch !== '(') result += ' ';
    space = false;
    result += ch;
  }
  return result;
}
