import type { OnceMark } from '../../ir/cfg';
import type { SyntaxNode } from '../../parse/php';
import type { UnitContext } from './context';
import { declaresInUnit, enclosingUnitNode, NESTED_UNITS as NESTED } from './unit-scope';
import { callArguments } from './literals';
import { literalString } from './session-access';

/**
 * One-time initialisation: code that runs only while something is not set yet, and sets it.
 *
 *   static $pdo; if ($pdo === null) { $pdo = new PDO(…); }
 *   if (!isset(self::$instance)) { self::$instance = new Api(); }
 *   if ($this->db === null) { $this->db = connect(); }
 *   static $link; if (isset($link)) { return $link; } $link = connect(); …
 *
 * Its work is not repeated by the loops around it, and when what it sets outlives the call
 * (a `static` or `global` variable, a static or `$this` property) it runs at most once per
 * request: a caller cannot know whether it is the first, so the work is not lent to callers.
 * Found from the syntax: the condition tests the value unset, and the guarded code assigns it.
 */

/** `if (X === null) { X = …; }` (and the other spellings): the mark for its body. */
export function onceGuardOfIf(ctx: UnitContext, condition: SyntaxNode, body: SyntaxNode): OnceMark | undefined {
  const tested = unsetTested(condition);
  if (!tested || !assigns(body, tested)) return undefined;
  return mark(ctx, tested, condition);
}

/**
 * `if (isset(X)) return X;` followed, in the same block, by code that assigns X: the mark for
 * the statements after the `if`.
 */
export function onceGuardAfterReturn(ctx: UnitContext, statement: SyntaxNode, following: () => readonly SyntaxNode[]): OnceMark | undefined {
  if (statement.type !== 'if_statement') return undefined;
  if (statement.childrenForFieldName('alternative').some((a) => a !== null)) return undefined;
  const condition = statement.childForFieldName('condition');
  const body = statement.childForFieldName('body');
  if (!condition || !body || !onlyReturns(body)) return undefined;
  const tested = setTested(condition);
  if (!tested || !following().some((node) => assigns(node, tested))) return undefined;
  return mark(ctx, tested, condition);
}

/**
 * `if (self::$instance) { …; return; }` followed, in the same block, by code that assigns
 * `self::$instance` (a value that outlives the call: a static or `$this` property, a `static` or
 * `global` variable): the guard's body runs only when an earlier call of this request got past
 * it and ran what follows, so what that code acquired for the whole request (a session store
 * it installed) is still there on the path through the body. True for such an `if` whose
 * body ends with a `return` (it may do other work first, unlike `onceGuardAfterReturn`).
 */
export function isRepeatGuard(statement: SyntaxNode, following: () => readonly SyntaxNode[]): boolean {
  if (statement.type !== 'if_statement') return false;
  if (statement.childrenForFieldName('alternative').some((a) => a !== null)) return false;
  const condition = statement.childForFieldName('condition');
  const body = statement.childForFieldName('body');
  if (!condition || !body || !endsWithReturn(body)) return false;
  const tested = setTested(condition);
  return tested !== undefined && outlivesCall(tested, condition) && following().some((node) => assigns(node, tested));
}

/** A body whose last statement is a `return` (`{ $m->reuse(self::$instance); return; }`). */
function endsWithReturn(body: SyntaxNode): boolean {
  const statements = body.type === 'compound_statement' ? body.namedChildren.filter((c) => c && c.type !== 'comment') : [body];
  return statements[statements.length - 1]?.type === 'return_statement';
}

function mark(ctx: UnitContext, tested: SyntaxNode, at: SyntaxNode): OnceMark {
  const loop = ctx.builder.currentLoop;
  return { perRequest: outlivesCall(tested, at), ...(loop !== undefined ? { outsideLoop: loop } : {}) };
}

/** What a condition tests to be unset: `X === null`, `null == X`, `is_null(X)`, `!isset(X)`, `empty(X)`, `!X`; in `&&`, either side. */
function unsetTested(node: SyntaxNode | null): SyntaxNode | undefined {
  if (!node) return undefined;
  if (node.type === 'parenthesized_expression') return unsetTested(node.namedChild(0));
  if (node.type === 'unary_op_expression' && node.child(0)?.text === '!') {
    const operand = unwrap(node.namedChild(0));
    if (operand && callName(operand) === 'isset') return singleArgument(operand);
    return operand && trackable(operand) ? operand : undefined;
  }
  const called = callName(node);
  if (called === 'empty' || called === 'is_null') return singleArgument(node);
  if (node.type === 'binary_expression') {
    const operator = node.childForFieldName('operator')?.text ?? '';
    const left = unwrap(node.childForFieldName('left'));
    const right = unwrap(node.childForFieldName('right'));
    if (operator === '&&' || operator === 'and') return unsetTested(left) ?? unsetTested(right);
    if (operator === '===' || operator === '==') {
      if (isNullish(right) && left && trackable(left)) return left;
      if (isNullish(left) && right && trackable(right)) return right;
    }
  }
  return undefined;
}

