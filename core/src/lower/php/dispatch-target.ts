import type { CallTarget } from '../../ir/effects';
import type { StaticString } from '../../ir/static-string';
import type { SyntaxNode } from '../../parse/php';
import type { UnitContext } from './context';
import { literalString } from './session-access';
import { evaluateStatic } from './static-string';
import { typeOf } from './types';
import { assignmentsIn } from './variable-value';
import { callArguments } from './literals';

/**
 * A front controller's dispatch: a method named by a pattern on an object whose class is named
 * by a pattern, each bounded by what the code writes (FreshRSS's `Minz_Dispatcher`:
 * `$this->controller = new $controller_name()` with `$controller_name = 'FreshRSS_' . $c .
 * '_Controller'`, then `call_user_func([$this->controller, $action_name])` in a private method
 * every call of which passes `$a . 'Action'`). The candidates are the methods that fit, of the
 * project's classes that fit (the flow resolves them, as it sees every file). Anything the code
 * does not bound (a public property, an argument with no literal part, another assignment)
 * leaves the call unresolved.
 */
export function dispatchTarget(ctx: UnitContext, receiver: SyntaxNode, method: SyntaxNode): CallTarget | undefined {
  const methods = methodNames(ctx, method);
  if (!methods) return undefined;
  const typed = typeOf(ctx, receiver);
  const classNames = typed !== undefined ? [[{ text: typed }]] : receiverClasses(ctx, receiver);
  if (!classNames) return undefined;
  // One class and one method, both written out: an ordinary method call.
  const literal = methods.length === 1 ? fullText(methods[0]!) : undefined;
  if (typed !== undefined && literal !== undefined) return { type: 'method', className: typed, method: literal };
  return { type: 'dispatch', classNames, methods };
}

/**
 * The names a method-name expression may have: a literal; a local variable whose every
 * assignment has a literal part; or a parameter of a private method (all its calls are in the
 * class) that every call passes with a literal part.
 */
function methodNames(ctx: UnitContext, node: SyntaxNode): StaticString[] | undefined {
  const value = node.type === 'argument' ? node.namedChild(0) : node;
  if (!value) return undefined;
  const literal = literalString(value);
  if (literal !== undefined) return [[{ text: literal.toLowerCase() }]];
  if (value.type !== 'variable_name' || !ctx.unitNode) return undefined;
  const parameter = ctx.parameters.get(value.text);
  const assigned = assignmentsIn(ctx.unitNode, value.text);
  if (!assigned) return undefined;
  if (parameter === undefined) return assigned.length > 0 ? bounded(assigned.map((right) => evaluateStatic(right, ctx.facts.file))) : undefined;
  if (assigned.length > 0 || !isPrivate(ctx.unitNode)) return undefined;
  const passed = callsInClass(ctx.unitNode).map((call) => callArguments(call)[parameter]);
  if (passed.length === 0 || passed.some((arg) => arg === undefined)) return undefined;
  return bounded(passed.map((arg) => evaluateStatic(arg, ctx.facts.file)));
}

/**
 * The classes `$this->prop` may hold: a private property of the class whose every assignment
 * in it is `new $name()` (or `new Foo()`, or `null`), `$name` assigned only names with a
 * literal start in that method (`'FreshRSS_' . $c . '_Controller'` on one branch,
 * `'FreshExtension_' . $c . '_Controller'` on the other).
 */
function receiverClasses(ctx: UnitContext, receiver: SyntaxNode): readonly StaticString[] | undefined {
  if (receiver.type !== 'member_access_expression' || receiver.childForFieldName('object')?.text !== '$this') return undefined;
  const property = receiver.childForFieldName('name');
  const classBody = ctx.unitNode?.parent;
  if (property?.type !== 'name' || classBody?.type !== 'declaration_list') return undefined;
  const key = `${classBody.startIndex}:${property.text}`;
  const known = ctx.facts.receiverClasses.get(key);
  if (known !== undefined) return known ?? undefined;
  const found = isPrivateProperty(classBody, property.text) ? assignedClasses(ctx, classBody, property.text) : undefined;
  ctx.facts.receiverClasses.set(key, found ?? null);
  return found;
}

