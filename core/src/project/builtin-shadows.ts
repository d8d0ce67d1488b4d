/**
 * A function declared in the global namespace with the name of a PHP built-in function never
 * answers a call. PHP cannot redeclare a built-in ("Cannot redeclare session_start()"), so a
 * file declaring one fails wherever it is loaded (osCommerce's PHP 3 session emulation, shipped
 * but never loaded), and a `function_exists()` guard around one never lets it be declared: every
 * call runs the built-in. A namespaced declaration (`namespace App; function session_start()`)
 * is legal and still answers the calls made from its namespace.
 */
export function shadowsBuiltin(name: string, builtins: ReadonlySet<string>): boolean {
  return !name.includes('\\') && builtins.has(name);
}

/**
 * Whether a file declares a built-in's name unconditionally at its top level (`function
 * session_start()` in the global namespace, not under `if (!function_exists(…))`): PHP then
 * refuses the whole file when it compiles it ("Cannot redeclare"), so none of its functions or
 * classes is ever declared, not even those named like no built-in (A2Billing's PHP 3 session
 * emulation also declares `session_register()`, gone from PHP since 5.4, whose body calls
 * `session_start()`).
 */
export function redeclaresBuiltin(topLevelFunctions: readonly string[] | undefined, builtins: ReadonlySet<string>): boolean {
  return (topLevelFunctions ?? []).some((name) => shadowsBuiltin(name, builtins));
}

const builtinSets = new WeakMap<readonly string[], ReadonlySet<string>>();
const NO_FUNCTIONS: ReadonlySet<string> = new Set();

/** The catalog's built-in function names (`Catalog.builtinFunctions`) as a set, built once per list. */
export function builtinFunctionSet(names: readonly string[] | undefined): ReadonlySet<string> {
  if (!names) return NO_FUNCTIONS;
  let set = builtinSets.get(names);
  if (!set) {
    set = new Set(names);
    builtinSets.set(names, set);
  }
  return set;
}
