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
 */
import { SESSION_EMPTIED_SUBJECT } from './predicate-shape';
export { SESSION_EMPTIED_SUBJECT };
export const SESSION_EMPTIED_PREDICATE = '$_SESSION === []';

/** Set where the session array is emptied. */
export const SESSION_EMPTIED: PredicateValue = { predicate: SESSION_EMPTIED_PREDICATE, subject: SESSION_EMPTIED_SUBJECT, value: true };

/** Checked on an edge a test takes only when a session key is set. */
export const SESSION_HAS_KEYS: PredicateValue = { predicate: SESSION_EMPTIED_PREDICATE, subject: SESSION_EMPTIED_SUBJECT, value: false };
