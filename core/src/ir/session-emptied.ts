import type { PredicateValue } from './effects';

/**
 * The fact that `$_SESSION` holds no key at all: true right after `session_unset()`,
 * `$_SESSION = []` or `unset($_SESSION)` (a fact of PHP: each empties the in-memory array;
 * `session_destroy()` alone does not). Its subject starts like a session key's (`session:`),
 * so whatever forgets session keys (a write, a start that reloads the array) forgets it too,
 * and it crosses calls like them.
 *
 * A test that can only pass when some key is set (`isset($_SESSION[$k])`, `$_SESSION['k']`,
 * `!empty($_SESSION['k'])`, `$_SESSION[$p] == 1`), whatever the key, checks it false on its
 * passing edge (`FactEffect.checks`), so a path that emptied the session does not pass it:
 * `session_unset(); session_destroy(); return false;` in a timeout check, then a permission
 * check `if (!isset($_SESSION[$permission])) { header(…); exit; }` ends the request.
 *
 * A write of a literal key after the emptying sets that key only: the fact then names the keys
 * written since (`emptiedThenWritten`), and a test that needs a literal key set
 * (`sessionKeyNeeded('rights')`) is still not passed when that key is not among them. A2Billing's
 * timeout empties the session, the language selection writes `$_SESSION['ui_language']`, and the
 * permission check `$_SESSION['rights'] & $flag` still fails.
 */
import { SESSION_EMPTIED_SUBJECT } from './predicate-shape';
export { SESSION_EMPTIED_SUBJECT };
export const SESSION_EMPTIED_PREDICATE = '$_SESSION === []';

/** Set where the session array is emptied. */
export const SESSION_EMPTIED: PredicateValue = { predicate: SESSION_EMPTIED_PREDICATE, subject: SESSION_EMPTIED_SUBJECT, value: true };

/** Checked on an edge a test takes only when a session key is set. */
export const SESSION_HAS_KEYS: PredicateValue = { predicate: SESSION_EMPTIED_PREDICATE, subject: SESSION_EMPTIED_SUBJECT, value: false };

/** At most this many keys written since the emptying are remembered; past it the fact is forgotten. */
const MAX_WRITTEN_KEYS = 8;
const WRITTEN_SEPARATOR = ' then set ';
const KEY_NEEDED_PREFIX = 'may be set: ';

/** The session was emptied, and since then only these literal keys were written (none: `SESSION_EMPTIED`). */
export function emptiedThenWritten(keys: readonly string[]): PredicateValue {
  if (keys.length === 0) return SESSION_EMPTIED;
  const sorted = [...new Set(keys)].sort();
  return { predicate: `${SESSION_EMPTIED_PREDICATE}${WRITTEN_SEPARATOR}${JSON.stringify(sorted)}`, subject: SESSION_EMPTIED_SUBJECT, value: true };
}

/** The keys written since the emptying a fact says, or undefined when it is not an emptied fact known true. */
export function writtenSinceEmptied(fact: PredicateValue): readonly string[] | undefined {
  if (fact.subject !== SESSION_EMPTIED_SUBJECT || !fact.value) return undefined;
  if (fact.predicate === SESSION_EMPTIED_PREDICATE) return [];
  if (!fact.predicate.startsWith(`${SESSION_EMPTIED_PREDICATE}${WRITTEN_SEPARATOR}`)) return undefined;
  return JSON.parse(fact.predicate.slice(SESSION_EMPTIED_PREDICATE.length + WRITTEN_SEPARATOR.length)) as string[];
}

/** An emptied fact after a write of the literal `key`: that key is set too (undefined: forget it). */
export function afterKeyWritten(fact: PredicateValue, key: string): PredicateValue | undefined {
  const written = writtenSinceEmptied(fact);
  if (written === undefined) return undefined;
  const keys = [...new Set([...written, key])];
  return keys.length > MAX_WRITTEN_KEYS ? undefined : emptiedThenWritten(keys);
}

/** The emptied fact naming these keys written since, or undefined past the cap. */
export function widenedEmptiedFact(keys: readonly string[]): PredicateValue | undefined {
  return new Set(keys).size > MAX_WRITTEN_KEYS ? undefined : emptiedThenWritten(keys);
}

/** Checked on an edge a test takes only when the literal `key` is set. */
export function sessionKeyNeeded(key: string): PredicateValue {
  return { predicate: `${KEY_NEEDED_PREFIX}${JSON.stringify(key)}`, subject: SESSION_EMPTIED_SUBJECT, value: true };
}

/**
 * Whether the facts rule out a check that a key is set: the session was emptied and that key
 * (for a `sessionKeyNeeded` check) was not written since. `SESSION_HAS_KEYS` is ruled out by
 * `SESSION_EMPTIED` itself (the same predicate, the other value).
 */
export function keyNeededButEmptied(check: PredicateValue, facts: readonly PredicateValue[]): boolean {
  if (check.subject !== SESSION_EMPTIED_SUBJECT || !check.predicate.startsWith(KEY_NEEDED_PREFIX)) return false;
  const key = JSON.parse(check.predicate.slice(KEY_NEEDED_PREFIX.length)) as string;
  return facts.some((fact) => {
    const written = writtenSinceEmptied(fact);
    return written !== undefined && !written.includes(key);
  });
}
