import * as posix from 'node:path/posix';
import type { SyntaxNode } from '../../parse/php';
import { escapeValue } from './escape-sequences';
import { literalString } from './session-access';

import { DOCUMENT_ROOT, SCRIPT_FILENAME, entryScriptDir, entryScriptDirLevels, resolveConstants, type StaticPart, type StaticString } from '../../ir/static-string';
import { argumentValue, callArguments, calledName } from './literals';

export { resolveConstants, type StaticPart, type StaticString };

/**
 * What a variable read holds, when the caller can tell (`variable-value.ts`); without it every
 * variable is unknown.
 */
export type VariableValues = (variable: SyntaxNode) => StaticString | undefined;

/**
 * Folds a PHP expression into a static string; `file` is the file's path (for `__DIR__`), and
 * `variables` says what the variables it reads hold, when that is known.
 */
export function evaluateStatic(node: SyntaxNode | null | undefined, file: string, variables?: VariableValues): StaticString {
  if (!node) return [{ unknown: true }];
  const inner = (child: SyntaxNode | null | undefined): StaticString => evaluateStatic(child, file, variables);
  switch (node.type) {
    case 'parenthesized_expression':
      return inner(node.namedChild(0));
    case 'argument':
      return inner(argumentValue(node));
    case 'variable_name':
      // Unknown, but the same variable read twice in one path is the same text
      // (`'modules/' . $m . '/' . $m . '.php'` names `modules/x/x.php`, not `modules/x/y.php`).
      return variables?.(node) ?? [{ unknown: true, variable: node.text }];
    case 'assignment_expression':
      // `($h = realpath($dir))` used as a value: the value assigned.
      return inner(node.childForFieldName('right'));
    case 'conditional_expression': {
      // `$a ? $b : $c` (or `$a ?: $c`) whose two outcomes are the same known string.
      const body = node.childForFieldName('body');
      const first = fullyKnown(inner(body ?? node.childForFieldName('condition')));
      const second = inner(node.childForFieldName('alternative'));
      return first !== undefined && first === fullyKnown(second) ? second : [{ unknown: true }];
    }
    case 'string':
    case 'encapsed_string': {
      const literal = literalString(node);
      if (literal !== undefined) return [{ text: literal }];
      // "views/$name.php": literal pieces around unknown interpolations.
      return node.namedChildren.flatMap((part): StaticPart[] =>
        part?.type === 'string_content' ? [{ text: part.text }] : part?.type === 'escape_sequence' ? [{ text: escapeValue(part.text) }] : [{ unknown: true }],
      );
    }
    case 'binary_expression': {
      if (node.childForFieldName('operator')?.text !== '.') return [{ unknown: true }];
      return [...inner(node.childForFieldName('left')), ...inner(node.childForFieldName('right'))];
    }
    case 'name': {
      if (node.text === '__DIR__') return [{ text: posix.dirname(file), anchored: true }];
      if (node.text === '__FILE__') return [{ text: file, anchored: true }];
      if (node.text === 'DIRECTORY_SEPARATOR') return [{ text: '/' }];
      return [{ constant: node.text }];
    }
    case 'qualified_name':
      return [{ constant: node.text.startsWith('\\') ? node.text.slice(1) : node.text }];
    case 'subscript_expression': {
      // `$_SERVER['DOCUMENT_ROOT']`: unknown, but named, so an include can tell it (`include-paths.ts`).
      const array = node.namedChild(0);
      const key = node.namedChild(1);
      const keyText = key ? literalString(key) : undefined;
      if (array?.type === 'variable_name' && array.text === '$_SERVER' && keyText === 'DOCUMENT_ROOT') return [{ unknown: true, variable: DOCUMENT_ROOT }];
      if (array?.type === 'variable_name' && array.text === '$_SERVER' && keyText === 'SCRIPT_FILENAME') return [{ unknown: true, variable: SCRIPT_FILENAME }];
      return [{ unknown: true }];
    }
    case 'boolean':
    case 'null':
      // `define('USE_CACHE', false)`: kept as the literal it is, so a condition can read the
      // constant's value back (`constantLiteral`); in a string it stays unknown.
      return [{ constant: node.text.toLowerCase() }];
    case 'integer':
    case 'float':
      // `const POLL_SECONDS = 25;`: a number is its text in a string, and read back as a number.
      return [{ text: node.text }];
    case 'function_call_expression': {
      const written = node.childForFieldName('function')?.text.toLowerCase() ?? '';
      const name = written.startsWith('\\') ? written.slice(1) : written;
      const args = callArguments(node);
      if (name === 'dirname' && args.length >= 1) {
        const levels = args[1] ? Number(args[1].text) : 1;
        const value = inner(args[0]);
        const text = fullyKnown(value);
        if (!Number.isInteger(levels) || levels < 1) return [{ unknown: true }];
        // `dirname($_SERVER['SCRIPT_FILENAME'])`: the entry script's folder, whichever it is.
        const fromEntry = value.length === 1 ? (entryScriptDirLevels(value[0]) ?? (isScriptFilename(value[0]) ? 0 : undefined)) : undefined;
        if (fromEntry !== undefined) return [entryScriptDir(fromEntry + levels)];
        if (text === undefined) return [{ unknown: true }];
        let dir = text;
        for (let i = 0; i < levels; i++) dir = posix.dirname(dir);
        return [{ text: dir, anchored: true }];
      }
      // `realpath($dir)`: the same directory, written canonically (or false when it does not
      // exist, and then the path is not included from anyway).
      if (name === 'realpath' && args.length === 1) {
        const value = inner(args[0]);
        const text = fullyKnown(value);
        if (value.length === 1 && entryScriptDirLevels(value[0]) !== undefined) return value;
        return text === undefined ? [{ unknown: true }] : [{ text: posix.normalize(text), ...(isAnchored(value) ? { anchored: true as const } : {}) }];
      }
      // `str_replace('\\', '/', $path)` with literal search and replacement strings.
      if (name === 'str_replace' && args.length === 3) {
        const [search, replacement, subject] = args.map((arg) => inner(arg));
        const from = fullyKnown(search!);
        const to = fullyKnown(replacement!);
        const text = fullyKnown(subject!);
        // `str_replace('\\', '/', dirname($_SERVER['SCRIPT_FILENAME']) . '/')`: a folder of
        // the server's own files, whose separators are already `/` here.
        // (The search string is the literal's text: `'\\'` may read as one backslash or two.)
        if (from !== undefined && from !== '' && [...from].every((c) => c === '\\') && to === '/' && text === undefined && entryScriptDirLevels(subject![0]) !== undefined && subject!.slice(1).every((part) => 'text' in part)) {
          return [subject![0]!, ...subject!.slice(1).map((part) => ('text' in part ? { text: part.text.split(from).join(to) } : part))];
        }
        if (from === undefined || to === undefined || text === undefined || from === '') return [{ unknown: true }];
        return [{ text: text.split(from).join(to), ...(isAnchored(subject!) ? { anchored: true as const } : {}) }];
      }
      // `implode(DIRECTORY_SEPARATOR, [__DIR__, 'lib', 'x.php'])` (or `join('/', …)`): the
      // elements of an array literal with a known separator between them, as `.` would write it.
      const imploded = implodeOperands(node);
      if (imploded) return joinParts(inner(imploded.separator), imploded.elements.map(inner)) ?? [{ unknown: true }];
      return [{ unknown: true }];
    }
    default:
      return [{ unknown: true }];
  }
}

