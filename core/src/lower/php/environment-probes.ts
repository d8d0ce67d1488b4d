import type { SyntaxNode } from '../../parse/php';
import type { UnitContext } from './context';
import { argumentValue, callArguments, calledName, literalOf, stripLeadingBackslash, withoutParentheses } from './literals';
import { literalString } from './session-access';
import { builtinFunctionSet } from '../../project/builtin-shadows';

/**
 * Environment probes: tests of what the PHP running the code has, written so that one outcome
 * means it lacks something the code would rather use.
 *
 *     extension_loaded('openssl')                     // false: a standard extension is missing
 *     function_exists('random_bytes')                 // of a function PHP itself defines
 *     version_compare(PHP_VERSION, '5.3.0', '>=')     // false: an older PHP
 *     PHP_VERSION_ID < 70000                          // true: an older PHP
 *     defined('PHP_SESSION_ACTIVE')                   // false: a PHP that predates it
 *
 * A path that runs only after such an outcome (`environment-fallbacks.ts`) is a library's
 * fallback for an installation without the extension or with an old PHP (phpseclib V1's
 * `crypt_random_string()` seeds a pure-PHP generator from a session it starts and puts back,
 * only when neither OpenSSL, `/dev/urandom` nor mcrypt answered), not the path requests take.
 *
 * `function_exists()` of a function the project or a library may declare (`function_exists
 * ('wp_cache_get')`, a redeclaration guard) is not a probe: only the functions PHP itself
 * defines (`Catalog.builtinFunctions`). Nor is `extension_loaded()` of an optional extension
 * (`redis`: a store used where it is installed, the file store elsewhere, both ordinary): only
 * those a PHP installation has as a rule (`Catalog.builtinExtensions`). `defined()` of a
 * `PHP_WINDOWS_…` constant tells the operating system, not what is missing: both outcomes are
 * ordinary installations.
 */

/** Which outcome of a condition (not split further by `&&`, `||`, `!`) means the environment lacks something. */
export type LackingOutcome = 'whenTrue' | 'whenFalse';

export function lackingOutcome(ctx: UnitContext, node: SyntaxNode): LackingOutcome | undefined {
  const has = environmentHas(ctx, node);
  if (has !== undefined) return has ? 'whenFalse' : 'whenTrue';
  if (node.type !== 'binary_expression') return undefined;
  const operator = node.childForFieldName('operator')?.text.toLowerCase();
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  if (!operator || !left || !right) return undefined;
  // `extension_loaded('x') === false`, `function_exists('f') == true`.
  const compared = comparedWithBoolean(ctx, operator, left, right) ?? comparedWithBoolean(ctx, operator, right, left);
  if (compared !== undefined) return compared;
  // `PHP_VERSION_ID >= 70000`, `version_compare(PHP_VERSION, '8.0') < 0`, `8 <= PHP_MAJOR_VERSION`.
  const newer = versionOrder(operator, left, right);
  return newer === undefined ? undefined : newer ? 'whenFalse' : 'whenTrue';
}

/**
 * `true` when the call is true exactly where the environment has what it probes
 * (`extension_loaded('x')`, `function_exists('f')`, `defined('PHP_X')`, a `version_compare()`
 * of the running PHP's version that holds for newer ones); `false` when it is true where it is
 * older; undefined for anything else.
 */
function environmentHas(ctx: UnitContext, node: SyntaxNode): boolean | undefined {
  const called = calledName(node);
  if (called === undefined) return undefined;
  const args = callArguments(node).map(argumentValue);
  const first = args[0] ? literalString(args[0]) : undefined;
  switch (called) {
    case 'extension_loaded':
      // `redis`, `apcu`: optional extensions, whose absence is an ordinary installation.
      return args.length === 1 && first !== undefined && (ctx.catalog.builtinExtensions ?? []).includes(first.toLowerCase()) ? true : undefined;
    case 'function_exists':
      return args.length === 1 && first !== undefined && isBuiltinFunction(ctx, first) ? true : undefined;
    case 'defined': {
      const name = first === undefined ? undefined : stripLeadingBackslash(first);
      return args.length === 1 && name !== undefined && name.startsWith('PHP_') && !name.startsWith('PHP_WINDOWS_') ? true : undefined;
    }
    case 'version_compare': {
      if (args.length !== 3 || !args[2]) return undefined;
      const order = literalString(args[2]);
      const runningFirst = isRunningVersion(args[0]) && isVersionLiteral(args[1]);
      const runningSecond = isRunningVersion(args[1]) && isVersionLiteral(args[0]);
      if (order === undefined || (!runningFirst && !runningSecond)) return undefined;
      const newer = NEWER_WHEN_TRUE[order.toLowerCase()];
      if (newer === undefined) return undefined;
      return runningFirst ? newer : !newer;
    }
    default:
      return undefined;
  }
}

