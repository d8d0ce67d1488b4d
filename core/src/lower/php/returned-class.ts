import type { SyntaxNode } from '../../parse/php';
import type { NameScope } from './names';
import { NESTED_UNITS } from './unit-scope';

/**
 * The class a method returns when no type or `@return` says so but its body does: every `return`
 * gives `new X()` (`new self()`, `new static()`), or a static property of its class that the class
 * only ever assigns `new X()` or `null` (a singleton's `getInstance()`: `if (self::$instance ===
 * null) self::$instance = new Dispatcher(); return self::$instance;`). Anything else, or returns
 * that disagree: undefined.
 */
export function returnedClass(method: SyntaxNode, region: NameScope, className: string | undefined): string | undefined {
  const body = method.childForFieldName('body');
  if (!body) return undefined;
  let found: string | undefined;
  for (const returned of returnsOf(body)) {
    const value = returned.namedChild(0);
    const type = value ? classOfValue(value, method.parent, region, className) : undefined;
    if (type === undefined || (found !== undefined && found !== type)) return undefined;
    found = type;
  }
  return found;
}

/** The `return` statements of a body (not of functions declared in it). */
function returnsOf(body: SyntaxNode): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  const stack: SyntaxNode[] = [body];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node !== body && NESTED_UNITS.has(node.type)) continue;
    if (node.type === 'return_statement') found.push(node);
    for (const child of node.namedChildren) if (child) stack.push(child);
  }
  return found;
}

function classOfValue(value: SyntaxNode, classBody: SyntaxNode | null, region: NameScope, className: string | undefined): string | undefined {
  const created = createdClass(value, region, className, true);
  if (created !== undefined || value.type !== 'scoped_property_access_expression' || classBody?.type !== 'declaration_list') return created;
  if (!ownScope(value, region, className)) return undefined;
  const property = value.childForFieldName('name')?.text;
  if (!property) return undefined;
  // Every assignment of that static property in the class: `new X()` (all the same X) or null.
  let found: string | undefined;
  for (const assignment of classBody.descendantsOfType('assignment_expression')) {
    const left = assignment?.childForFieldName('left');
    if (!assignment || left?.type !== 'scoped_property_access_expression' || left.childForFieldName('name')?.text !== property || !ownScope(left, region, className)) continue;
    const right = assignment.childForFieldName('right');
    if (right?.type === 'null') continue;
    const type = right ? createdClass(right, region, className) : undefined;
    if (type === undefined || (found !== undefined && found !== type)) return undefined;
    found = type;
  }
  return found;
}

/**
 * `new X()` → x; `new self()` → the class; `new static()` → the class, or `static` (the class
 * the method is called on, resolved per receiver) when `lateBound` (a method's return value).
 */
function createdClass(value: SyntaxNode, region: NameScope, className: string | undefined, lateBound = false): string | undefined {
  if (value.type !== 'object_creation_expression') return undefined;
  const named = value.namedChildren.find((c) => c?.type === 'name' || c?.type === 'qualified_name' || c?.type === 'relative_scope');
  if (!named) return undefined;
  const keyword = named.text.toLowerCase();
  if (keyword === 'static' && lateBound && className !== undefined) return 'static';
  if (keyword === 'self' || keyword === 'static') return className;
  return keyword === 'parent' ? undefined : region.resolveClass(named.text);
}

/** `self::$x`, `static::$x`, or the class's own name. */
function ownScope(access: SyntaxNode, region: NameScope, className: string | undefined): boolean {
  const scope = access.childForFieldName('scope');
  if (!scope || className === undefined) return false;
  const keyword = scope.text.toLowerCase();
  return keyword === 'self' || keyword === 'static' || ((scope.type === 'name' || scope.type === 'qualified_name') && region.resolveClass(scope.text) === className);
}
