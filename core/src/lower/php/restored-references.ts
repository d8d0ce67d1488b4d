import type { SyntaxNode } from '../../parse/php';
import { TYPE_TESTS } from '../../ir/predicate-shape';
import { literalString } from './session-access';
import { NESTED_UNITS } from './unit-scope';
import type { UnitContext } from './context';

/**
 * The by-reference parameters a function or method leaves as they were: it reads them, and the
 * only change it makes is a marker key set and removed again on its way through,
 *
 *     private static function safe_serialize(&$arr) {            // phpseclib's Crypt/Random.php
 *         if (!is_array($arr)) return serialize($arr);
 *         if (isset($arr['__phpseclib_marker'])) return '';     // a cycle: stop
 *         $arr['__phpseclib_marker'] = true;
 *         foreach (array_keys($arr) as $key) { … self::safe_serialize($arr[$key]); … }
 *         unset($arr['__phpseclib_marker']);
 *         return serialize($safearr);
 *     }
 *
 * so a caller's array passed to it is the same array afterwards (a saved copy of `$_SESSION`
 * stays a copy, `session-key-restore.ts`; `$_SESSION` passed to it is not written).
 * Positions of such parameters. A parameter qualifies when every use of it in the body is:
 * - a read: a type test or `isset()`/`empty()`, or an argument of a builtin that takes its
 *   arguments by value (`READING_BUILTINS`), or a plain read of it or of an element;
 * - passed, whole or an element, to the function itself at the same position (by induction, the
 *   inner call leaves it as it was too);
 * - `$p['lit'] = …` as a statement of the body's own list, undone by a later `unset($p['lit'])`
 *   of that list, with no `return`, `throw`, `exit` or `yield` between them (every way out of
 *   the function passes the unset).
 */
export function restoredReferences(node: SyntaxNode, byRef: readonly number[]): number[] {
  const body = node.childForFieldName('body');
  if (!body || byRef.length === 0) return [];
  const parameters = node.childForFieldName('parameters')?.namedChildren.filter((c): c is SyntaxNode => c !== null && c.type !== 'comment') ?? [];
  const own = { name: node.childForFieldName('name')?.text.toLowerCase() ?? '', method: node.type === 'method_declaration' };
  const restored: number[] = [];
  for (const index of byRef) {
    const name = parameters[index]?.childForFieldName('name')?.text;
    if (name && leftAsItWas(body, name, index, own)) restored.push(index);
  }
  return restored;
}

/** Builtins that take every argument by value and only read it. */
const READING_BUILTINS: ReadonlySet<string> = new Set([
  'isset', 'empty', 'count', 'array_keys', 'array_values', 'array_key_exists', 'in_array', 'serialize',
  'json_encode', 'var_export', 'print_r', 'gettype', 'get_class', 'strlen', 'implode', ...TYPE_TESTS.keys(),
]);

type Own = { readonly name: string; readonly method: boolean };

/** The by-reference parameters the project function or method `call` reaches leaves as they were. */
export function restoredAt(ctx: UnitContext, call: SyntaxNode): readonly number[] {
  const symbols = ctx.facts.symbols;
  if (call.type === 'function_call_expression') {
    const callee = call.childForFieldName('function');
    if (callee?.type !== 'name' && callee?.type !== 'qualified_name') return [];
    const name = ctx.names.functionCandidates(callee.text).find((candidate) => symbols.hasFunction(candidate));
    return name ? symbols.restoredReferences({ type: 'function', name }) : [];
  }
  const method = call.childForFieldName('name')?.text.toLowerCase();
  if (ctx.className === undefined || !method) return [];
  const onSelf =
    call.type === 'scoped_call_expression'
      ? ['self', 'static'].includes(call.childForFieldName('scope')?.text.toLowerCase() ?? '')
      : call.type === 'member_call_expression' && call.childForFieldName('object')?.text === '$this';
  return onSelf ? symbols.restoredReferences({ type: 'method', className: ctx.className, method }) : [];
}

function leftAsItWas(body: SyntaxNode, name: string, index: number, own: Own): boolean {
  const statements = body.namedChildren.filter((c): c is SyntaxNode => c !== null && c.type !== 'comment');
  const marks = new Map<number, string>();
  const unmarks = new Map<number, string>();
  statements.forEach((statement, position) => {
    const mark = markSet(statement, name);
    if (mark !== undefined) marks.set(position, mark);
    const unmark = markRemoved(statement, name);
    if (unmark !== undefined) unmarks.set(position, unmark);
  });
  const allowed = new Set<number>();
  for (const [position, key] of marks) {
    const until = [...unmarks].find(([at, removed]) => at > position && removed === key)?.[0];
    if (until === undefined) return false;
    for (const between of statements.slice(position + 1, until)) if (leaves(between)) return false;
    allowed.add(statements[position]!.id);
    allowed.add(statements[until]!.id);
  }
  for (const use of uses(body, name)) {
    if (insideAny(use, allowed)) continue;
    if (!readOnly(use, index, own)) return false;
  }
  return true;
}

