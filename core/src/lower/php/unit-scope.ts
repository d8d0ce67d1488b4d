import type { SyntaxNode } from '../../parse/php';

/** Syntax that starts a unit of its own: what is inside does not run where it is written. */
export const NESTED_UNITS: ReadonlySet<string> = new Set([
  'function_definition', 'anonymous_function', 'arrow_function', 'class_declaration', 'method_declaration',
]);

/** The function, method or closure a node is written in, or the file's `program` node. */
export function enclosingUnitNode(node: SyntaxNode): SyntaxNode | undefined {
  let current: SyntaxNode | null = node.parent;
  while (current && !NESTED_UNITS.has(current.type) && current.type !== 'program') current = current.parent;
  return current ?? undefined;
}

/** True when the unit's own body has a `static $name` or `global $name` declaration (`declaration`) of it. */
export function declaresInUnit(unit: SyntaxNode, variable: string, declaration: 'function_static_declaration' | 'global_declaration'): boolean {
  const body = unit.childForFieldName('body');
  const stack: SyntaxNode[] = body ? [body] : [];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current !== body && NESTED_UNITS.has(current.type)) continue;
    if (current.type === declaration && current.descendantsOfType('variable_name').some((v) => v?.text === variable)) return true;
    for (const child of current.namedChildren) if (child) stack.push(child);
  }
  return false;
}
