import type { SyntaxNode } from '../../parse/php';
import { callArguments, type Literal, literalOf, stripLeadingBackslash, truthy } from './literals';

/**
 * Project functions whose result depends only on their arguments and on pure builtins
 * (`ini_get()` of a key, string, regex and cast builtins), such as Adminer's
 *
 *     function ini_bool($ini) { $val = ini_get($ini); return preg_match('~^(on|true|yes)$~i', $val) || (int) $val; }
 *
 * A call of one with literal arguments is a predicate like a pure builtin: the same call
 * gives the same answer until something that can change what it reads runs (an `ini_set()`
 * of that key). The body is kept as a small expression (`PureExpression`, data only, so it
 * can be part of the project's declarations); straight-line local assignments are inlined,
 * and anything else (other statements, other calls, globals, properties) disqualifies it.
 */

export type PureExpression =
  | { readonly op: 'literal'; readonly value: Literal }
  | { readonly op: 'parameter'; readonly index: number }
  | { readonly op: 'call'; readonly name: string; readonly args: readonly PureExpression[] }
  | { readonly op: 'not'; readonly operand: PureExpression }
  | { readonly op: 'cast'; readonly to: 'int' | 'bool' | 'string'; readonly operand: PureExpression }
  | { readonly op: 'binary'; readonly operator: string; readonly left: PureExpression; readonly right: PureExpression }
  | { readonly op: 'ternary'; readonly condition: PureExpression; readonly then: PureExpression; readonly otherwise: PureExpression };

/** A pure function: what it returns, and each parameter's literal default (undefined: none). */
export interface PureFunction {
  readonly result: PureExpression;
  readonly defaults: readonly (Literal | undefined)[];
}

/** Two declarations with the same model (parameters are compared by position, not name). */
export function samePure(a: PureFunction | null, b: PureFunction | null): boolean {
  return a !== null && b !== null && JSON.stringify(a) === JSON.stringify(b);
}

/** Builtins whose result depends only on their arguments (and `ini_get()` on the settings). */
const PURE_BUILTINS: Readonly<Record<string, number>> = {
  ini_get: 1,
  preg_match: 2,
  strtolower: 1,
  strtoupper: 1,
  trim: 1,
  strlen: 1,
  intval: 1,
  boolval: 1,
  filter_var: 2,
  is_array: 1,
  is_numeric: 1,
};

/** Bounds the model: a wrapper is a line or two, never a program. */
const MAX_NODES = 64;

/** The model of a function declaration, when it is a pure function. */
export function pureFunctionOf(node: SyntaxNode): PureFunction | undefined {
  if (node.type !== 'function_definition') return undefined;
  const parameters = node.childForFieldName('parameters')?.namedChildren.filter((c): c is SyntaxNode => c !== null && c.type !== 'comment') ?? [];
  const positions = new Map<string, number>();
  const defaults: (Literal | undefined)[] = [];
  for (const parameter of parameters) {
    const name = parameter.childForFieldName('name')?.text;
    if (parameter.type !== 'simple_parameter' || !name || parameter.childForFieldName('reference_modifier')) return undefined;
    positions.set(name, positions.size);
    const written = parameter.childForFieldName('default_value');
    defaults.push(written ? literalOf(written) : undefined);
  }
  const result = blockModel(statementsOf(node.childForFieldName('body')), positions, new Map(), { nodes: 0 });
  return result && { result, defaults };
}

function statementsOf(block: SyntaxNode | null | undefined): SyntaxNode[] {
  if (!block) return [];
  if (block.type !== 'compound_statement') return [block];
  return block.namedChildren.filter((c): c is SyntaxNode => c !== null && c.type !== 'comment');
}

/**
 * What a list of statements returns: straight-line local assignments inlined, ending in a
 * `return`, or in an `if`/`else` (also `if (…) return …;` followed by the rest) whose every
 * branch is such a list, read as a ternary (PHPFusion's `isnum()`:
 * `if ($negative == TRUE) { return is_numeric($value); } else { $float = …; return …; }`).
 */
