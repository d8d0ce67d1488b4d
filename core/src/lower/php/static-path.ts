import type { SyntaxNode } from '../../parse/php';
import type { PathArgument } from '../../ir/effects';
import type { UnitContext } from './context';
import { resolveConstants } from './static-string';
import { evaluateStatic } from './static-string';
import { declaresInUnit, enclosingUnitNode } from './unit-scope';
import { nativeCallOf } from './native-calls';
import { argumentValue, callArguments } from './literals';

/**
 * `url`: remote I/O. `local`: a path we can see is on this machine (a literal, `__DIR__`, a
 * temp or upload file). `unknown`: a variable or parameter we cannot follow (reported at low
 * severity, saying so). `opaque`: a property, a class constant, a call result: configuration
 * the project controls, not reported (precision).
 */
export type PathClass = 'url' | 'local' | 'unknown' | 'opaque';

const LOCAL_STREAM_SCHEMES = new Set(['file', 'php', 'data', 'glob', 'phar', 'zlib', 'compress.zlib', 'compress.bzip2']);

/**
 * Classifies the path argument of `file_get_contents()`, `fopen()`, `file()`, following
 * `__DIR__`, `dirname()`, project constants (`define('SQL_DIR', …)`) and variables assigned
 * once in the unit.
 */
export function classifyPath(ctx: UnitContext, node: SyntaxNode | null | undefined, depth = 0): PathClass {
  if (!node || depth > 4) return 'unknown';
  if (node.type === 'argument') {
    return classifyPath(ctx, argumentValue(node), depth);
  }
  if (node.type === 'parenthesized_expression') return classifyPath(ctx, node.namedChild(0), depth);
  if (node.type === 'variable_name') return classifyVariable(ctx, node, depth);
  // `$_FILES['doc']['tmp_name']`: an upload PHP has already stored on this machine;
  // `$conf['cache_dir']`: an element of the project's configuration array, as its array.
  if (node.type === 'subscript_expression') {
    const root = subscriptRootVariable(node);
    const name = root?.namedChild(0)?.text;
    if (name && (ctx.catalog.localPathVariables ?? []).includes(name)) return 'local';
    if (root) return classifyPath(ctx, root, depth + 1);
  }
  if (node.type === 'function_call_expression') {
    const fromCall = classifyCall(ctx, node, depth);
    if (fromCall) return fromCall;
  }
  if (node.type === 'binary_expression' && node.childForFieldName('operator')?.text === '.') {
    return classifyPath(ctx, node.childForFieldName('left'), depth);
  }
  if ((node.type === 'encapsed_string' || node.type === 'heredoc') && node.namedChildCount > 0) {
    // "{$dir}/page.mustache": the path starts where its first part says.
    let first = node.namedChild(0);
    if (first?.type === 'heredoc_body') first = first.namedChild(0);
    if (first && first.type !== 'string_content' && first.type !== 'escape_sequence') return classifyPath(ctx, first, depth);
  }
  const value = resolveConstants(evaluateStatic(node, ctx.facts.file), (name) => ctx.facts.symbols.constant(name));
  const first = value[0];
  if (first && 'text' in first) {
    // `__DIR__ . …` or a literal: classify by its start; an interpolated "https://$host/…" too.
    if (first.anchored) return 'local';
    return classifyLiteral(first.text);
  }
  if (node.type === 'name' || node.type === 'qualified_name') return 'opaque';
  if (node.type.includes('member_access') || node.type === 'class_constant_access_expression' || node.type === 'scoped_property_access_expression') {
    return 'opaque';
  }
  if (node.type === 'function_call_expression' || node.type.endsWith('call_expression')) return 'opaque';
  return 'unknown';
}

/**
 * A variable is what every assignment in the unit gives it: all local (or project
 * configuration) is local, all URLs is a URL, a mix or no assignment is unknown.
 */
function classifyVariable(ctx: UnitContext, variable: SyntaxNode, depth: number): PathClass {
  const name = variable.text;
  const assigned = ctx.assignments.get(name) ?? [];
  if (assigned.length === 0) return unassignedVariable(ctx, variable);
  const classes = new Set(assigned.map((value) => classifyPath(ctx, value, depth + 1)));
  if (classes.size === 1) return [...classes][0]!;
  if ([...classes].every((c) => c === 'local' || c === 'opaque')) return 'local';
  return 'unknown';
}

