import type { ApiEntry } from '../../../core/src';
import { phpNativeCatalog } from '../catalog/php-native';

/**
 * Building blocks for presets. Framework session objects wrap PHP's native session, so their
 * opens and closes act on the same resource as `session_start()`.
 */
export const SESSION = phpNativeCatalog.sessionResource;

/** Starts the session (a lazy start on first access is an open too: it takes the lock). */
export const open: ApiEntry = { effect: 'open', resource: SESSION };

/** Starts the session on first access (`$session->get()`), a no-op when it is open already. */
export const lazyOpen: ApiEntry = { effect: 'open', resource: SESSION, lazy: true };
/** Starts the session on first access and changes its data (`$session->set('k', $v)`). */
export const lazyOpenWrite: ApiEntry = { effect: 'open', resource: SESSION, lazy: true, writes: true };
export const closeWrite: ApiEntry = { effect: 'close', resource: SESSION, how: 'write' };
export const closeAbort: ApiEntry = { effect: 'close', resource: SESSION, how: 'abort' };
export const closeDestroy: ApiEntry = { effect: 'close', resource: SESSION, how: 'destroy' };
/** Needs the session open and keeps it open (regenerating the id). */
export const use: ApiEntry = { effect: 'use', resource: SESSION };
/** Changes the session's data through an API (`$session->set_userdata()`), without opening it. */
export const write: ApiEntry = { effect: 'write', resource: SESSION };
export const none: ApiEntry = { effect: 'none' };
export const http: ApiEntry = { effect: 'slow', kind: 'http' };
export const mail: ApiEntry = { effect: 'slow', kind: 'mail' };

export function returns(className: string, entry: ApiEntry = none): ApiEntry {
  return { ...entry, returns: className };
}

/** The same entry for several method names. */
export function each(names: readonly string[], entry: ApiEntry): Record<string, ApiEntry> {
  return Object.fromEntries(names.map((name) => [name, entry]));
}