function assignedClasses(ctx: UnitContext, classBody: SyntaxNode, property: string): StaticString[] | undefined {
  const names: StaticString[] = [];
  for (const method of classBody.namedChildren) {
    if (method?.type !== 'method_declaration') continue;
    const rights = assignmentsIn(method, `$this->${property}`);
    if (!rights) return undefined;
    for (const right of rights) {
      if (right.type === 'null') continue;
      const created = createdClasses(ctx, method, right);
      if (!created) return undefined;
      names.push(...created);
    }
  }
  return names.length > 0 ? names : undefined;
}

/** `new Foo()` → Foo; `new $name()` → every name `$name` is assigned in `method`, each with a literal start. */
function createdClasses(ctx: UnitContext, method: SyntaxNode, created: SyntaxNode): StaticString[] | undefined {
  if (created.type !== 'object_creation_expression') return undefined;
  const named = created.namedChildren.find((c) => c?.type === 'name' || c?.type === 'qualified_name');
  if (named) return [[{ text: ctx.names.resolveClass(named.text) }]];
  const variable = created.namedChildren.find((c) => c?.type === 'variable_name');
  const rights = variable ? assignmentsIn(method, variable.text) : undefined;
  if (!rights || rights.length === 0) return undefined;
  const names = rights.map((right) => classPattern(evaluateStatic(right, ctx.facts.file)));
  return names.every((name) => name !== undefined && 'text' in name[0]! && name[0].text !== '') ? (names as StaticString[]) : undefined;
}

/** A class name as the resolver compares it: lower-case, no leading backslash, constants unknown. */
function classPattern(value: StaticString): StaticString | undefined {
  const parts = lowerCase(value);
  const first = parts[0];
  if (first && 'text' in first && first.text.startsWith('\\')) return [{ text: first.text.slice(1) }, ...parts.slice(1)];
  return parts;
}

function lowerCase(value: StaticString): StaticString {
  return value.map((part) => ('text' in part ? { text: part.text.toLowerCase() } : { unknown: true as const }));
}

/** Patterns that each write some literal text (else any name fits: nothing is bounded). */
function bounded(values: readonly StaticString[]): StaticString[] | undefined {
  const patterns = values.map(lowerCase);
  return patterns.every((pattern) => pattern.some((part) => 'text' in part && part.text !== '')) ? patterns : undefined;
}

function fullText(value: StaticString): string | undefined {
  return value.every((part) => 'text' in part) ? value.map((part) => ('text' in part ? part.text : '')).join('') : undefined;
}

function isPrivate(declaration: SyntaxNode): boolean {
  return declaration.namedChildren.some((c) => c?.type === 'visibility_modifier' && c.text.toLowerCase() === 'private');
}

function isPrivateProperty(classBody: SyntaxNode, property: string): boolean {
  return classBody.namedChildren.some(
    (member) =>
      member?.type === 'property_declaration' &&
      isPrivate(member) &&
      member.descendantsOfType('variable_name').some((variable) => variable?.text === `$${property}`),
  );
}

/** The calls of a private method within its class: `$this->m(…)`, `self::m(…)`, `static::m(…)`. */
function callsInClass(method: SyntaxNode): SyntaxNode[] {
  const name = method.childForFieldName('name')?.text.toLowerCase();
  const classBody = method.parent;
  if (!name || classBody?.type !== 'declaration_list') return [];
  const calls: SyntaxNode[] = [];
  for (const call of classBody.descendantsOfType(['member_call_expression', 'scoped_call_expression'])) {
    if (!call || call.childForFieldName('name')?.text.toLowerCase() !== name) continue;
    const receiver = call.type === 'member_call_expression' ? call.childForFieldName('object')?.text : call.childForFieldName('scope')?.text.toLowerCase();
    if (receiver === '$this' || receiver === 'self' || receiver === 'static') calls.push(call);
  }
  return calls;
}
