import type { SyntaxNode } from '../../parse/php';
import { literalTruth } from './literals';
import type { NameScope } from './names';
import { literalString } from './session-access';
import { NESTED_UNITS } from './unit-scope';

/**
 * Functions that return a setting named by their argument, found from what their body
 * returns (gathered with the declarations, data only):
 *
 *     public function get(string $setting) {                 // phpMyAdmin's Config::get()
 *         if (isset($this->settings[$setting])) return $this->settings[$setting];
 *         return null;
 *     }
 *     function config_get_global($p_option, $p_default = null) {   // MantisBT
 *         $t_var_name = 'g_' . $p_option;
 *         if (isset($GLOBALS[$t_var_name])) { $t_value = config_eval($GLOBALS[$t_var_name], true); return $t_value; }
 *         return $p_default;
 *     }
 *
 * - `read`: every value it returns is an element keyed by the parameter (with a literal
 *   prefix): of `$GLOBALS` (`store: 'global'`, the global variable `$g_<name>`) or of some other
 *   array (`store: 'element'`, the element of that key the project ships, `$cfg['<name>']`),
 *   possibly passed as the first argument of project functions (`through`); the other returns
 *   are falsy literals or a parameter whose default is one (what it gives for a setting that
 *   is not set). A literal truthy return (`return true;` for `'YES'`) means the value is
 *   converted: not an accessor.
 * - `delegate`: it returns what another accessor returns for its parameter (`self::read($var)`).
 * - `passes`: it may return its first argument unchanged (a local first assigned from it, or
 *   the parameter itself), as `config_eval()` does for anything but strings.
 */
export type SettingAccessor =
  | { readonly kind: 'read'; readonly parameter: number; readonly prefix: string; readonly store: 'global' | 'element'; readonly through: readonly (readonly string[])[] }
  | { readonly kind: 'delegate'; readonly parameter: number; readonly argument: number; readonly call: DelegateCall }
  | { readonly kind: 'passes' };

/** The accessor called: a function (its lookup candidates) or a method of a class. */
export type DelegateCall = { readonly functions: readonly string[] } | { readonly className: string; readonly method: string };

/** Local variables followed through their assignments at most this deep. */
const MAX_DEPTH = 6;

interface Body {
  readonly parameters: ReadonlyMap<string, { readonly index: number; readonly falsyDefault: boolean }>;
  readonly returns: readonly (SyntaxNode | null)[];
  /** Local → the right sides of its plain assignments; absent for locals written otherwise. */
  readonly assignments: ReadonlyMap<string, readonly SyntaxNode[]>;
  /** Variables written otherwise (`+=`, by reference, `global`, `static`, `list()`), parameters included. */
  readonly opaque: ReadonlySet<string>;
}

type Read = { readonly kind: 'read'; parameter: number; prefix: string; global: boolean; through: string[][] };
type Value = Read | { readonly kind: 'delegate'; parameter: number; argument: number; call: DelegateCall };

/** The accessor `node` (a function or method with a body) is, if any. */
export function settingAccessorOf(node: SyntaxNode, region: NameScope, className: string | undefined): SettingAccessor | undefined {
  const body = scanBody(node);
  if (!body) return undefined;
  if (passesFirstArgument(body)) return { kind: 'passes' };
  const values: Value[] = [];
  for (const returned of body.returns) {
    if (returned === null || isFalsyLiteral(returned)) continue;
    if (returned.type === 'variable_name' && body.parameters.get(returned.text)?.falsyDefault === true && !body.opaque.has(returned.text)) continue;
    const value = valueOf(returned, body, region, className, 0);
    if (!value) return undefined;
    values.push(value);
  }
  return combine(values);
}

function combine(values: readonly Value[]): SettingAccessor | undefined {
  const first = values[0];
  if (!first) return undefined;
  if (first.kind === 'delegate') {
    const same = values.every((v) => v.kind === 'delegate' && v.parameter === first.parameter && v.argument === first.argument && JSON.stringify(v.call) === JSON.stringify(first.call));
    return same ? { kind: 'delegate', parameter: first.parameter, argument: first.argument, call: first.call } : undefined;
  }
  const reads = values.filter((v): v is Read => v.kind === 'read');
  if (reads.length !== values.length || reads.some((r) => r.parameter !== first.parameter || r.prefix !== first.prefix)) return undefined;
  const through = new Map<string, string[]>();
  for (const read of reads) for (const candidates of read.through) through.set(candidates.join('|'), candidates);
  // An element of `$GLOBALS` read somewhere: the other arrays read with that key are its caches.
  return { kind: 'read', parameter: first.parameter, prefix: first.prefix, store: reads.some((r) => r.global) ? 'global' : 'element', through: [...through.values()] };
}