/** What a condition tests to be set: `isset(X)`, `X !== null`, `X`, `X instanceof C`; in `&&`, either side. */
function setTested(node: SyntaxNode | null): SyntaxNode | undefined {
  if (!node) return undefined;
  if (node.type === 'parenthesized_expression') return setTested(node.namedChild(0));
  if (trackable(node)) return node;
  if (callName(node) === 'isset') return singleArgument(node);
  if (node.type === 'binary_expression') {
    const operator = node.childForFieldName('operator')?.text ?? '';
    const left = unwrap(node.childForFieldName('left'));
    const right = unwrap(node.childForFieldName('right'));
    if (operator === '&&' || operator === 'and') return setTested(left) ?? setTested(right);
    if (operator === '!==' || operator === '!=') {
      if (isNullish(right) && left && trackable(left)) return left;
      if (isNullish(left) && right && trackable(right)) return right;
    }
    if (operator === 'instanceof' && left && trackable(left)) return left;
  }
  if (node.type === 'instanceof_expression') {
    const left = unwrap(node.namedChild(0));
    return left && trackable(left) ? left : undefined;
  }
  return undefined;
}

/** A body that only returns (`return $link;`, `{ return self::$instance; }`). */
function onlyReturns(body: SyntaxNode): boolean {
  const statements = body.type === 'compound_statement' ? body.namedChildren.filter((c) => c && c.type !== 'comment') : [body];
  return statements.length === 1 && statements[0]!.type === 'return_statement';
}

/**
 * A variable, `$this->x`, a static property, or a global named through `$GLOBALS['x']`:
 * something that keeps a value (no other element of an array: per key).
 */
function trackable(node: SyntaxNode): boolean {
  if (node.type === 'variable_name') return true;
  if (globalElement(node) !== undefined) return true;
  if (node.type === 'member_access_expression') return node.childForFieldName('object')?.text === '$this';
  return node.type === 'scoped_property_access_expression';
}

function unwrap(node: SyntaxNode | null): SyntaxNode | null {
  return node?.type === 'parenthesized_expression' ? unwrap(node.namedChild(0)) : node;
}

function isNullish(node: SyntaxNode | null): boolean {
  return node?.type === 'null' || (node?.type === 'boolean' && node.text.toLowerCase() === 'false');
}

function callName(node: SyntaxNode): string | undefined {
  if (node.type !== 'function_call_expression') return undefined;
  return node.childForFieldName('function')?.text.toLowerCase();
}

function singleArgument(call: SyntaxNode): SyntaxNode | undefined {
  const args = callArguments(call);
  if (args.length !== 1) return undefined;
  const value = unwrap(args[0]!.namedChild(0));
  return value && trackable(value) ? value : undefined;
}

/** `self::$x` and `static::$x` name the same property in the class that declares it. */
function sameTarget(a: SyntaxNode, b: SyntaxNode): boolean {
  return a.type === b.type && targetKey(a) === targetKey(b);
}

/** `$x`, `$this->name`, `self::$name` (with `static::` read as `self::`), from the syntax tree. */
function targetKey(node: SyntaxNode): string | undefined {
  switch (node.type) {
    case 'variable_name':
      return node.text;
    case 'subscript_expression': {
      const name = globalElement(node);
      return name === undefined ? undefined : `$GLOBALS[${name}]`;
    }
    case 'member_access_expression':
      return `$this->${node.childForFieldName('name')?.text ?? ''}`;
    case 'scoped_property_access_expression': {
      const scope = node.childForFieldName('scope') ?? node.namedChild(0);
      const name = node.childForFieldName('name') ?? node.namedChild(1);
      const written = scope?.text.toLowerCase() ?? '';
      return `${written === 'static' ? 'self' : written}::${name?.text ?? ''}`;
    }
    default:
      return undefined;
  }
}


/** Syntax nodes one search for an assignment looks at: the check stays cheap on huge blocks. */
const MAX_SEARCHED_NODES = 5000;

/** True when `node` (not nested functions) assigns `target` (`=`, `??=`, `=&`). */
function assigns(node: SyntaxNode, target: SyntaxNode): boolean {
  const stack: SyntaxNode[] = [node];
  let searched = 0;
  while (stack.length > 0 && searched++ < MAX_SEARCHED_NODES) {
    const current = stack.pop()!;
    if (current !== node && NESTED.has(current.type)) continue;
    if (
      current.type === 'assignment_expression' ||
      current.type === 'reference_assignment_expression' ||
      (current.type === 'augmented_assignment_expression' && current.childForFieldName('operator')?.text === '??=')
    ) {
      const left = current.childForFieldName('left');
      if (left && sameTarget(left, target)) return true;
    }
    for (const child of current.namedChildren) if (child) stack.push(child);
  }
  return false;
}

/**
 * Whether the value outlives one call of the unit: a property (`$this->db`, `self::$x`), or a
 * variable declared `static` or `global` in the function around `at`.
 */
/** `$GLOBALS['db_global']`: the global variable's name. */
function globalElement(node: SyntaxNode): string | undefined {
  if (node.type !== 'subscript_expression') return undefined;
  const base = node.namedChild(0);
  const index = node.namedChild(1);
  if (base?.type !== 'variable_name' || base.text !== '$GLOBALS' || !index) return undefined;
  return literalString(index);
}

function outlivesCall(tested: SyntaxNode, at: SyntaxNode): boolean {
  if (tested.type !== 'variable_name') return true;
  const unit = enclosingUnitNode(at);
  if (!unit || unit.type === 'program') return false;
  return declaresInUnit(unit, tested.text, 'function_static_declaration') || declaresInUnit(unit, tested.text, 'global_declaration');
}
