/**
 * A string the analysis can partly see, e.g. the path of `require __DIR__ . '/views/' .
 * $name . '.php'`: literal text, constants (looked up later, possibly in other files), and
 * unknown parts (variables, calls).
 */
export type StaticPart =
  /** `anchored`: the text is a path from `__DIR__`/`__FILE__`, not relative to the include path. */
  | { readonly text: string; readonly anchored?: true }
  | { readonly constant: string }
  /**
   * `variable`: the variable read there, when a plain read: the same variable is the same text.
   * `entryScriptDirLevels`: the part is `dirname($_SERVER['SCRIPT_FILENAME'], levels)`, a folder
   * of the entry script that depends on the request (see `entryScriptDir`).
   */
  | { readonly unknown: true; readonly variable?: string; readonly entryScriptDirLevels?: number };
export type StaticString = readonly StaticPart[];

/** The `variable` of the unknown part `$_SERVER['DOCUMENT_ROOT']` is (see `flow/include-paths.ts`). */
export const DOCUMENT_ROOT = "$_SERVER['DOCUMENT_ROOT']";

/** The `variable` of the unknown part `$_SERVER['SCRIPT_FILENAME']`: the path of the entry script. */
export const SCRIPT_FILENAME = "$_SERVER['SCRIPT_FILENAME']";

/**
 * `dirname($_SERVER['SCRIPT_FILENAME'], levels)` as the `variable` of an unknown part: the entry
 * script's folder (one level) or one above it. Which folder that is depends on the request, so
 * `flow/include-paths.ts` reads it once per entry script.
 */
export function entryScriptDir(levels: number): StaticPart {
  return { unknown: true, variable: `dirname(${SCRIPT_FILENAME}, ${levels})`, entryScriptDirLevels: levels };
}

/** The levels of an `entryScriptDir()` part, or undefined for any other part. */
export function entryScriptDirLevels(part: StaticPart | undefined): number | undefined {
  return part && 'unknown' in part ? part.entryScriptDirLevels : undefined;
}

/** Replaces constants by their values (recursively, cycle-safe); unknown constants stay unknown. */
export function resolveConstants(value: StaticString, lookup: (name: string) => StaticString | undefined, depth = 0): StaticString {
  if (depth > 8) return value.map((part) => ('constant' in part ? { unknown: true as const } : part));
  return value.flatMap((part): StaticPart[] => {
    if (!('constant' in part)) return [part];
    const found = lookup(part.constant);
    return found ? [...resolveConstants(found, lookup, depth + 1)] : [{ unknown: true }];
  });
}