/** What a returned expression is: a keyed read, a value passed through a function, a delegation. */
function valueOf(node: SyntaxNode, body: Body, region: NameScope, className: string | undefined, depth: number): Value | undefined {
  if (depth > MAX_DEPTH) return undefined;
  if (node.type === 'parenthesized_expression') return node.namedChild(0) ? valueOf(node.namedChild(0)!, body, region, className, depth + 1) : undefined;
  if (node.type === 'subscript_expression') {
    const [array, index] = node.namedChildren;
    if (!array || !index || array.type === 'subscript_expression') return undefined;
    const key = keyOf(index, body, depth + 1);
    return key ? { kind: 'read', ...key, global: array.text === '$GLOBALS', through: [] } : undefined;
  }
  if (node.type === 'variable_name') {
    if (body.opaque.has(node.text) || body.parameters.has(node.text)) return undefined;
    const assigned = body.assignments.get(node.text);
    if (!assigned || assigned.length === 0) return undefined;
    const values: Value[] = [];
    for (const value of assigned) {
      const found = valueOf(value, body, region, className, depth + 1);
      if (!found) return undefined;
      values.push(found);
    }
    const combined = combine(values);
    if (!combined || combined.kind === 'passes') return undefined;
    return combined.kind === 'read'
      ? { kind: 'read', parameter: combined.parameter, prefix: combined.prefix, global: combined.store === 'global', through: combined.through.map((c) => [...c]) }
      : { kind: 'delegate', parameter: combined.parameter, argument: combined.argument, call: combined.call };
  }
  const call = calledAccessor(node, region, className);
  if (!call) return undefined;
  const args = argumentsOf(node);
  // `config_eval($GLOBALS[$name], true)`: the value read, passed through a function.
  if ('functions' in call.target && args[0]) {
    const inner = valueOf(args[0], body, region, className, depth + 1);
    if (inner?.kind === 'read') return { ...inner, through: [...inner.through, [...call.target.functions]] };
  }
  // `self::read($var)`: the same setting, named by this function's parameter.
  for (let argument = 0; argument < args.length; argument++) {
    const key = keyOf(args[argument]!, body, depth + 1);
    if (key && key.prefix === '') return { kind: 'delegate', parameter: key.parameter, argument, call: call.target };
  }
  return undefined;
}

/** `$p`, `'g_' . $p`, or a local assigned once from one of those, for an unchanged parameter. */
function keyOf(node: SyntaxNode, body: Body, depth: number): { parameter: number; prefix: string } | undefined {
  if (depth > MAX_DEPTH) return undefined;
  if (node.type === 'variable_name') {
    if (body.opaque.has(node.text)) return undefined;
    const parameter = body.parameters.get(node.text);
    if (parameter) return body.assignments.has(node.text) ? undefined : { parameter: parameter.index, prefix: '' };
    const assigned = body.assignments.get(node.text);
    return assigned?.length === 1 ? keyOf(assigned[0]!, body, depth + 1) : undefined;
  }
  if (node.type === 'binary_expression' && node.child(1)?.text === '.') {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    const prefix = left ? literalString(left) : undefined;
    const key = right ? keyOf(right, body, depth + 1) : undefined;
    return prefix !== undefined && key ? { parameter: key.parameter, prefix: prefix + key.prefix } : undefined;
  }
  return undefined;
}

