import type { CallEffect } from '../ir/effects';
import type { Unit } from '../ir/unit';

/**
 * `require_once`/`include_once` of a file that is already included on this path does nothing
 * (PHP keeps the list of the request's included files). Two files are known to be included
 * wherever a unit runs: the one whose top level is running (it is on the include stack), and
 * the one that declares the function running (it had to be included for the function to
 * exist). The engine hands the files of the units running further out down to its callees
 * (`Env.loaded`), so an include cycle (`common.php` → `require_once 'Opml.class.php'` →
 * `require_once 'common.php'`; or `function page()` in `app.php` → `require 'footer.php'` →
 * `require_once 'app.php'`) does not replay the outer file's top level.
 */

/** Whether the effect is a `require_once`/`include_once`. */
export function isOnceInclude(effect: CallEffect): boolean {
  return effect.target.type === 'include' && effect.target.once === true;
}

/** The files known included where `unit` runs: those running further out, and the unit's own file. */
export function loadedWhereRunning(outer: ReadonlySet<string> | undefined, unit: Unit): ReadonlySet<string> {
  if (outer?.has(unit.span.file)) return outer;
  return new Set([...(outer ?? []), unit.span.file]);
}

/**
 * The part of the files known included that a callee may `_once`-include itself or through what
 * it runs (`onceIncluded`): only those change what it does, so only those enter its summary key.
 */
export function loadedForCallee(loaded: ReadonlySet<string>, onceIncluded: ReadonlySet<string>): ReadonlySet<string> | undefined {
  const kept = [...loaded].filter((file) => onceIncluded.has(file)).sort();
  return kept.length > 0 ? new Set(kept) : undefined;
}

/** The summary key part of the files known included. */
export function loadedKey(loaded: ReadonlySet<string> | undefined): string {
  return loaded && loaded.size > 0 ? [...loaded].sort().join('|') : '';
}
