import type { SyntaxNode } from '../../parse/php';
import { escapeValue } from './escape-sequences';

/**
 * If `node` is `$_SESSION` or an element of it (`$_SESSION['a']['b']`), returns the
 * literal first-level key (or undefined for the whole array or a computed key).
 */
export function sessionRoot(node: SyntaxNode, sessionVariable: string): { key: string | undefined } | undefined {
  let current: SyntaxNode = node;
  let firstIndex: SyntaxNode | null = null;
  while (current.type === 'subscript_expression') {
    const base = current.namedChild(0);
    if (!base) return undefined;
    firstIndex = current.namedChild(1);
    current = base;
  }
  if (current.type !== 'variable_name') return undefined;
  if (current.namedChild(0)?.text !== sessionVariable) return undefined;
  return { key: firstIndex ? literalString(firstIndex) : undefined };
}

/** The value of a plain string literal (`'a'`, `"a"` without interpolation). */
export function literalString(node: SyntaxNode): string | undefined {
  if (node.type !== 'string' && node.type !== 'encapsed_string') return undefined;
  const parts = node.namedChildren;
  if (parts.some((p) => p?.type !== 'string_content' && p?.type !== 'escape_sequence')) return undefined;
  return parts.map((p) => (p!.type === 'escape_sequence' ? escapeValue(p!.text) : p!.text)).join('');
}
