import type { SyntaxNode } from '../../parse/php';
import type { UnitContext } from './context';
import { literalString } from './session-access';
import { nativeCallOf } from './native-calls';
import { leadingText } from './image-transfer';

/**
 * Whether a call of PHP's `header()` may send the client on to another request
 * (`header('Location: ' . $url)`, `header('Refresh: 0; url=…')`): then what the request stored in
 * the session is meant for that next request (a flash message), so a session write lost before
 * it matters (`rules/src/rules/read-back.ts`). A header whose literal start names another field
 * (`Content-Type: …`) does not; one whose name the code computes (`header($h)`) may.
 */
export function sendsOnward(ctx: UnitContext, call: SyntaxNode, args: readonly SyntaxNode[]): boolean {
  const native = nativeCallOf(ctx, call);
  if (native?.name !== 'header') return false;
  const value = args[0]?.type === 'argument' ? args[0].namedChild(0) : args[0];
  if (!value) return true;
  const text = literalString(value) ?? leadingText(value);
  if (text === undefined) return true;
  const colon = text.indexOf(':');
  if (colon < 0) return true;
  return ONWARD_FIELDS.has(text.slice(0, colon).trim().toLowerCase());
}

/** Response header fields that make the client load another page. */
const ONWARD_FIELDS = new Set(['location', 'refresh']);
