import type { CallEffect, CallTarget } from '../../../core/src';
import { PHP_BUILTIN_FUNCTIONS } from '../catalog/php-builtin-functions';

/**
 * The function PHP falls back to for a call written `f()`: the last candidate in its lookup order
 * (`\App\f`, then `f`), lower-case, without the leading backslash of `\f()`.
 */
export function fallbackFunctionName(target: CallTarget): string | undefined {
  if (target.type !== 'function') return undefined;
  const last = target.candidates[target.candidates.length - 1];
  return last === undefined ? undefined : last.replace(/^\\/, '').toLowerCase();
}

/**
 * The PHP built-in a call can only be of, or undefined: a plain function call whose fallback name
 * PHP defines, that no project code answers (`projectCallees`, what the resolver found, is
 * empty). Callables handed to it are the caller's to judge (`array_map('show', $rows)` runs
 * project code through a built-in).
 */
export function builtinCallee(effect: CallEffect, projectCallees: readonly unknown[]): string | undefined {
  if (projectCallees.length > 0) return undefined;
  const name = fallbackFunctionName(effect.target);
  return name !== undefined && PHP_BUILTIN_FUNCTIONS.has(name) ? name : undefined;
}
