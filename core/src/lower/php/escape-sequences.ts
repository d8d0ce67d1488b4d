/**
 * The characters an escape sequence of a PHP string literal stands for. The grammar marks as
 * `escape_sequence` only what PHP decodes (`\\` and `\'` in single quotes; in double quotes also
 * `\"`, `\$`, `\n`, `\t`, `\r`, `\v`, `\e`, `\f`, octal, `\x` and `\u{…}`), so a literal's value is
 * its pieces with each such sequence decoded: `"App\\Session\\"` names `App\Session\`, as PHP reads
 * it, not with doubled backslashes that no class, file or key has.
 */
export function escapeValue(sequence: string): string {
  const body = sequence.slice(1);
  switch (body[0]) {
    case 'n':
      return '\n';
    case 't':
      return '\t';
    case 'r':
      return '\r';
    case 'v':
      return '\v';
    case 'e':
      return '\x1b';
    case 'f':
      return '\f';
    case 'x':
      return String.fromCharCode(parseInt(body.slice(1), 16) & 0xff);
    case 'u': {
      const code = parseInt(body.slice(2, -1), 16);
      return Number.isInteger(code) && code <= 0x10ffff ? String.fromCodePoint(code) : sequence;
    }
    default:
      // An octal byte (`\101`), else the escaped character itself (`\\`, `\'`, `\"`, `\$`).
      return /^[0-7]{1,3}$/.test(body) ? String.fromCharCode(parseInt(body, 8) & 0xff) : body;
  }
}
