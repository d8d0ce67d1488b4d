import type { SyntaxNode } from '../../parse/php';
import type { UnitContext } from './context';
import { calledName, argumentValue, withoutParentheses } from './literals';
import { literalString } from './session-access';

/**
 * The unit's parameter an `if` tests for being a URL, when its condition is such a test
 * (`preg_match('|^https?://|', $file)`, `str_starts_with($file, 'http')`, `strpos($file,
 * 'http://') === 0`, `filter_var($file, FILTER_VALIDATE_URL)`): its body runs only when the
 * caller passes a URL, so the remote I/O there is pending on the caller's argument, as a file
 * read on a path parameter is (TCPDF's `file_exists($filename)` calls `url_exists()` only for
 * `http` and `https` paths, and its callers pass local font files).
 */
export function urlTestedParameter(ctx: UnitContext, condition: SyntaxNode): number | undefined {
  let test = withoutParentheses(condition);
  if (test.type === 'binary_expression') {
    const operator = test.childForFieldName('operator')?.text;
    const left = test.childForFieldName('left');
    const right = test.childForFieldName('right');
    if (!left || !right) return undefined;
    const [call, literal] = left.type === 'function_call_expression' ? [left, right.text.toLowerCase()] : [right, left.text.toLowerCase()];
    const name = calledName(call);
    // `strpos($file, 'http') === 0`: found at the start.
    const atStart = (name === 'strpos' || name === 'stripos') && (operator === '===' || operator === '==') && literal === '0';
    // `preg_match(…) == 1`, `=== 1`, `> 0`, `!== false`: matched.
    const matched = name !== 'strpos' && name !== 'stripos' && (((operator === '==' || operator === '===') && (literal === '1' || literal === 'true')) || (operator === '>' && literal === '0') || ((operator === '!==' || operator === '!=') && (literal === 'false' || literal === '0')));
    if (!atStart && !matched) return undefined;
    test = call;
  }
  const name = calledName(test);
  if (name === undefined) return undefined;
  const args = (test.childForFieldName('arguments')?.namedChildren ?? []).filter((c): c is SyntaxNode => c?.type === 'argument').map((a) => argumentValue(a));
  const text = (index: number): string | undefined => {
    const arg = args[index];
    return arg ? literalString(arg) : undefined;
  };
  let subject: SyntaxNode | null | undefined;
  if (name === 'preg_match' && isSchemePattern(text(0))) subject = args[1];
  else if ((name === 'str_starts_with' || name === 'strpos' || name === 'stripos') && text(1)?.toLowerCase().startsWith('http')) subject = args[0];
  else if (name === 'filter_var' && args[1]?.text.replace(/^\\/, '') === 'FILTER_VALIDATE_URL') subject = args[0];
  if (subject?.type !== 'variable_name') return undefined;
  return ctx.parameters.get(subject.text);
}

/** A regular expression that matches only text starting with a scheme: `|^https?://|`, `#^(https?|ftp)://#i`. */
function isSchemePattern(pattern: string | undefined): boolean {
  if (pattern === undefined || pattern.length < 3) return false;
  const body = pattern.slice(1);
  return body.startsWith('^') && body.includes('://') && body.toLowerCase().includes('http');
}
