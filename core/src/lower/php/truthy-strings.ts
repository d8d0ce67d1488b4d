import type { SyntaxNode } from '../../parse/php';
import { truthy } from '../../ir/predicate-shape';
import { literalOf } from './literals';
import type { NameScope } from './names';

/**
 * When a value is a string PHP never reads as false although the analysis does not know its
 * text. PHP's only falsy strings are `''` and `'0'`; a concatenation with a part that is a
 * truthy string (`'/index.php?rt=' . $route`, `$server . INDEX_FILE . $query`) is neither. A
 * part `'0'` alone proves nothing (`'0' . ''` is `'0'`).
 *
 * What the syntax of one file cannot settle is left as a condition on the project: a constant's
 * value (`const INDEX_FILE = 'index.php';`), or what a project function or method returns
 * (`return $this->getURL($rt, $uri);`). Plain data: it is part of a file's declarations, which
 * cross threads and the cache; `project/truthy-returns.ts` decides it with the whole project.
 *
 * A caller passing such a value decides the callee's truthiness tests of the parameter
 * (`redirect($url)` that returns only `if (!$url)`), as a literal argument does
 * (`TRUTHY_STRING_KEY`, decided in the flow by `truthyStringValue`).
 */
export type TruthyWhen =
  /** A truthy string whatever the project holds. */
  | true
  /** When at least one of these is (the parts of a concatenation). */
  | { readonly any: readonly TruthyWhen[] }
  /** When every one of these is (a ternary's two values, a function's returns). */
  | { readonly all: readonly TruthyWhen[] }
  /** When the constant has one value in the project, a truthy string. */
  | { readonly constant: string }
  /** When the project function (the first of PHP's lookup candidates it declares) always returns one. */
  | { readonly functions: readonly string[] }
  /**
   * When the method always returns one: on `$this`/`self::`/`static::` (or a named class), the
   * method that class runs and every override of it in a subclass; on a receiver of unknown class,
   * every project method of that name.
   */
  | { readonly method: string; readonly className?: string };

function anyOf(parts: readonly (TruthyWhen | undefined)[]): TruthyWhen | undefined {
  if (parts.includes(true)) return true;
  const known = parts.filter((part): part is TruthyWhen => part !== undefined);
  if (known.length === 0) return undefined;
  return known.length === 1 ? known[0] : { any: known };
}

function allOf(parts: readonly (TruthyWhen | undefined)[]): TruthyWhen | undefined {
  if (parts.includes(undefined)) return undefined;
  const open = parts.filter((part): part is TruthyWhen => part !== true && part !== undefined);
  if (open.length === 0) return true;
  return open.length === 1 ? open[0] : { all: open };
}

/** Both declarations of one name in a file (under `if (!function_exists())`): only what both return. */
export function bothTruthy(a: TruthyWhen | null | undefined, b: TruthyWhen | null): TruthyWhen | null {
  if (a === undefined) return b;
  if (a === null || b === null) return null;
  return allOf([a, b]) ?? null;
}

/** The string value `node` writes, as a condition on the project; undefined when it may be falsy or no string. */
export function truthyWhen(node: SyntaxNode | null | undefined, names: NameScope, className?: string): TruthyWhen | undefined {
  if (!node) return undefined;
  switch (node.type) {
    case 'parenthesized_expression':
      return truthyWhen(node.namedChildren.find((c) => c !== null && c.type !== 'comment'), names, className);
    case 'binary_expression':
      if (node.childForFieldName('operator')?.text !== '.') return undefined;
      return anyOf([truthyWhen(node.childForFieldName('left'), names, className), truthyWhen(node.childForFieldName('right'), names, className)]);
    case 'encapsed_string':
      // `"x$y"`: the text written between interpolations.
      return node.namedChildren.some((part) => part?.type === 'string_content' && truthy(part.text)) ? true : undefined;
    case 'conditional_expression': {
      // `$a ?: 'x'` may give `$a`, of any type: only the full ternary.
      const body = node.childForFieldName('body');
      return body ? allOf([truthyWhen(body, names, className), truthyWhen(node.childForFieldName('alternative'), names, className)]) : undefined;
    }
    case 'name':
    case 'qualified_name': {
      const literal = literalOf(node);
      if (literal !== undefined) return typeof literal === 'string' && truthy(literal) ? true : undefined;
      const lower = node.text.toLowerCase();
      return lower === 'true' || lower === 'false' || lower === 'null' ? undefined : { constant: node.text.replace(/^\\/, '') };
    }
    case 'function_call_expression': {
      const callee = node.childForFieldName('function');
      return callee?.type === 'name' || callee?.type === 'qualified_name' ? { functions: names.functionCandidates(callee.text) } : undefined;
    }
    case 'member_call_expression':
    case 'nullsafe_member_call_expression': {
      const method = node.childForFieldName('name');
      if (method?.type !== 'name') return undefined;
      const receiver = node.childForFieldName('object');
      const onThis = receiver?.type === 'variable_name' && receiver.text === '$this' && className !== undefined;
      return { method: method.text.toLowerCase(), ...(onThis ? { className } : {}) };
    }
    case 'scoped_call_expression': {
      const method = node.childForFieldName('name');
      const scope = node.childForFieldName('scope');
      if (method?.type !== 'name' || !scope) return undefined;
      const written = scope.text.toLowerCase();
      // `parent::x()` runs the parent's method, not an override: not modelled.
      if (written === 'parent') return undefined;
      const scopeClass = written === 'self' || written === 'static' ? className : scope.type === 'name' || scope.type === 'qualified_name' ? names.resolveClass(scope.text) : undefined;
      return scopeClass === undefined ? undefined : { method: method.text.toLowerCase(), className: scopeClass };
    }
    default: {
      const literal = literalOf(node);
      return typeof literal === 'string' && truthy(literal) ? true : undefined;
    }
  }
}

/** Declarations whose returns are their own, not the function's. */
const NESTED = new Set(['function_definition', 'anonymous_function', 'arrow_function', 'class_declaration', 'method_declaration']);

/**
 * When a function or method returns, on every path, a string PHP reads as true
 * (`function here() { return '/index.php?rt=' . $route; }`): its body ends with a `return`,
 * and every `return` of its own writes such a string; undefined when it may return anything
 * else. A generator (`yield`) returns a `Generator`, never a string.
 */
export function returnsTruthyWhen(node: SyntaxNode, names: NameScope, className?: string): TruthyWhen | undefined {
  const body = node.childForFieldName('body');
  const statements = body?.namedChildren.filter((c): c is SyntaxNode => c !== null && c.type !== 'comment') ?? [];
  if (statements[statements.length - 1]?.type !== 'return_statement') return undefined;
  const returns: (TruthyWhen | undefined)[] = [];
  const stack: SyntaxNode[] = [...statements];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (NESTED.has(current.type)) continue;
    if (current.type === 'yield_expression') return undefined;
    if (current.type === 'return_statement') {
      const when = truthyWhen(current.namedChildren.find((c) => c !== null && c.type !== 'comment'), names, className);
      if (when === undefined) return undefined;
      returns.push(when);
    }
    for (const child of current.namedChildren) if (child) stack.push(child);
  }
  return allOf(returns);
}