function blockModel(statements: readonly SyntaxNode[], parameters: ReadonlyMap<string, number>, outer: ReadonlyMap<string, PureExpression>, budget: { nodes: number }): PureExpression | undefined {
  const locals = new Map(outer);
  for (const [index, statement] of statements.entries()) {
    const rest = statements.slice(index + 1);
    if (statement.type === 'return_statement') {
      if (rest.length > 0) return undefined;
      const value = statement.namedChildren.find((c) => c !== null && c.type !== 'comment');
      return value ? modelOf(value, parameters, locals, budget) : undefined;
    }
    if (statement.type === 'if_statement') return ifModel(statement, rest, parameters, locals, budget);
    const assignment = statement.type === 'expression_statement' ? statement.namedChild(0) : null;
    const left = assignment?.type === 'assignment_expression' ? assignment.childForFieldName('left') : null;
    const right = assignment?.childForFieldName('right');
    if (left?.type !== 'variable_name' || !right || parameters.has(left.text)) return undefined;
    const value = modelOf(right, parameters, locals, budget);
    if (!value) return undefined;
    locals.set(left.text, value);
  }
  return undefined;
}

/** An `if` with an optional plain `else` (no `elseif`), then the statements after it. */
function ifModel(
  statement: SyntaxNode,
  rest: readonly SyntaxNode[],
  parameters: ReadonlyMap<string, number>,
  locals: ReadonlyMap<string, PureExpression>,
  budget: { nodes: number },
): PureExpression | undefined {
  const clauses = statement.namedChildren.filter((c): c is SyntaxNode => c !== null && (c.type === 'else_clause' || c.type === 'else_if_clause'));
  if (clauses.some((c) => c.type === 'else_if_clause') || clauses.length > 1) return undefined;
  const condition = statement.childForFieldName('condition');
  const test = condition ? modelOf(condition, parameters, locals, budget) : undefined;
  const then = test && blockModel(statementsOf(statement.childForFieldName('body')), parameters, locals, budget);
  const elseBody = clauses[0] ? (clauses[0].childForFieldName('body') ?? clauses[0].namedChildren.find((c) => c !== null && c.type !== 'comment')) : undefined;
  // With an `else`, nothing may follow (both branches return); without one, the rest is the other branch.
  if (elseBody && rest.length > 0) return undefined;
  const otherwise = then && blockModel(elseBody ? statementsOf(elseBody) : rest, parameters, locals, budget);
  return test && then && otherwise ? { op: 'ternary', condition: test, then, otherwise } : undefined;
}

function modelOf(node: SyntaxNode, parameters: ReadonlyMap<string, number>, locals: ReadonlyMap<string, PureExpression>, budget: { nodes: number }): PureExpression | undefined {
  if (++budget.nodes > MAX_NODES) return undefined;
  const inner = (child: SyntaxNode | null | undefined): PureExpression | undefined => (child ? modelOf(child, parameters, locals, budget) : undefined);
  switch (node.type) {
    case 'parenthesized_expression':
      return inner(node.namedChildren.find((c) => c !== null && c.type !== 'comment'));
    case 'variable_name': {
      const index = parameters.get(node.text);
      return index !== undefined ? { op: 'parameter', index } : locals.get(node.text);
    }
    case 'unary_op_expression': {
      const operand = inner(node.childForFieldName('argument') ?? node.namedChild(0));
      return operand && node.children.some((c) => c !== null && !c.isNamed && c.text === '!') ? { op: 'not', operand } : undefined;
    }
    case 'cast_expression': {
      const to = CASTS[(node.childForFieldName('type')?.text ?? '').toLowerCase()];
      const operand = inner(node.childForFieldName('value'));
      return to && operand ? { op: 'cast', to, operand } : undefined;
    }
    case 'binary_expression': {
      const operator = (node.childForFieldName('operator')?.text ?? '').toLowerCase();
      const left = inner(node.childForFieldName('left'));
      const right = inner(node.childForFieldName('right'));
      return left && right && BINARY.has(operator) ? { op: 'binary', operator, left, right } : undefined;
    }
    case 'conditional_expression': {
      const condition = inner(node.childForFieldName('condition'));
      const then = inner(node.childForFieldName('body'));
      const otherwise = inner(node.childForFieldName('alternative'));
      return condition && then && otherwise ? { op: 'ternary', condition, then, otherwise } : undefined;
    }
    case 'function_call_expression': {
      const callee = node.childForFieldName('function');
      const name = callee?.type === 'name' || callee?.type === 'qualified_name' ? stripLeadingBackslash(callee.text).toLowerCase() : undefined;
      const args = callArguments(node);
      if (!name || PURE_BUILTINS[name] !== args.length) return undefined;
      if (name === 'filter_var' && !isBooleanFilter(args[1]!.namedChild(0))) return undefined;
      const models = name === 'filter_var' ? [inner(args[0]!.namedChild(0))] : args.map((arg) => inner(arg.namedChild(0)));
      if (models.some((m) => m === undefined)) return undefined;
      return { op: 'call', name, args: models as PureExpression[] };
    }
    case 'name':
      // `true`, `false`, `null` (other constants are not known here).
      return ['true', 'false', 'null'].includes(node.text.toLowerCase()) ? { op: 'literal', value: literalOf(node) ?? null } : undefined;
    default: {
      const value = literalOf(node);
      return value !== undefined ? { op: 'literal', value } : undefined;
    }
  }
}

