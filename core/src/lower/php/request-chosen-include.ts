import type { StaticString } from '../../ir/static-string';
import type { SyntaxNode } from '../../parse/php';
import { argumentValue, callArguments, calledName } from './literals';
import { literalString } from './session-access';
import { evaluateStatic } from './static-string';
import { enclosingUnitNode } from './unit-scope';
import { assignmentsIn } from './variable-value';

/**
 * An include whose file name the request chooses: HelpDeskZ's front controller runs
 * `include($filename)` with `$filename = CONTROLLERS . $controller . '_controller.php'` and
 * `$controller` cut from `$_SERVER['REQUEST_URI']`; `include 'pages/' . $_GET['p'] . '.php'`.
 * Which file runs is the user's choice, so every file the path's pattern fits is a request a
 * user can make, and each runs with whatever the includer holds: the include is a dispatch
 * (`flow/dispatch.ts`), whose candidates are entered with the includer's lock.
 *
 * The paths returned are the include's alternatives: the value written at the include, or the
 * values the variable it reads is assigned in its unit (at most `MAX_VALUES`). At least one of
 * them must read the request in a part the analysis cannot know; every other one must be fully
 * written (a fallback page) or have that one's pattern (`CONTROLLERS . $input->g['v'] .
 * '_controller.php'`, the same name read another way). Which files fit is left to the include's
 * resolution, which needs a literal start and end (a pattern of project files) and bounds the
 * candidates (`flow/resolver.ts`).
 *
 * "Reads the request" is a may-property: some assignment the value comes through is a request
 * input (`$_GET`, `$_POST`, `$_REQUEST`, `$_COOKIE`, the URI's parts of `$_SERVER`,
 * `filter_input()`), possibly cut or cleaned by string functions that keep the client's text
 * (`explode()`, `trim()`, `parse_url()`, `substr()`, …). One such path is enough: on it the user
 * picks the file. A value picked from a map by the request (`$pages[$_GET['p']]`) is the map's.
 */
export function requestChosenIncludePaths(argument: SyntaxNode | null | undefined, file: string): StaticString[] | undefined {
  let node = argument ?? null;
  while (node?.type === 'parenthesized_expression' || node?.type === 'argument') node = node.namedChild(node.namedChildCount - 1);
  if (!node) return undefined;
  const unit = enclosingUnitNode(node);
  if (!unit) return undefined;
  let values: SyntaxNode[];
  if (node.type === 'variable_name') {
    if (isParameter(unit, node.text)) return undefined;
    const assigned = assignmentsIn(unit, node.text);
    if (!assigned || assigned.length === 0 || assigned.length > MAX_VALUES) return undefined;
    values = assigned;
  } else {
    values = [node];
  }
  const read = values.map((value) => ({ path: evaluateStatic(value, file), request: readsRequest(value, unit, new Set(), 0) }));
  const chosen = read.filter((one) => one.request);
  if (chosen.length === 0) return undefined;
  if (checkedAgainstList(unit, node, values)) return undefined;
  for (const one of read) {
    if (one.request || one.path.every((part) => !('unknown' in part))) continue;
    if (!chosen.some((request) => samePieces(request.path, one.path))) return undefined;
  }
  return [...new Map(read.map((one) => [JSON.stringify(one.path), one.path] as const)).values()];
}

/** Values an include's variable may have in its unit: more, and it is not read as a choice. */
const MAX_VALUES = 8;
const MAX_DEPTH = 32;

/** A superglobal alone (`$_GET`): an element of it names one value, the array does not. */
function isWholeSuperglobal(variable: string): boolean {
  return variable.startsWith('$_') && !variable.includes('[');
}

/** The superglobals whose elements the client sends. */
const REQUEST_ARRAYS = new Set(['$_GET', '$_POST', '$_REQUEST', '$_COOKIE']);
/** `$_SERVER`'s elements that are the request's URI or parts of it. */
const REQUEST_SERVER_KEYS = new Set(['REQUEST_URI', 'PATH_INFO', 'ORIG_PATH_INFO', 'QUERY_STRING']);

/** PHP functions that keep (part of) the text of one argument, by the argument's position. */
const TEXT_KEEPING: ReadonlyMap<string, number> = new Map([
  ...['trim', 'rtrim', 'ltrim', 'strtolower', 'strtoupper', 'ucfirst', 'lcfirst', 'strval', 'basename', 'urldecode', 'rawurldecode', 'filter_var', 'parse_url', 'substr', 'htmlspecialchars', 'stripslashes', 'addslashes'].map((name) => [name, 0] as const),
  ['explode', 1],
  ['str_replace', 2],
  ['preg_replace', 2],
]);