/** More elements than this and `implode()` is not folded (a path has a handful). */
const MAX_IMPLODED_ELEMENTS = 32;

/**
 * The separator and the elements of `implode($separator, [a, b, c])` (or `join()`), when the
 * array is a literal list (no keys, no spread: a spread hides how many elements there are);
 * undefined for any other call.
 */
export function implodeOperands(node: SyntaxNode): { separator: SyntaxNode; elements: SyntaxNode[] } | undefined {
  const name = calledName(node);
  if (name !== 'implode' && name !== 'join') return undefined;
  const args = callArguments(node);
  if (args.length !== 2) return undefined;
  const array = argumentValue(args[1]!);
  if (array?.type !== 'array_creation_expression') return undefined;
  const items = array.namedChildren.filter((c): c is SyntaxNode => c !== null && c.type !== 'comment');
  if (items.length === 0 || items.length > MAX_IMPLODED_ELEMENTS) return undefined;
  if (items.some((item) => item.type !== 'array_element_initializer' || item.namedChildCount !== 1 || item.text.startsWith('...'))) return undefined;
  return { separator: args[0]!, elements: items.map((item) => item.namedChild(0)!) };
}

/** `a . $separator . b . $separator . c` of the elements' values, when the separator has no unknown part. */
export function joinParts<T extends object>(separator: readonly T[], elements: readonly (readonly T[])[]): T[] | undefined {
  if (separator.some((part) => 'unknown' in part)) return undefined;
  return elements.flatMap((element, index) => [...(index > 0 ? separator : []), ...element]);
}

function isScriptFilename(part: StaticPart | undefined): boolean {
  return part !== undefined && 'unknown' in part && part.variable === SCRIPT_FILENAME;
}

/** The value starts at `__DIR__`/`__FILE__`. */
function isAnchored(value: StaticString): boolean {
  const first = value[0];
  return first !== undefined && 'text' in first && first.anchored === true;
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