const CASTS: Readonly<Record<string, 'int' | 'bool' | 'string'>> = { int: 'int', integer: 'int', bool: 'bool', boolean: 'bool', string: 'string' };
const BINARY = new Set(['&&', '||', 'and', 'or', '===', '!==', '==', '!=', '<>', '.']);

function isBooleanFilter(node: SyntaxNode | null): boolean {
  const name = node ? stripLeadingBackslash(node.text).toUpperCase() : undefined;
  return name === 'FILTER_VALIDATE_BOOLEAN' || name === 'FILTER_VALIDATE_BOOL';
}

/** The `ini_get()` keys a model reads with these arguments; undefined when a key is not a literal. */
export function settingsRead(fn: PureFunction, args: readonly Literal[]): string[] | undefined {
  const keys = new Set<string>();
  let unknown = false;
  const visit = (expression: PureExpression): void => {
    switch (expression.op) {
      case 'call':
        if (expression.name === 'ini_get') {
          const key = evaluate(expression.args[0]!, args, () => undefined);
          if (typeof key === 'string') keys.add(key.toLowerCase());
          else unknown = true;
        }
        expression.args.forEach(visit);
        return;
      case 'not':
      case 'cast':
        return visit(expression.operand);
      case 'binary':
        visit(expression.left);
        return visit(expression.right);
      case 'ternary':
        visit(expression.condition);
        visit(expression.then);
        return visit(expression.otherwise);
      default:
        return;
    }
  };
  visit(fn.result);
  return unknown ? undefined : [...keys];
}

/** The arguments of a call with every omitted one given its default; undefined when one is missing. */
export function withDefaults(fn: PureFunction, args: readonly Literal[]): Literal[] | undefined {
  if (args.length > fn.defaults.length) return undefined;
  const all: Literal[] = [...args];
  for (let index = args.length; index < fn.defaults.length; index++) {
    const value = fn.defaults[index];
    if (value === undefined) return undefined;
    all.push(value);
  }
  return all;
}

/**
 * The value of a model for these arguments, with `ini_get()` answered by `setting`;
 * undefined when it cannot be told (an unknown setting, a regex this evaluator does not take).
 */
export function evaluate(expression: PureExpression, args: readonly Literal[], setting: (key: string) => string | undefined): Literal | undefined {
  const value = (e: PureExpression): Literal | undefined => evaluate(e, args, setting);
  switch (expression.op) {
    case 'literal':
      return expression.value;
    case 'parameter':
      return args[expression.index];
    case 'not': {
      const operand = value(expression.operand);
      return operand === undefined ? undefined : !truthy(operand);
    }
    case 'cast': {
      const operand = value(expression.operand);
      if (operand === undefined) return undefined;
      if (expression.to === 'bool') return truthy(operand);
      if (expression.to === 'int') return toInt(operand);
      return toText(operand);
    }
    case 'ternary': {
      const condition = value(expression.condition);
      return condition === undefined ? undefined : value(truthy(condition) ? expression.then : expression.otherwise);
    }
    case 'binary':
      return binary(expression.operator, value(expression.left), () => value(expression.right));
    case 'call':
      return builtin(expression.name, expression.args.map(value), setting);
  }
}

/** A binary operator of PHP on literals, where its rules are plain (undefined otherwise). */
export function binary(operator: string, left: Literal | undefined, rightOf: () => Literal | undefined): Literal | undefined {
  if (operator === '&&' || operator === 'and') {
    if (left !== undefined && !truthy(left)) return false;
    const right = rightOf();
    if (right !== undefined && !truthy(right)) return false;
    return left !== undefined && right !== undefined ? true : undefined;
  }
  if (operator === '||' || operator === 'or') {
    if (left !== undefined && truthy(left)) return true;
    const right = rightOf();
    if (right !== undefined && truthy(right)) return true;
    return left !== undefined && right !== undefined ? false : undefined;
  }
  const right = rightOf();
  if (left === undefined || right === undefined) return undefined;
  if (operator === '.') return toText(left) + toText(right);
  if (operator === '===') return left === right;
  if (operator === '!==') return left !== right;
  // Loose comparison only where PHP 8's rules are plain: the same type, or against a boolean or null.
  const loose = typeof left === typeof right ? left === right : typeof left === 'boolean' || typeof right === 'boolean' || left === null || right === null ? truthy(left) === truthy(right) : undefined;
  if (loose === undefined) return undefined;
  return operator === '==' ? loose : !loose;
}

