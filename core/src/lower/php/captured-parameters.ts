import type { SyntaxNode } from '../../parse/php';

/** Functions out a captured parameter is looked for: real forwarding is one or two levels. */
const MAX_LEVELS = 4;
/** Nodes looked at for assignments or captured names in one function: a bigger one is given up on. */
const MAX_SCAN = 5000;

const FUNCTION_LIKE = new Set(['function_definition', 'method_declaration', 'anonymous_function', 'arrow_function']);

/** A parameter of a function around a closure: its position, and how many functions out (1: the one the closure is written in). */
export interface CapturedParameter {
  readonly index: number;
  readonly captured: number;
}

/**
 * What `$name` is inside a PHP closure when it is a parameter of a function around it: a
 * closure sees it through `use ($name)` (by value or by reference), an arrow function sees
 * every variable of the function around it. So `function retry($work) { $run = function ()
 * use ($work) { …; $work(); }; … }` runs in `$run` what `retry()`'s callers passed as `$work`.
 * Only a parameter that no function on the way assigns (then it is what the caller passed),
 * through closures that each capture it; anything else is undefined.
 */
export function capturedParameter(closure: SyntaxNode, name: string): CapturedParameter | undefined {
  let node = closure;
  for (let levels = 1; levels <= MAX_LEVELS; levels++) {
    if (!seesOuter(node, name) || assigns(node, name)) return undefined;
    const outer = enclosingFunction(node);
    if (!outer) return undefined;
    const index = parameterIndex(outer, name);
    if (index !== undefined) return assigns(outer, name) ? undefined : { index, captured: levels };
    if (outer.type !== 'anonymous_function' && outer.type !== 'arrow_function') return undefined;
    node = outer;
  }
  return undefined;
}

/**
 * Whether a closure reads a parameter of a function around it (and so needs the callables bound
 * there to run what it calls): the engine then hands it the bindings of the unit that passes
 * or calls it.
 */
export function capturesParameters(closure: SyntaxNode): boolean {
  return capturedNames(closure).some((name) => capturedParameter(closure, name) !== undefined);
}

/** The names a closure takes from outside: its `use` list, or the variables an arrow function reads. */
function capturedNames(closure: SyntaxNode): string[] {
  if (closure.type === 'anonymous_function') return useList(closure);
  const names = new Set<string>();
  let seen = 0;
  const stack: SyntaxNode[] = [closure];
  while (stack.length > 0 && ++seen < MAX_SCAN) {
    const node = stack.pop()!;
    if (node.type === 'variable_name' && node.text !== '$this') names.add(node.text);
    for (const child of node.namedChildren) if (child) stack.push(child);
  }
  return [...names];
}

function seesOuter(closure: SyntaxNode, name: string): boolean {
  if (closure.type === 'arrow_function') return parameterIndex(closure, name) === undefined;
  return closure.type === 'anonymous_function' && useList(closure).includes(name);
}

function useList(closure: SyntaxNode): string[] {
  const clause = closure.namedChildren.find((c) => c?.type === 'anonymous_function_use_clause');
  const names: string[] = [];
  for (const child of clause?.namedChildren ?? []) {
    // `use ($a, &$b)`: a by-reference one is a `by_ref` node around the variable.
    const variable = child?.type === 'variable_name' ? child : child?.namedChildren.find((c) => c?.type === 'variable_name');
    if (variable) names.push(variable.text);
  }
  return names;
}

function enclosingFunction(node: SyntaxNode): SyntaxNode | undefined {
  for (let current = node.parent; current; current = current.parent) if (FUNCTION_LIKE.has(current.type)) return current;
  return undefined;
}

function parameterIndex(fn: SyntaxNode, name: string): number | undefined {
  const parameters = fn.childForFieldName('parameters')?.namedChildren ?? [];
  let index = 0;
  for (const parameter of parameters) {
    if (!parameter) continue;
    if (parameter.childForFieldName('name')?.text === name) return index;
    index++;
  }
  return undefined;
}

/** Whether the function assigns `$name` in its own body (not in functions nested in it): then it is not what the caller passed. */
function assigns(fn: SyntaxNode, name: string): boolean {
  const body = fn.childForFieldName('body');
  if (!body) return false;
  let seen = 0;
  const stack: SyntaxNode[] = [body];
  while (stack.length > 0) {
    if (++seen > MAX_SCAN) return true;
    const node = stack.pop()!;
    if (node !== body && FUNCTION_LIKE.has(node.type)) continue;
    if ((node.type === 'assignment_expression' || node.type === 'reference_assignment_expression' || node.type === 'augmented_assignment_expression') && node.childForFieldName('left')?.text === name) return true;
    for (const child of node.namedChildren) if (child) stack.push(child);
  }
  return false;
}
