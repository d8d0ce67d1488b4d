import type { EditSites, Fix, Span } from '../../../core/src';
import { isSessionStart } from './read-and-close';

/**
 * `session-already-open`: wrap the start in `if (session_status() === PHP_SESSION_NONE) { … }`.
 * Safe: where the session is open, PHP ignores the start anyway (with a notice); where it is
 * not, the start still runs. Only for a start that stands alone as a statement of a block
 * (wrapping the body of a brace-less `if` could change which `if` an `else` belongs to).
 */
export function guardStartFix(start: Span, sites: EditSites | undefined): Fix[] {
  const statement = sites?.callStatement(start);
  const call = sites?.callArguments(start);
  if (!sites || !statement || !call || !isSessionStart(call.name)) return [];
  const { indentUnit } = sites;
  const { indent } = statement;
  const body = sites.slice(statement.span.start, statement.span.end);
  // A start written over several lines may hold a string whose lines must not move: left alone.
  if (body.includes('\n')) return [];
  // A comment after the start on its line stays with it, inside the guard.
  let end = statement.span.end;
  if (statement.lineEnd !== undefined) {
    end = statement.lineEnd - 1;
    if (sites.slice(end - 1, end) === '\r') end--;
  }
  const trailing = sites.slice(statement.span.end, end).trimEnd();
  return [
    {
      title: 'Start the session only when none is active: `if (session_status() === PHP_SESSION_NONE)`',
      applicability: 'safe',
      edits: [{ span: { ...statement.span, end }, newText: `if (session_status() === PHP_SESSION_NONE) {\n${indent}${indentUnit}${body}${trailing}\n${indent}}` }],
    },
  ];
}
