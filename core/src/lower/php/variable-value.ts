import type { SyntaxNode } from '../../parse/php';
import { NESTED } from './bootstrap-includes';
import { evaluateStatic, type StaticString } from './static-string';

/**
 * The value a local variable has wherever it is read, when every assignment to it in its
 * function (or file top level) gives the same fully known string: `$root = __DIR__ . '/'` on each
 * branch of a `switch` before `define('ROOT', $root)`. Any other assignment (a different value,
 * something not known here, a compound assignment) or none: undefined.
 */
export function sameValueEverywhere(variable: SyntaxNode, file: string): StaticString | undefined {
  if (variable.type !== 'variable_name') return undefined;
  let scope: SyntaxNode | null = variable.parent;
  while (scope && scope.type !== 'program' && !NESTED.has(scope.type)) scope = scope.parent;
  if (!scope) return undefined;
  let value: StaticString | undefined;
  let key: string | undefined;
  const stack: SyntaxNode[] = [scope];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node !== scope && NESTED.has(node.type)) continue;
    if (node.type === 'augmented_assignment_expression' || node.type === 'reference_assignment_expression') {
      if (node.childForFieldName('left')?.text === variable.text) return undefined;
    }
    if (node.type === 'assignment_expression' && node.childForFieldName('left')?.text === variable.text) {
      const assigned = evaluateStatic(node.childForFieldName('right'), file);
      if (assigned.some((part) => !('text' in part))) return undefined;
      const assignedKey = JSON.stringify(assigned);
      if (key !== undefined && key !== assignedKey) return undefined;
      value = assigned;
      key = assignedKey;
    }
    for (const child of node.namedChildren) if (child) stack.push(child);
  }
  return value;
}
