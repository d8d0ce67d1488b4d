import type { SyntaxNode } from '../../parse/php';
import type { UnitContext } from './context';
import { literalString } from './session-access';
import { callArguments, stripLeadingBackslash } from './literals';

/**
 * A test that every web request answers the same way: `isset($_SERVER['HTTP_HOST'])` is true
 * and `empty($_SERVER['REQUEST_METHOD'])` false for the server variables a web server always
 * gives the script (`Catalog.requestServerKeys`); `defined('STDIN')` is false
 * (`Catalog.commandLineConstants`). A session lock only matters in a web request
 * (a command-line run holds no lock any user waits for), so such a test is decided as a web
 * request decides it, and the branch taken only without a web server is dead code, as under
 * `if (false)` (phpList's `hostName()`: the database is read only when no Host header came).
 * Undefined for any other condition.
 */
export function webRequestTruth(ctx: UnitContext, node: SyntaxNode): boolean | undefined {
  if (node.type !== 'function_call_expression') return undefined;
  const callee = node.childForFieldName('function');
  const called = callee ? stripLeadingBackslash(callee.text).toLowerCase() : '';
  // `defined('STDIN')`: only the command line defines it.
  if (called === 'defined') return definesCommandLineConstant(ctx, node) ? false : undefined;
  const keys = ctx.catalog.requestServerKeys;
  if (!keys || keys.length === 0) return undefined;
  if (called !== 'isset' && called !== 'empty') return undefined;
  const args = callArguments(node);
  // `empty()` takes one; `isset($a, $b)` holds when every one is set.
  if (args.length === 0 || (called === 'empty' && args.length > 1)) return undefined;
  const allGiven = args.every((arg) => {
    const key = serverKey(arg?.namedChild(0) ?? null);
    return key !== undefined && keys.includes(key);
  });
  if (!allGiven) return undefined;
  return called === 'isset';
}

/** `defined('STDIN')` (or `'\\STDIN'`) of a constant the catalog says only the command line defines. */
function definesCommandLineConstant(ctx: UnitContext, call: SyntaxNode): boolean {
  const names = ctx.catalog.commandLineConstants;
  const args = callArguments(call);
  if (!names || args.length !== 1) return false;
  const value = args[0]?.namedChild(0);
  const name = value ? literalString(value) : undefined;
  // A project that defines it itself (`defined('STDIN') || define('STDIN', fopen(…))`) may have it defined later.
  return name !== undefined && names.includes(stripLeadingBackslash(name)) && ctx.facts.symbols.constant(stripLeadingBackslash(name)) === undefined;
}

/** `K` of `$_SERVER['K']` written with a literal key. */
function serverKey(node: SyntaxNode | null): string | undefined {
  if (node?.type !== 'subscript_expression') return undefined;
  const base = node.namedChild(0);
  const index = node.namedChild(1);
  if (base?.type !== 'variable_name' || base.namedChild(0)?.text !== '_SERVER' || !index) return undefined;
  return literalString(index);
}