/** `version_compare()`'s orders and the comparison operators: true when `running <op> literal` holds for newer versions. */
const NEWER_WHEN_TRUE: Readonly<Record<string, boolean>> = {
  '>=': true,
  ge: true,
  '>': true,
  gt: true,
  '<': false,
  lt: false,
  '<=': false,
  le: false,
};

/** The mirrored operator, for a comparison written with the literal first (`70000 <= PHP_VERSION_ID`). */
const MIRRORED: Readonly<Record<string, string>> = { '<': '>', '>': '<', '<=': '>=', '>=': '<=' };

function comparedWithBoolean(ctx: UnitContext, operator: string, probe: SyntaxNode, other: SyntaxNode): LackingOutcome | undefined {
  const value = literalOf(other);
  if (typeof value !== 'boolean' || !['==', '===', '!=', '!==', '<>'].includes(operator)) return undefined;
  const has = environmentHas(ctx, withoutParentheses(probe));
  if (has === undefined) return undefined;
  // True where the probe's value equals the literal (or differs from it, for `!=`).
  const trueWhenProbeTrue = operator === '==' || operator === '===' ? value : !value;
  // The outcome on which the environment lacks: the probe's "lacking" value.
  const lackingWhenProbe = !has;
  return trueWhenProbeTrue === lackingWhenProbe ? 'whenTrue' : 'whenFalse';
}

/**
 * A comparison of the running PHP's version with a number (`PHP_VERSION_ID >= 70000`,
 * `PHP_MAJOR_VERSION < 8`, `version_compare(PHP_VERSION, '8.0') >= 0`): true when it holds for
 * newer versions, false when for older ones; undefined for anything else.
 */
function versionOrder(operator: string, left: SyntaxNode, right: SyntaxNode): boolean | undefined {
  if (isVersionNumber(withoutParentheses(left)) && typeof literalOf(right) === 'number') return NEWER_WHEN_TRUE[operator];
  if (isVersionNumber(withoutParentheses(right)) && typeof literalOf(left) === 'number') {
    const mirrored = MIRRORED[operator];
    return mirrored === undefined ? undefined : NEWER_WHEN_TRUE[mirrored];
  }
  return undefined;
}

/** `PHP_VERSION_ID`, `PHP_MAJOR_VERSION`, or a two-argument `version_compare()` of the running version first. */
function isVersionNumber(node: SyntaxNode): boolean {
  if (node.type === 'name' || node.type === 'qualified_name') {
    const name = stripLeadingBackslash(node.text);
    return name === 'PHP_VERSION_ID' || name === 'PHP_MAJOR_VERSION';
  }
  if (calledName(node) !== 'version_compare') return false;
  const args = callArguments(node).map(argumentValue);
  return args.length === 2 && isRunningVersion(args[0]) && isVersionLiteral(args[1]);
}

/** `PHP_VERSION` or `phpversion()` (no extension named): the running PHP's version. */
function isRunningVersion(node: SyntaxNode | null | undefined): boolean {
  if (!node) return false;
  const inner = withoutParentheses(node);
  if (inner.type === 'name' || inner.type === 'qualified_name') return stripLeadingBackslash(inner.text) === 'PHP_VERSION';
  return calledName(inner) === 'phpversion' && callArguments(inner).length === 0;
}

function isVersionLiteral(node: SyntaxNode | null | undefined): boolean {
  const value = node ? literalOf(node) : undefined;
  return typeof value === 'string' || typeof value === 'number';
}

function isBuiltinFunction(ctx: UnitContext, name: string): boolean {
  const lower = stripLeadingBackslash(name).toLowerCase();
  // A project that declares it itself (a polyfill) has it in every case.
  if (ctx.facts.symbols.hasFunction(lower)) return false;
  return builtinFunctionSet(ctx.catalog.builtinFunctions).has(lower);
}
