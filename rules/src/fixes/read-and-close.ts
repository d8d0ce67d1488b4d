import type { EditSites, Fix, Span } from '../../../core/src';

const OPTION = 'read_and_close';

/**
 * `prefer-read-and-close`: `session_start()` → `session_start(['read_and_close' => true])`,
 * merging the options already passed: a literal array gets the key added, any other value
 * `['read_and_close' => true] + $options` (the left side wins, so a `false` passed in cannot
 * undo it). `safe` when the rule proved that nothing under the lock writes it (`proven`);
 * `unsafe` otherwise (the file's includers may write the session after it). None when the
 * call is not the native `session_start()` or already names the option. `isolation`: the key the
 * early close of the same function uses, so one pass applies one of the two (either makes the
 * other moot).
 */
export function readAndCloseFix(start: Span, sites: EditSites | undefined, proven: boolean, why: string, isolation?: string): Fix[] {
  const call = sites?.callArguments(start);
  if (!sites || !call || !isSessionStart(call.name) || call.arguments.length > 1) return [];
  const q = sites.quote;
  const pair = `${q}${OPTION}${q} => true`;
  const first = call.arguments[0];
  let edit;
  if (!first) {
    edit = { span: call.inside, newText: `[${pair}]` };
  } else if (first.array) {
    if (!first.array.keys || first.array.keys.includes(OPTION)) return [];
    const at = { file: start.file, start: first.array.appendAt, end: first.array.appendAt };
    edit = { span: at, newText: first.array.empty ? pair : `, ${pair}` };
  } else {
    // `[…] + $options`; anything but a plain variable in parentheses, so `+` binds as meant.
    const value = sites.slice(first.span.start, first.span.end);
    edit = isVariable(value) ? { span: { ...first.span, end: first.span.start }, newText: `[${pair}] + ` } : { span: first.span, newText: `[${pair}] + (${value})` };
  }
  return [
    {
      title: proven
        ? "Open the session with `read_and_close`: nothing here writes it, so the lock is released at once"
        : `Open the session with \`read_and_close\` (check first: ${why})`,
      applicability: proven ? 'safe' : 'unsafe',
      edits: [edit],
      ...(isolation !== undefined ? { isolation } : {}),
    },
  ];
}

/** `session_start`, `\\session_start` (PHP function names ignore case). */
export function isSessionStart(name: string): boolean {
  return (name.startsWith('\\') ? name.slice(1) : name).toLowerCase() === 'session_start';
}

function isVariable(text: string): boolean {
  if (text.length < 2 || text[0] !== '$') return false;
  return [...text.slice(1)].every((ch) => ch === '_' || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9'));
}