/** A pure builtin (`preg_match`, `strtolower`, `intval`, …) applied to literals (undefined when not folded). */
export function builtin(name: string, args: readonly (Literal | undefined)[], setting: (key: string) => string | undefined): Literal | undefined {
  // Only the arity modelled here: `intval(...)` (a callable, no arguments) or `trim($s, '/')`
  // (other characters) is not what the cases below compute. `filter_var`'s filter was checked
  // by the caller, which may pass the value alone.
  const arityKnown = name === 'filter_var' ? args.length >= 1 : PURE_BUILTINS[name] === args.length;
  if (!arityKnown || args.some((a) => a === undefined)) return undefined;
  const [first, second] = args as Literal[];
  switch (name) {
    case 'ini_get':
      return typeof first === 'string' ? setting(first.toLowerCase()) : undefined;
    case 'strtolower':
      return toText(first!).toLowerCase();
    case 'strtoupper':
      return toText(first!).toUpperCase();
    case 'trim':
      return toText(first!).trim();
    case 'strlen':
      return toText(first!).length;
    case 'intval':
      return toInt(first!);
    case 'boolval':
      return truthy(first!);
    // A literal is never an array.
    case 'is_array':
      return false;
    case 'is_numeric':
      return typeof first === 'number' || (typeof first === 'string' && NUMERIC_STRING.test(first));
    case 'filter_var': {
      const text = toText(first!).trim().toLowerCase();
      return ['1', 'true', 'on', 'yes'].includes(text);
    }
    case 'preg_match': {
      const pattern = typeof first === 'string' ? simplePattern(first) : undefined;
      const subject = toText(second!);
      // Only short subjects: the values evaluated are settings and literal arguments.
      return pattern && subject.length <= 64 ? (pattern.test(subject) ? 1 : 0) : undefined;
    }
    default:
      return undefined;
  }
}

/** PHP 8's numeric strings: a decimal or float number, with whitespace around it allowed. */
const NUMERIC_STRING = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

export function toText(value: Literal): string {
  if (value === null || value === false) return '';
  if (value === true) return '1';
  return String(value);
}

/** PHP's `(int)` of a literal: the leading digits of a string, 0 otherwise. */
function toInt(value: Literal): number {
  if (typeof value === 'number') return Math.trunc(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value === null) return 0;
  const text = value.trimStart();
  let end = text[0] === '+' || text[0] === '-' ? 1 : 0;
  const start = end;
  while (end < text.length && text[end]! >= '0' && text[end]! <= '9') end++;
  return end > start ? Number.parseInt(text.slice(0, end), 10) : 0;
}

const CLOSING: Readonly<Record<string, string>> = { '(': ')', '{': '}', '[': ']', '<': '>' };

/** Characters of the plain subset of patterns that PCRE and JavaScript read the same way. */
const PLAIN_PATTERN = new Set('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_ ^$|()[]-.*+?~,:;!#%&=@\'"/<>');

/**
 * A PCRE pattern (`'~^(on|true|yes)$~i'`) as a JavaScript RegExp, for the plain subset both
 * read the same way: letters, digits, classes, groups, alternation, anchors and greedy
 * quantifiers, with no flag or `i`. Escapes, inline options, counted, possessive or lazy
 * quantifiers and other flags are not evaluated. This folds a builtin over the program's own
 * literals (a setting's value, a literal argument), as `strtolower()` is folded.
 */
function simplePattern(pattern: string): RegExp | undefined {
  const delimiter = pattern[0];
  if (delimiter === undefined || PLAIN_PATTERN.has(delimiter) && !'~#%!@/|'.includes(delimiter)) return undefined;
  const closing = CLOSING[delimiter] ?? delimiter;
  const end = pattern.lastIndexOf(closing);
  if (end <= 0) return undefined;
  const body = pattern.slice(1, end);
  const flags = pattern.slice(end + 1);
  if (flags !== '' && flags !== 'i') return undefined;
  for (let at = 0; at < body.length; at++) {
    const char = body[at]!;
    if (!PLAIN_PATTERN.has(char) || char === delimiter) return undefined;
    if (char === '(' && body[at + 1] === '?') return undefined;
    if ('*+?'.includes(char) && (body[at + 1] === '+' || body[at + 1] === '?')) return undefined;
  }
  try {
    return new RegExp(body, flags);
  } catch {
    return undefined;
  }
}