/** `tempnam(…)`, `sys_get_temp_dir()`: paths on this machine; `sprintf('https://%s/…')`: its format. */
function classifyCall(ctx: UnitContext, node: SyntaxNode, depth: number): PathClass | undefined {
  const api = nativeCallOf(ctx, node)?.api;
  if (api?.returnsLocalPath) return 'local';
  if (api?.formatArgument !== undefined) {
    const args = callArguments(node);
    const format = args[api.formatArgument];
    const formatClass = format ? classifyPath(ctx, format, depth + 1) : 'unknown';
    // Only a format that starts with a URL scheme says something; `'%s/x'` is whatever `%s` is.
    if (formatClass === 'url') return 'url';
  }
  return undefined;
}

/** `$_FILES` for `$_FILES['doc']['tmp_name']`. */
function subscriptRootVariable(node: SyntaxNode): SyntaxNode | undefined {
  let current: SyntaxNode | null = node;
  while (current?.type === 'subscript_expression') current = current.namedChild(0);
  return current?.type === 'variable_name' ? current : undefined;
}

/**
 * A variable the unit never assigns: what the request sent (`$_GET`, a parameter) may be
 * anything, a URL included; the server's environment (`$_SERVER`), a `global` and a variable
 * the top level of a file reads from an included configuration file are the project's own
 * configuration (not reported, like properties).
 */
function unassignedVariable(ctx: UnitContext, variable: SyntaxNode): PathClass {
  const name = variable.namedChild(0)?.text ?? '';
  if ((ctx.catalog.requestVariables ?? []).includes(name)) return 'unknown';
  if ((ctx.catalog.configurationVariables ?? []).includes(name)) return 'opaque';
  if (ctx.parameters.has(variable.text)) return 'unknown';
  const unit = enclosingUnitNode(variable);
  if (!unit || unit.type === 'program') return 'opaque';
  return declaresInUnit(unit, variable.text, 'global_declaration') ? 'opaque' : 'unknown';
}

function classifyLiteral(value: string): PathClass {
  const separator = value.indexOf('://');
  if (separator <= 0) return 'local';
  const scheme = value.slice(0, separator).toLowerCase();
  if (![...scheme].every((ch) => (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || '+.-'.includes(ch))) {
    return 'local';
  }
  return LOCAL_STREAM_SCHEMES.has(scheme) ? 'local' : 'url';
}

/**
 * The parameter a path starts with, when the unit cannot know it because it is a parameter
 * never reassigned (`fopen($file)`, `file($dir . '/x.txt')`, `"{$dir}/x"`): its callers can.
 */
export function pathParameterOf(ctx: UnitContext, node: SyntaxNode | null | undefined): number | undefined {
  if (!node) return undefined;
  if (node.type === 'argument') return pathParameterOf(ctx, argumentValue(node));
  if (node.type === 'parenthesized_expression') return pathParameterOf(ctx, node.namedChild(0));
  if (node.type === 'binary_expression' && node.childForFieldName('operator')?.text === '.') return pathParameterOf(ctx, node.childForFieldName('left'));
  if (node.type === 'encapsed_string' && node.namedChildCount > 0) {
    const first = node.namedChild(0);
    return first && first.type !== 'string_content' && first.type !== 'escape_sequence' ? pathParameterOf(ctx, first) : undefined;
  }
  if (node.type !== 'variable_name' || (ctx.assignments.get(node.text)?.length ?? 0) > 0) return undefined;
  return ctx.parameters.get(node.text);
}

/** What each positional argument of a call to project code is as a path. */
export function pathArguments(ctx: UnitContext, args: readonly SyntaxNode[]): PathArgument[] {
  const result: PathArgument[] = [];
  args.forEach((arg, index) => {
    // A named argument (`f(path: $x)`) or a spread may not be at its position.
    if (arg.type !== 'argument' || arg.namedChildren.some((c) => c?.type === 'name') || arg.text.startsWith('...')) return;
    const value = arg.namedChild(0);
    // Only arguments that could be paths: strings, variables, concatenations, elements, calls.
    if (!value || value.type === 'integer' || value.type === 'float' || value.type === 'boolean' || value.type === 'null' || value.type === 'array_creation_expression') return;
    const path = classifyPath(ctx, value);
    if (path === 'url') result.push({ index, path: 'url' });
    else if (path === 'local' || path === 'opaque') result.push({ index, path: 'local' });
    else {
      const parameter = pathParameterOf(ctx, value);
      result.push(parameter !== undefined ? { index, path: 'unknown', parameter } : { index, path: 'unknown' });
    }
  });
  return result;
}