/** `$p['lit'] = …;`: the literal key. */
function markSet(statement: SyntaxNode, name: string): string | undefined {
  const assignment = statement.type === 'expression_statement' ? statement.namedChild(0) : null;
  if (assignment?.type !== 'assignment_expression') return undefined;
  return literalElement(assignment.childForFieldName('left'), name);
}

/** `unset($p['lit']);`: the literal key. */
function markRemoved(statement: SyntaxNode, name: string): string | undefined {
  if (statement.type !== 'unset_statement') return undefined;
  const targets = statement.namedChildren.filter((c): c is SyntaxNode => c !== null && c.type !== 'comment');
  return targets.length === 1 ? literalElement(targets[0], name) : undefined;
}

function literalElement(node: SyntaxNode | null | undefined, name: string): string | undefined {
  if (node?.type !== 'subscript_expression') return undefined;
  const base = node.namedChild(0);
  const key = node.namedChild(1);
  return base?.type === 'variable_name' && base.text === name && key ? literalString(key) : undefined;
}

/** A statement with a way out of the function (or of its run) inside it. */
function leaves(statement: SyntaxNode): boolean {
  const stack: SyntaxNode[] = [statement];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (NESTED_UNITS.has(node.type)) continue;
    if (node.type === 'return_statement' || node.type === 'throw_expression' || node.type === 'exit_statement' || node.type === 'yield_expression') return true;
    if (node.type === 'function_call_expression' && ['exit', 'die'].includes(node.childForFieldName('function')?.text.toLowerCase() ?? '')) return true;
    for (const child of node.namedChildren) if (child) stack.push(child);
  }
  return false;
}

function uses(body: SyntaxNode, name: string): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  const stack: SyntaxNode[] = [body];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (NESTED_UNITS.has(node.type) && node.type !== 'arrow_function') continue;
    if (node.type === 'variable_name' && node.text === name) found.push(node);
    for (const child of node.namedChildren) if (child) stack.push(child);
  }
  return found;
}

function insideAny(node: SyntaxNode, ids: ReadonlySet<number>): boolean {
  for (let current: SyntaxNode | null = node; current; current = current.parent) if (ids.has(current.id)) return true;
  return false;
}

/**
 * A use that changes nothing: read where it stands (not assigned, not bound by reference, not
 * unset, not iterated by reference), or handed to a reading builtin or to the function itself
 * at the same position.
 */
function readOnly(use: SyntaxNode, index: number, own: Own): boolean {
  // Climb through element reads `$p[$k]`, `$p['a']['b']`: what they are used for decides.
  let value: SyntaxNode = use;
  while (value.parent?.type === 'subscript_expression' && value.parent.namedChild(0)?.id === value.id) value = value.parent;
  const parent = value.parent;
  if (!parent) return false;
  if (parent.type === 'argument') {
    const call = parent.parent?.parent;
    if (!call || parent.childForFieldName('name')) return false;
    const position = parent.parent!.namedChildren.filter((c) => c?.type === 'argument').findIndex((c) => c?.id === parent.id);
    const called = calledName(call);
    if (called === undefined) return false;
    if (called === own.name && (call.type !== 'function_call_expression') === own.method) return position === index;
    return call.type === 'function_call_expression' && READING_BUILTINS.has(called);
  }
  if (parent.type === 'assignment_expression' || parent.type === 'augmented_assignment_expression') {
    return parent.childForFieldName('right')?.id === value.id && !parent.children.some((c) => c?.type === '&' || c?.text === '&');
  }
  if (parent.type === 'reference_assignment_expression' || parent.type === 'by_ref' || parent.type === 'unset_statement') return false;
  if (parent.type === 'update_expression') return false;
  if (parent.type === 'foreach_statement') return !parent.namedChildren.some((c) => c?.type === 'by_ref');
  if (parent.type === 'list_literal' || parent.type === 'array_creation_expression' || parent.type === 'array_element_initializer') return false;
  return true;
}

/** `f(…)` → `f`; `self::m(…)`, `static::m(…)`, `$this->m(…)` → `m` (lower case); otherwise undefined. */
function calledName(call: SyntaxNode): string | undefined {
  if (call.type === 'function_call_expression') {
    const fn = call.childForFieldName('function');
    return fn?.type === 'name' || fn?.type === 'qualified_name' ? fn.text.replace(/^\\/, '').toLowerCase() : undefined;
  }
  if (call.type === 'scoped_call_expression') {
    const scope = call.childForFieldName('scope')?.text.toLowerCase();
    return scope === 'self' || scope === 'static' ? call.childForFieldName('name')?.text.toLowerCase() : undefined;
  }
  if (call.type === 'member_call_expression') {
    return call.childForFieldName('object')?.text === '$this' ? call.childForFieldName('name')?.text.toLowerCase() : undefined;
  }
  return undefined;
}
