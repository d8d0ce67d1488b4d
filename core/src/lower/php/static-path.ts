import type { SyntaxNode } from '../../parse/php';
import { literalString } from './session-access';

export type PathClass = 'url' | 'local' | 'unknown';

const LOCAL_STREAM_SCHEMES = new Set(['file', 'php', 'data', 'glob', 'phar', 'zlib', 'compress.zlib', 'compress.bzip2']);

/**
 * Classifies the path argument of `file_get_contents()`, `fopen()`, `file()`: a URL makes
 * the call remote I/O, a path we can see is local, anything else is unknown.
 */
export function classifyPath(node: SyntaxNode | null | undefined): PathClass {
  if (!node) return 'unknown';
  if (node.type === 'argument') return classifyPath(node.namedChildren.find((c) => c?.type !== 'name') ?? node.namedChild(0));
  if (node.type === 'parenthesized_expression') return classifyPath(node.namedChild(0));
  const literal = literalString(node);
  if (literal !== undefined) return classifyLiteral(literal);
  if (node.type === 'encapsed_string' || node.type === 'heredoc') {
    const first = node.namedChild(0);
    if (first?.type === 'string_content') return classifyLiteral(first.text) === 'url' ? 'url' : 'unknown';
    return 'unknown';
  }
  if (node.type === 'binary_expression' && node.childForFieldName('operator')?.text === '.') {
    return classifyPath(node.childForFieldName('left'));
  }
  if (node.type === 'name' && (node.text === '__DIR__' || node.text === '__FILE__')) return 'local';
  if (node.type === 'function_call_expression') {
    const fn = node.childForFieldName('function')?.text.toLowerCase().replace(/^\\/, '');
    if (fn === 'dirname' || fn === 'realpath' || fn === 'sys_get_temp_dir' || fn === 'tempnam' || fn === 'getcwd') {
      return 'local';
    }
  }
  return 'unknown';
}

function classifyLiteral(value: string): PathClass {
  const separator = value.indexOf('://');
  if (separator <= 0) return 'local';
  const scheme = value.slice(0, separator).toLowerCase();
  if (![...scheme].every((ch) => (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || '+.-'.includes(ch))) {
    return 'local';
  }
  return LOCAL_STREAM_SCHEMES.has(scheme) ? 'local' : 'url';
}
