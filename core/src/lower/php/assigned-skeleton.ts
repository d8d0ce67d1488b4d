import { includeSkeleton } from '../../flow/include-skeletons';
import type { StaticString } from '../../ir/static-string';
import type { SyntaxNode } from '../../parse/php';
import { evaluateStatic } from './static-string';
import { declaresInUnit, enclosingUnitNode, NESTED_DECLARATIONS } from './unit-scope';

const WRITES = new Set(['augmented_assignment_expression', 'reference_assignment_expression']);

/**
 * `$filename = $this->GetModulePath() . '/action.' . $name . '.php'; … include($filename);` (CMS
 * Made Simple's `CMSModule::DoAction()`): the path the variable's one assignment in its unit
 * gives, when that is a file-name skeleton in a folder chosen at run time
 * (`flow/include-skeletons.ts`). Only then: an include of a variable with another kind of value
 * stays as it was read before (an unknown path, which reaches nothing). Read from the syntax
 * tree alone, so the lowering and the declarations (which the parse-on-demand mode follows)
 * agree. Not at a file's top level, nor for a parameter, a `global` or `static`, or a variable
 * written more than once (or by `.=`, by reference, in a `list()` or `foreach`).
 */
export function assignedSkeletonPath(argument: SyntaxNode | null | undefined, file: string): StaticString | undefined {
  let variable = argument ?? null;
  while (variable?.type === 'parenthesized_expression') variable = variable.namedChild(0);
  if (variable?.type !== 'variable_name') return undefined;
  // In a function, method or closure only: a file's top-level variable is a global that other
  // files (and includes between the statements) may set, and the declarations of an edited file
  // are reused per top-level statement, which must not depend on another statement.
  const unit = enclosingUnitNode(variable);
  if (!unit || unit.type === 'program' || isParameter(unit, variable.text)) return undefined;
  if (declaresInUnit(unit, variable.text, 'global_declaration') || declaresInUnit(unit, variable.text, 'function_static_declaration')) return undefined;
  const value = onlyAssignment(unit, variable.text);
  if (!value) return undefined;
  const path = evaluateStatic(value, file);
  return includeSkeleton(path) ? path : undefined;
}

function isParameter(unit: SyntaxNode, name: string): boolean {
  const parameters = unit.childForFieldName('parameters');
  return parameters !== null && parameters.descendantsOfType('variable_name').some((node) => node?.text === name);
}

/** The value of the one plain assignment of `name` in the unit's own body, if it has exactly one and no other write. */
function onlyAssignment(unit: SyntaxNode, name: string): SyntaxNode | undefined {
  let found: SyntaxNode | undefined;
  let writes = 0;
  const stack: SyntaxNode[] = [unit.childForFieldName('body') ?? unit];
  while (stack.length > 0 && writes <= 1) {
    const node = stack.pop()!;
    if (NESTED_DECLARATIONS.has(node.type)) continue;
    const left = node.childForFieldName('left');
    if ((node.type === 'assignment_expression' || WRITES.has(node.type)) && left !== null && writesVariable(left, name)) {
      writes++;
      const right = node.childForFieldName('right');
      found = node.type === 'assignment_expression' && left.type === 'variable_name' && right !== null ? right : undefined;
    } else if (node.type === 'foreach_statement' && node.descendantsOfType('variable_name').some((v) => v?.text === name && v.parent?.type !== 'subscript_expression')) {
      // `foreach ($list as $name)`: written on every round (a read of it in the list is rare enough to refuse too).
      writes += 2;
    }
    for (const child of node.namedChildren) if (child) stack.push(child);
  }
  return writes === 1 ? found : undefined;
}

/** The left side of an assignment writes this variable (plainly, or as part of a `list()`/`[...]`). */
function writesVariable(left: SyntaxNode, name: string): boolean {
  if (left.type === 'variable_name') return left.text === name;
  if (left.type === 'list_literal' || left.type === 'array_creation_expression') return left.descendantsOfType('variable_name').some((v) => v?.text === name);
  return false;
}
