import type { SyntaxNode } from '../../parse/php';
import { NESTED_DECLARATIONS } from './unit-scope';
import { evaluateStatic, fullyKnown, type StaticString } from './static-string';

/** Variables followed through other variables' assignments at most this deep. */
const MAX_DEPTH = 4;

/**
 * The value a local variable has wherever it is read, when every assignment to it in its
 * function (or file top level) gives the same fully known string: `$root = __DIR__ . '/'` on each
 * branch of a `switch` before `define('ROOT', $root)`. An assignment may read other variables of
 * the same scope that have one value everywhere, and the variable itself when it keeps its
 * value (osTicket's `$here = dirname(__FILE__); $here = ($h = realpath($here)) ? $h : $here;`:
 * assumed to be the value the other assignments give, then checked). Any other assignment (a
 * different value, something not known here, a compound assignment) or none: undefined.
 */
export function sameValueEverywhere(variable: SyntaxNode, file: string, known?: VariableCache): StaticString | undefined {
  if (variable.type !== 'variable_name') return undefined;
  let scope: SyntaxNode | null = variable.parent;
  while (scope && scope.type !== 'program' && !NESTED_DECLARATIONS.has(scope.type)) scope = scope.parent;
  if (!scope) return undefined;
  const key = `${scope.id}:${variable.text}`;
  if (known?.has(key)) return known.get(key);
  const value = valueIn(scope, variable.text, file, new Map(), 0);
  known?.set(key, value);
  return value;
}

/**
 * Answers of `sameValueEverywhere` for one file (each answer scans its whole scope, so a file
 * with many `define()` calls asks once per variable).
 */
export type VariableCache = Map<string, StaticString | undefined>;

/** `evaluateStatic` where each variable read has the value it has everywhere in its scope, if one. */
export function evaluateWithVariables(node: SyntaxNode | null | undefined, file: string, known: VariableCache): StaticString {
  return evaluateStatic(node, file, (variable) => sameValueEverywhere(variable, file, known));
}

/**
 * `assumed`: variables being worked out further up, with the value they are assumed to have
 * (undefined: not known yet, so reading them gives an unknown value).
 */
function valueIn(scope: SyntaxNode, name: string, file: string, assumed: ReadonlyMap<string, StaticString | undefined>, depth: number): StaticString | undefined {
  const rightSides = assignmentsIn(scope, name);
  if (!rightSides || rightSides.length === 0) return undefined;
  const evaluate = (right: SyntaxNode, self: StaticString | undefined): StaticString => {
    const inner = new Map(assumed).set(name, self);
    return evaluateStatic(right, file, (read) => {
      if (inner.has(read.text)) return inner.get(read.text);
      return depth < MAX_DEPTH ? valueIn(scope, read.text, file, inner, depth + 1) : undefined;
    });
  };
  // The assignments that do not need the variable's own value say which value it is ...
  let candidate: StaticString | undefined;
  for (const right of rightSides) {
    const value = evaluate(right, undefined);
    const text = fullyKnown(value);
    if (text === undefined) continue;
    if (candidate !== undefined && fullyKnown(candidate) !== text) return undefined;
    candidate ??= value;
  }
  if (candidate === undefined) return undefined;
  // ... and every assignment must give that value when the variable has it.
  const text = fullyKnown(candidate);
  for (const right of rightSides) if (fullyKnown(evaluate(right, candidate)) !== text) return undefined;
  return candidate;
}

/**
 * The right-hand sides of the plain assignments of `$name` in `scope` (not in nested functions);
 * undefined when it is also assigned in a way we cannot follow (`.=`, by reference, as a
 * `foreach` value or a `list()` element).
 */
export function assignmentsIn(scope: SyntaxNode, name: string): SyntaxNode[] | undefined {
  const rightSides: SyntaxNode[] = [];
  const stack: SyntaxNode[] = [scope];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node !== scope && NESTED_DECLARATIONS.has(node.type)) continue;
    if (node.type === 'augmented_assignment_expression' || node.type === 'reference_assignment_expression') {
      if (node.childForFieldName('left')?.text === name) return undefined;
    }
    if (node.type === 'assignment_expression') {
      const left = node.childForFieldName('left');
      if (left?.text === name) {
        const right = node.childForFieldName('right');
        if (!right) return undefined;
        rightSides.push(right);
      } else if (left && left.type !== 'variable_name' && left.descendantsOfType('variable_name').some((v) => v?.text === name)) {
        // `list($a, $name) = …`, `[$name] = …` (but not `$arr[$name] = …`, which reads it).
        if (left.type === 'list_literal' || left.type === 'array_creation_expression') return undefined;
      }
    }
    if (node.type === 'foreach_statement') {
      const body = node.childForFieldName('body');
      const targets = node.namedChildren.slice(1).filter((c) => c !== null && c.id !== body?.id);
      if (targets.some((target) => target?.text === name || target?.descendantsOfType('variable_name').some((v) => v?.text === name))) return undefined;
    }
    for (const child of node.namedChildren) if (child) stack.push(child);
  }
  return rightSides;
}