/** A call of a function, or of a method of this class (`self::`, `static::`, `$this->`). */
function calledAccessor(node: SyntaxNode, region: NameScope, className: string | undefined): { target: DelegateCall } | undefined {
  if (node.type === 'function_call_expression') {
    const callee = node.childForFieldName('function');
    if (callee?.type !== 'name' && callee?.type !== 'qualified_name') return undefined;
    return { target: { functions: region.functionCandidates(callee.text) } };
  }
  if (className === undefined) return undefined;
  const name = node.childForFieldName('name');
  if (name?.type !== 'name') return undefined;
  if (node.type === 'scoped_call_expression') {
    const scope = node.childForFieldName('scope')?.text.toLowerCase();
    return scope === 'self' || scope === 'static' ? { target: { className, method: name.text.toLowerCase() } } : undefined;
  }
  if (node.type === 'member_call_expression' && node.childForFieldName('object')?.text === '$this') {
    return { target: { className, method: name.text.toLowerCase() } };
  }
  return undefined;
}

function argumentsOf(call: SyntaxNode): SyntaxNode[] {
  return (call.childForFieldName('arguments')?.namedChildren ?? [])
    .filter((c): c is SyntaxNode => c?.type === 'argument' && !c.childForFieldName('name'))
    .map((argument) => argument.namedChild(0) ?? argument);
}

/** `return $p;`, or a local whose first assignment is `$t = $p` returned: the first argument, unchanged on some path. */
function passesFirstArgument(body: Body): boolean {
  const first = [...body.parameters].find(([, p]) => p.index === 0)?.[0];
  if (first === undefined || body.opaque.has(first) || body.assignments.has(first)) return false;
  return body.returns.some((returned) => {
    if (returned?.type !== 'variable_name') return false;
    if (returned.text === first) return true;
    const assigned = body.opaque.has(returned.text) ? undefined : body.assignments.get(returned.text);
    return assigned?.[0]?.type === 'variable_name' && assigned[0].text === first;
  });
}

function isFalsyLiteral(node: SyntaxNode): boolean {
  return literalTruth(node) === false;
}

/** The parameters, returns and local writes of a unit's own body (nested functions left out). */
function scanBody(node: SyntaxNode): Body | undefined {
  const body = node.childForFieldName('body');
  if (!body) return undefined;
  const parameters = new Map<string, { index: number; falsyDefault: boolean }>();
  let index = 0;
  for (const parameter of node.childForFieldName('parameters')?.namedChildren ?? []) {
    if (!parameter || parameter.type === 'comment') continue;
    const name = parameter.childForFieldName('name')?.text;
    const byReference = parameter.childForFieldName('reference_modifier') !== null || parameter.namedChildren.some((c) => c?.type === 'reference_modifier');
    const fallback = parameter.childForFieldName('default_value');
    if (name && !byReference && parameter.type === 'simple_parameter') parameters.set(name, { index, falsyDefault: fallback !== null && isFalsyLiteral(fallback) });
    index++;
  }
  const returns: (SyntaxNode | null)[] = [];
  const assignments = new Map<string, SyntaxNode[]>();
  const opaque = new Set<string>();
  const stack: SyntaxNode[] = [body];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current !== body && (NESTED_UNITS.has(current.type) || current.type === 'anonymous_class')) continue;
    // In source order (the first assignment of a local is the first recorded).
    for (let at = current.namedChildCount - 1; at >= 0; at--) {
      const child = current.namedChild(at);
      if (child) stack.push(child);
    }
    if (current.type === 'return_statement') returns.push(current.namedChildren.find((c) => c !== null && c.type !== 'comment') ?? null);
    else if (current.type === 'global_declaration' || current.type === 'function_static_declaration') {
      for (const variable of current.descendantsOfType('variable_name')) if (variable) opaque.add(variable.text);
    } else if (current.type === 'assignment_expression') {
      const left = current.childForFieldName('left');
      const right = current.childForFieldName('right');
      if (left?.type === 'variable_name' && right) assignments.set(left.text, [...(assignments.get(left.text) ?? []), right]);
      else for (const variable of left?.descendantsOfType('variable_name') ?? []) if (variable && left?.type !== 'subscript_expression' && left?.type !== 'member_access_expression') opaque.add(variable.text);
    } else if (current.type === 'augmented_assignment_expression' || current.type === 'reference_assignment_expression' || current.type === 'update_expression') {
      const left = current.childForFieldName('left') ?? current.namedChild(0);
      if (left?.type === 'variable_name') opaque.add(left.text);
    }
  }
  return { parameters, returns, assignments, opaque };
}
