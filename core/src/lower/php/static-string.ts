import * as posix from 'node:path/posix';
import type { SyntaxNode } from '../../parse/php';
import { literalString } from './session-access';

import { resolveConstants, type StaticPart, type StaticString } from '../../ir/static-string';

export { resolveConstants, type StaticPart, type StaticString };

/** Folds a PHP expression into a static string; `dir` is the directory of the file (for `__DIR__`). */
export function evaluateStatic(node: SyntaxNode | null | undefined, file: string): StaticString {
  if (!node) return [{ unknown: true }];
  switch (node.type) {
    case 'parenthesized_expression':
      return evaluateStatic(node.namedChild(0), file);
    case 'argument':
      return evaluateStatic(node.namedChildren.find((c) => c?.type !== 'name') ?? node.namedChild(0), file);
    case 'string':
    case 'encapsed_string': {
      const literal = literalString(node);
      if (literal !== undefined) return [{ text: literal }];
      // "views/$name.php": literal pieces around unknown interpolations.
      return node.namedChildren.flatMap((part): StaticPart[] =>
        part?.type === 'string_content' ? [{ text: part.text }] : [{ unknown: true }],
      );
    }
    case 'binary_expression': {
      if (node.childForFieldName('operator')?.text !== '.') return [{ unknown: true }];
      return [...evaluateStatic(node.childForFieldName('left'), file), ...evaluateStatic(node.childForFieldName('right'), file)];
    }
    case 'name': {
      if (node.text === '__DIR__') return [{ text: posix.dirname(file), anchored: true }];
      if (node.text === '__FILE__') return [{ text: file, anchored: true }];
      if (node.text === 'DIRECTORY_SEPARATOR') return [{ text: '/' }];
      return [{ constant: node.text }];
    }
    case 'qualified_name':
      return [{ constant: node.text.startsWith('\\') ? node.text.slice(1) : node.text }];
    case 'integer':
    case 'float':
      // `const POLL_SECONDS = 25;`: a number is its text in a string, and read back as a number.
      return [{ text: node.text }];
    case 'function_call_expression': {
      const written = node.childForFieldName('function')?.text.toLowerCase() ?? '';
      const name = written.startsWith('\\') ? written.slice(1) : written;
      const args = node.childForFieldName('arguments')?.namedChildren.filter((c): c is SyntaxNode => c?.type === 'argument') ?? [];
      if (name === 'dirname' && args.length >= 1) {
        const inner = evaluateStatic(args[0], file);
        const levels = args[1] ? Number(args[1].text) : 1;
        const text = fullyKnown(inner);
        if (text === undefined || !Number.isInteger(levels) || levels < 1) return [{ unknown: true }];
        let dir = text;
        for (let i = 0; i < levels; i++) dir = posix.dirname(dir);
        return [{ text: dir, anchored: true }];
      }
      return [{ unknown: true }];
    }
    default:
      return [{ unknown: true }];
  }
}

/** The text when every part is literal. */
export function fullyKnown(value: StaticString): string | undefined {
  let text = '';
  for (const part of value) {
    if (!('text' in part)) return undefined;
    text += part.text;
  }
  return text;
}