/** Whether some value the expression may have comes from the request (see the module comment). */
function readsRequest(node: SyntaxNode, unit: SyntaxNode, seen: Set<string>, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  const next = (child: SyntaxNode | null | undefined): boolean => (child ? readsRequest(child, unit, seen, depth + 1) : false);
  switch (node.type) {
    case 'parenthesized_expression':
    case 'cast_expression':
    case 'argument':
      return next(node.namedChild(node.namedChildCount - 1));
    case 'subscript_expression': {
      const base = node.namedChild(0);
      if (base?.type === 'variable_name' && REQUEST_ARRAYS.has(base.text)) return true;
      if (base?.type === 'variable_name' && base.text === '$_SERVER') {
        const key = node.namedChild(1);
        return key !== null && REQUEST_SERVER_KEYS.has(literalString(key) ?? '');
      }
      // An element of a value cut from the request (`explode('/', $uri)[0]`, `parse_url(…)['path']`).
      return next(base);
    }
    case 'conditional_expression':
      return next(node.childForFieldName('body') ?? node.childForFieldName('condition')) || next(node.childForFieldName('alternative'));
    case 'binary_expression': {
      const operator = node.childForFieldName('operator')?.text;
      if (operator !== '??' && operator !== '.') return false;
      return next(node.childForFieldName('left')) || next(node.childForFieldName('right'));
    }
    case 'encapsed_string':
      return node.namedChildren.some((part) => part !== null && part.type !== 'string_content' && part.type !== 'escape_sequence' && next(part));
    case 'function_call_expression': {
      const called = calledName(node);
      const args = callArguments(node);
      if (!called) return false;
      if (called === 'filter_input') return /^INPUT_(GET|POST|REQUEST|COOKIE)$/.test(args[0]?.text ?? '');
      const position = TEXT_KEEPING.get(called);
      return position !== undefined && next(args[position]);
    }
    case 'variable_name': {
      // A variable met again on this walk (`$uri = substr($uri, …)`) adds nothing new.
      if (seen.has(node.text) || isParameter(unit, node.text)) return false;
      seen.add(node.text);
      return (assignmentsIn(unit, node.text) ?? []).some((value) => next(value));
    }
    default:
      return false;
  }
}

/**
 * Whether the unit checks the chosen name against a list before the include
 * (`if (in_array($_GET['_e'], $allowed)) require "controller.{$_GET['_e']}.inc.php";`,
 * `array_key_exists($page, $pages)`, `isset($routes[$page])`, `switch ($page)`): the list, not
 * the request, decides which files can run, and it is not read here, so the include is left
 * unresolved rather than fanned out to every file of the pattern.
 */
function checkedAgainstList(unit: SyntaxNode, include: SyntaxNode, values: readonly SyntaxNode[]): boolean {
  const names = new Set<string>([include, ...values].flatMap((node) => [node, ...node.descendantsOfType(['variable_name', 'subscript_expression'])]).filter((n): n is SyntaxNode => n !== null && (n.type === 'variable_name' || n.type === 'subscript_expression')).map((n) => n.text).filter((text) => !isWholeSuperglobal(text)));
  for (const node of unit.descendantsOfType(['function_call_expression', 'switch_statement'])) {
    if (!node || node.startIndex >= include.startIndex) continue;
    let checked: SyntaxNode | null | undefined;
    if (node.type === 'function_call_expression') {
      const called = calledName(node);
      const argument = callArguments(node)[0];
      const first = argument ? argumentValue(argument) : undefined;
      if (called === 'in_array' || called === 'array_key_exists' || called === 'array_search') checked = first;
      // `isset($routes[$page])`: the key looked up in a map.
      else if (called === 'isset' && first?.type === 'subscript_expression') checked = first.namedChild(1);
      else continue;
    } else {
      const condition = node.childForFieldName('condition');
      checked = condition?.type === 'parenthesized_expression' ? condition.namedChild(0) : condition;
    }
    if (checked && [checked, ...checked.descendantsOfType(['variable_name', 'subscript_expression'])].some((part) => part !== null && names.has(part.text))) return true;
  }
  return false;
}

/** The same literal pieces and constants, whatever fills the unknown parts between them. */
function samePieces(a: StaticString, b: StaticString): boolean {
  const shape = (value: StaticString): string => JSON.stringify(value.map((part) => ('unknown' in part ? '?' : part)));
  return shape(a) === shape(b);
}

function isParameter(unit: SyntaxNode, name: string): boolean {
  const parameters = unit.childForFieldName('parameters');
  return parameters !== null && parameters.descendantsOfType('variable_name').some((node) => node?.text === name);
}
