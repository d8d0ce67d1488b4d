/**
 * The character an escape sequence of a PHP string literal stands for, so that
 * `'MRBS\\Session'` is the class name `MRBS\Session` and `"a\tb"` has a tab in it.
 * tree-sitter-php marks the sequences (`escape_sequence` nodes); this decodes one of them.
 * Single-quoted strings know only `\\` and `\'`; double-quoted ones (and heredocs) the rest.
 */

const DOUBLE_QUOTED: Record<string, string> = {
  n: '\n', t: '\t', r: '\r', v: '\v', e: '\x1b', f: '\f', '\\': '\\', $: '$', '"': '"',
};

export function decodeEscape(sequence: string, singleQuoted: boolean): string {
  if (sequence.length < 2 || sequence[0] !== '\\') return sequence;
  const rest = sequence.slice(1);
  if (singleQuoted) return rest === '\\' || rest === "'" ? rest : sequence;
  if (rest.length === 1 && rest in DOUBLE_QUOTED) return DOUBLE_QUOTED[rest];
  if (rest[0] === 'x' || rest[0] === 'X') return codeUnit(parseInt(rest.slice(1), 16), sequence);
  if (rest[0] === 'u' && rest[1] === '{' && rest.endsWith('}')) {
    const point = parseInt(rest.slice(2, -1), 16);
    return Number.isInteger(point) && point <= 0x10ffff ? String.fromCodePoint(point) : sequence;
  }
  if (rest[0] >= '0' && rest[0] <= '7') return codeUnit(parseInt(rest, 8) & 0xff, sequence);
  return sequence;
}

/** PHP strings are bytes: `\xNN` and octal escapes name one byte, read here as that code unit. */
function codeUnit(value: number, sequence: string): string {
  return Number.isInteger(value) ? String.fromCharCode(value) : sequence;
}
