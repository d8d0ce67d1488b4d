import type { SyntaxNode } from '../../parse/php';
import { PlainNode, type PlainTree } from '../../parse/plain-tree';

/** Syntax that starts a unit of its own: what is inside does not run where it is written. */
export const NESTED_UNITS: ReadonlySet<string> = new Set([
  'function_definition', 'anonymous_function', 'arrow_function', 'class_declaration', 'method_declaration',
]);

/**
 * Every declaration whose body does not run where it is written: the units above and the class-like
 * declarations around methods (`anonymous_class`, interfaces, traits, enums). A walk of the code
 * that runs in one place stops at each.
 */
export const NESTED_DECLARATIONS: ReadonlySet<string> = new Set([
  ...NESTED_UNITS, 'anonymous_class', 'interface_declaration', 'trait_declaration', 'enum_declaration',
]);

/** The function, method or closure a node is written in, or the file's `program` node. */
export function enclosingUnitNode(node: SyntaxNode): SyntaxNode | undefined {
  let current: SyntaxNode | null = node.parent;
  while (current && !NESTED_UNITS.has(current.type) && current.type !== 'program') current = current.parent;
  return current ?? undefined;
}

/** True when the unit's own body has a `static $name` or `global $name` declaration (`declaration`) of it. */
export function declaresInUnit(unit: SyntaxNode, variable: string, declaration: 'function_static_declaration' | 'global_declaration'): boolean {
  return namesDeclaredInUnit(unit, declaration).has(variable);
}

/**
 * The names each unit of a copied tree declares, by unit node and declaration kind: the
 * lowering asks about one variable at a time, and walking the unit's body for each question
 * made a long function cost the square of its length.
 */
const declaredNames = new WeakMap<PlainTree, Map<string, ReadonlySet<string>>>();

function namesDeclaredInUnit(unit: SyntaxNode, declaration: 'function_static_declaration' | 'global_declaration'): ReadonlySet<string> {
  if (!(unit instanceof PlainNode)) return collectDeclaredNames(unit, declaration);
  let ofTree = declaredNames.get(unit.plainTree);
  if (!ofTree) {
    ofTree = new Map();
    declaredNames.set(unit.plainTree, ofTree);
  }
  const key = `${declaration}:${unit.id}`;
  let names = ofTree.get(key);
  if (!names) {
    names = collectDeclaredNames(unit, declaration);
    ofTree.set(key, names);
  }
  return names;
}

/** The variables named in the unit's own `static` or `global` declarations (not those of nested functions). */
function collectDeclaredNames(unit: SyntaxNode, declaration: 'function_static_declaration' | 'global_declaration'): ReadonlySet<string> {
  const names = new Set<string>();
  const body = unit.childForFieldName('body');
  const stack: SyntaxNode[] = body ? [body] : [];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current !== body && NESTED_UNITS.has(current.type)) continue;
    if (current.type === declaration) for (const name of current.descendantsOfType('variable_name')) if (name) names.add(name.text);
    for (const child of current.namedChildren) if (child) stack.push(child);
  }
  return names;
}
