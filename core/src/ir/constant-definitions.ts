import type { FactEffect } from './effects';

/**
 * The constants (`const:X`) a fact effect defines. Both a `define('X', …)` and a `defined('X')`
 * test a unit makes once record `defined(X)` in `FactEffect.constants` (what the files it
 * includes and its callers learn), but only the `define()` defines X: it alone forgets what was
 * known of X before (a test forgets nothing, it learns). A call that reaches code that only
 * tests a constant (phpMyAdmin's database layer: `if (defined('TESTSUITE'))`) must not make
 * its caller forget that the constant is undefined: the caller's close and reopen under the
 * same `! defined('TESTSUITE')` around that call stay paired.
 */
export function constantsDefinedBy(effect: FactEffect): string[] {
  return (effect.constants ?? [])
    .filter((fact) => fact.value && fact.predicate.startsWith('defined(') && (effect.forget?.includes(fact.subject) ?? false))
    .map((fact) => fact.subject);
}
