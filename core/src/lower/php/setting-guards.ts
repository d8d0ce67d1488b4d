import type { SettingMark } from '../../ir/cfg';
import type { SyntaxNode } from '../../parse/php';
import type { UnitContext } from './context';
import { literalOf, truthy, type Literal } from './literals';
import { literalString } from './session-access';
import { declaresInUnit } from './unit-scope';

/**
 * Work that runs only where the installation configured it: the body of an `if` whose
 * condition reads nothing but configuration and literals,
 *
 *     $command = $config->configRegistry->getPropertyValue('password', 'check');
 *     if (!empty($command)) { proc_open($command, …); }
 *     if (ON == config_get_global('use_ldap_email')) { $email = ldap_email($id); }
 *     if (preg_match('/^dovecot:/', $CONF['encrypt'])) { return _pacrypt_dovecot($pw); }
 *
 * A configuration read is, from the syntax alone:
 * - a call whose arguments are all literal strings (the setting's name), where the function,
 *   the method, its class or the receiver it is called on is named as configuration
 *   (`Catalog.configurationWords`: `config_get('x')`, `Config::bool('x')`, `$config->get('x')`);
 * - an element read with a literal key from an array so named that is not the unit's own
 *   local data: a `global` of the function (`global $CONF; $CONF['encrypt']`), `$GLOBALS['cfg']`,
 *   a property (`$this->config['x']`), or at a file's top level a variable the file never assigns;
 * - a local variable assigned once from one of those.
 * The analysis does not see the installation's configuration: the work may or may not run, so
 * the rules report it below warning and name the setting (`SettingMark`).
 */
export function settingGuardOf(ctx: UnitContext, condition: SyntaxNode): SettingMark | undefined {
  const words = ctx.catalog.configurationWords ?? [];
  if (words.length === 0) return undefined;
  for (const conjunct of conjuncts(condition)) {
    const found: { lookup?: string } = {};
    if (readsOnlyConfiguration(ctx, conjunct, words, found, 0) && found.lookup !== undefined && holdsWhenSet(ctx, conjunct)) {
      return { test: oneLine(conjunct.text), lookup: found.lookup };
    }
  }
  return undefined;
}

/**
 * Whether the test holds when the setting is given a value (`!empty($hook)`, `ON == x`,
 * `preg_match('/^dovecot:/', x)`), rather than when it is left unset, empty or off
 * (`empty($domains)`, `!x`, `x == OFF`): an installation that configures nothing runs the
 * latter, so that work is not "only where configured".
 */
function holdsWhenSet(ctx: UnitContext, node: SyntaxNode): boolean {
  const inner = unwrap(node);
  if (inner.type === 'unary_op_expression' && inner.child(0)?.text === '!') {
    const operand = inner.namedChildren.find((c) => c !== null && c.type !== 'comment');
    return operand ? !holdsWhenSet(ctx, operand) : true;
  }
  if (inner.type === 'empty_expression') return false;
  if (inner.type === 'function_call_expression') {
    const name = inner.childForFieldName('function')?.text.toLowerCase();
    if (name === 'empty' || name === 'is_null') return false;
    return true;
  }
  if (inner.type === 'binary_expression') {
    const operator = inner.child(1)?.text;
    const equal = operator === '==' || operator === '===';
    const unequal = operator === '!=' || operator === '!==' || operator === '<>';
    if (!equal && !unequal) return true;
    const left = inner.childForFieldName('left');
    const right = inner.childForFieldName('right');
    const value = literalValue(ctx, right) ?? literalValue(ctx, left);
    if (value === undefined) return true;
    return truthy(value) === equal;
  }
  return true;
}

/** A literal, or a constant the project defines as one (`OFF`). */
function literalValue(ctx: UnitContext, node: SyntaxNode | null): Literal | undefined {
  if (!node) return undefined;
  const literal = literalOf(node);
  if (literal !== undefined) return literal;
  if (node.type !== 'name' && node.type !== 'qualified_name') return undefined;
  const value = ctx.facts.symbols.constant(node.text);
  const text = value?.length === 1 && 'text' in value[0]! ? value[0].text : undefined;
  return text;
}

/**
 * `if (!$encrypt || !$config->get('URLQueryEncryption')) { return …; }` (no `else`, a body that
 * ends with `return`, `throw` or `exit`): the statements after it in the block run only when
 * the configuration test the condition negates holds.
 */
export function settingGuardAfterExit(ctx: UnitContext, statement: SyntaxNode): SettingMark | undefined {
  if (statement.type !== 'if_statement') return undefined;
  if (statement.childrenForFieldName('alternative').some((a) => a !== null)) return undefined;
  const condition = statement.childForFieldName('condition');
  const body = statement.childForFieldName('body');
  if (!condition || !body || !endsWithExit(body)) return undefined;
  const words = ctx.catalog.configurationWords ?? [];
  if (words.length === 0) return undefined;
  for (const disjunct of disjuncts(condition)) {
    if (disjunct.type !== 'unary_op_expression' || disjunct.child(0)?.text !== '!') continue;
    const tested = disjunct.namedChildren.find((c) => c !== null && c.type !== 'comment');
    const found: { lookup?: string } = {};
    if (tested && readsOnlyConfiguration(ctx, tested, words, found, 0) && found.lookup !== undefined && holdsWhenSet(ctx, tested)) {
      return { test: oneLine(unwrap(tested).text), lookup: found.lookup };
    }
  }
  return undefined;
}

/** A body whose last statement leaves the block: `return`, `throw`, `exit`/`die`. */
function endsWithExit(body: SyntaxNode): boolean {
  const statements = body.type === 'compound_statement' ? body.namedChildren.filter((c): c is SyntaxNode => c !== null && c.type !== 'comment') : [body];
  const last = statements[statements.length - 1];
  if (!last) return false;
  if (last.type === 'return_statement' || last.type === 'exit_statement' || last.type === 'throw_statement') return true;
  const expression = last.type === 'expression_statement' ? last.namedChild(0) : null;
  return expression?.type === 'throw_expression' || expression?.type === 'exit_statement';
}

/** The parts of `a || b || c` (each alone leads into the body); a single test otherwise. */
function disjuncts(node: SyntaxNode): SyntaxNode[] {
  const inner = unwrap(node);
  if (inner.type === 'binary_expression') {
    const operator = inner.child(1)?.text.toLowerCase();
    const left = inner.childForFieldName('left');
    const right = inner.childForFieldName('right');
    if ((operator === '||' || operator === 'or') && left && right) return [...disjuncts(left), ...disjuncts(right)];
  }
  return [inner];
}

/** The parts of `a && b && c` (each must hold for the body to run); a single test otherwise. */
function conjuncts(node: SyntaxNode): SyntaxNode[] {
  const inner = unwrap(node);
  if (inner.type === 'binary_expression') {
    const operator = inner.child(1)?.text.toLowerCase();
    const left = inner.childForFieldName('left');
    const right = inner.childForFieldName('right');
    if ((operator === '&&' || operator === 'and') && left && right) return [...conjuncts(left), ...conjuncts(right)];
  }
  return [inner];
}

function unwrap(node: SyntaxNode): SyntaxNode {
  let current = node;
  while (current.type === 'parenthesized_expression') {
    const inner = current.namedChildren.find((c) => c !== null && c.type !== 'comment');
    if (!inner) break;
    current = inner;
  }
  return current;
}

/** Bounds the walk (assigned values are followed): a condition is a line, never a program. */
const MAX_DEPTH = 12;

const LITERALS = new Set(['string', 'string_content', 'escape_sequence', 'integer', 'float', 'boolean', 'null', 'name', 'qualified_name', 'class_constant_access_expression', 'relative_scope']);
const OPERATORS = new Set(['parenthesized_expression', 'unary_op_expression', 'binary_expression', 'cast_expression', 'cast_type', 'conditional_expression', 'arguments', 'argument', 'array_creation_expression', 'array_element_initializer', 'encapsed_string']);

/**
 * True when every value `node` reads is configuration or a literal (builtins applied to them
 * included: `preg_match('/^x:/', $CONF['m'])`, `empty(…)`); the first configuration read is
 * recorded in `found`.
 */
function readsOnlyConfiguration(ctx: UnitContext, node: SyntaxNode, words: readonly string[], found: { lookup?: string }, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  if (node.type === 'comment') return true;
  if (LITERALS.has(node.type)) return true;
  if (isConfigurationRead(ctx, node, words)) {
    found.lookup ??= oneLine(node.text);
    return true;
  }
  if (node.type === 'variable_name') {
    // A local assigned once: what it was given (`$command = $config->get('hook')`).
    const assigned = isLocal(ctx, node.text) ? ctx.singleAssignments.get(node.text) : undefined;
    return assigned !== undefined && readsOnlyConfiguration(ctx, assigned, words, found, depth + 1);
  }
  if (OPERATORS.has(node.type) || isBuiltinCall(ctx, node)) {
    const children = node.type === 'function_call_expression' ? [node.childForFieldName('arguments')] : node.namedChildren;
    return children.every((child) => child === null || readsOnlyConfiguration(ctx, child, words, found, depth + 1));
  }
  // `isset(…)` and `empty(…)` have nodes of their own in some grammar versions.
  if (node.type === 'isset_expression' || node.type === 'empty_expression') {
    return node.namedChildren.every((child) => child === null || readsOnlyConfiguration(ctx, child, words, found, depth + 1));
  }
  return false;
}

/** A call of a function the project does not declare (PHP's own: `preg_match`, `empty`, `in_array`). */
function isBuiltinCall(ctx: UnitContext, node: SyntaxNode): boolean {
  if (node.type !== 'function_call_expression') return false;
  const callee = node.childForFieldName('function');
  if (callee?.type !== 'name' && callee?.type !== 'qualified_name') return false;
  return !ctx.names.functionCandidates(callee.text).some((candidate) => ctx.facts.symbols.hasFunction(candidate));
}

function isConfigurationRead(ctx: UnitContext, node: SyntaxNode, words: readonly string[]): boolean {
  switch (node.type) {
    case 'function_call_expression': {
      const callee = node.childForFieldName('function');
      return callee !== null && literalArguments(node) && namedAsConfiguration(callee.text, words);
    }
    case 'member_call_expression':
    case 'nullsafe_member_call_expression':
    case 'scoped_call_expression': {
      if (!literalArguments(node)) return false;
      const receiver = node.childForFieldName(node.type === 'scoped_call_expression' ? 'scope' : 'object');
      return namedAsConfiguration(node.childForFieldName('name')?.text ?? '', words) || (receiver !== null && receiverNamedAsConfiguration(receiver, words));
    }
    case 'subscript_expression':
      return configurationArrayRead(ctx, node, words);
    default:
      return false;
  }
}

/** Every argument is a literal string (the setting's name, `'password', 'check'`), and there is one. */
function literalArguments(call: SyntaxNode): boolean {
  const args = call.childForFieldName('arguments')?.namedChildren.filter((c): c is SyntaxNode => c !== null && c.type === 'argument') ?? [];
  return args.length > 0 && args.every((arg) => !arg.childForFieldName('name') && literalString(arg.namedChild(0) ?? arg) !== undefined);
}

/** `$config`, `$this->config`, `$config->configRegistry`, `Config`: some name on the way says configuration. */
function receiverNamedAsConfiguration(node: SyntaxNode, words: readonly string[]): boolean {
  switch (node.type) {
    case 'variable_name':
    case 'name':
    case 'qualified_name':
      return namedAsConfiguration(node.text, words);
    case 'member_access_expression':
    case 'nullsafe_member_access_expression': {
      const object = node.childForFieldName('object');
      return namedAsConfiguration(node.childForFieldName('name')?.text ?? '', words) || (object !== null && receiverNamedAsConfiguration(object, words));
    }
    case 'scoped_property_access_expression':
      return namedAsConfiguration(node.childForFieldName('name')?.text ?? '', words);
    default:
      return false;
  }
}

/**
 * `$CONF['encrypt']`, `$GLOBALS['cfg']['URLQueryEncryption']`, `$this->config['x']`: an element
 * with a literal key of an array named as configuration that is not this unit's own data.
 */
function configurationArrayRead(ctx: UnitContext, node: SyntaxNode, words: readonly string[]): boolean {
  const keys: SyntaxNode[] = [];
  let base: SyntaxNode | null = node;
  while (base?.type === 'subscript_expression') {
    const index = base.namedChildren[1];
    if (index) keys.unshift(index);
    base = base.namedChildren[0] ?? null;
  }
  if (!base || keys.length === 0 || literalString(keys[0]!) === undefined) return false;
  if (base.type === 'variable_name' && base.text === '$GLOBALS') {
    const name = literalString(keys[0]!);
    return keys.length > 1 && name !== undefined && namedAsConfiguration(name, words) && literalString(keys[1]!) !== undefined;
  }
  if (base.type === 'variable_name') return namedAsConfiguration(base.text, words) && isGlobalConfiguration(ctx, base.text);
  if (base.type === 'member_access_expression' || base.type === 'scoped_property_access_expression') {
    return namedAsConfiguration(base.childForFieldName('name')?.text ?? '', words);
  }
  return false;
}

/** A variable the unit reads as a global: declared `global`, or at a file's top level never assigned there. */
function isGlobalConfiguration(ctx: UnitContext, variable: string): boolean {
  const unit = ctx.unitNode;
  if (!unit) return false;
  if (unit.type === 'program') return !ctx.assignments.has(variable) && !ctx.singleAssignments.has(variable);
  return declaresInUnit(unit, variable, 'global_declaration');
}

/** A variable of the unit's own: neither a `global` nor a parameter. */
function isLocal(ctx: UnitContext, variable: string): boolean {
  const unit = ctx.unitNode;
  return unit !== undefined && unit.type !== 'program' && !ctx.parameters.has(variable) && !declaresInUnit(unit, variable, 'global_declaration');
}

/**
 * The identifier, split into words (`config_get_global`, `configRegistry`, `$CONF`,
 * `URLQueryEncryption`), has one that starts with a configuration word.
 */
export function namedAsConfiguration(identifier: string, words: readonly string[]): boolean {
  return identifierWords(identifier).some((part) => words.some((word) => part.startsWith(word)));
}

/** `config_get_global` → config, get, global; `configRegistry` → config, registry; `$CONF` → conf. */
function identifierWords(identifier: string): string[] {
  const parts: string[] = [];
  let word = '';
  let previous = '';
  for (const ch of identifier) {
    const letterOrDigit = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
    const startsWord = ch >= 'A' && ch <= 'Z' && ((previous >= 'a' && previous <= 'z') || (previous >= '0' && previous <= '9'));
    if (!letterOrDigit || startsWord) {
      if (word !== '') parts.push(word.toLowerCase());
      word = '';
    }
    if (letterOrDigit) word += ch;
    previous = ch;
  }
  if (word !== '') parts.push(word.toLowerCase());
  return parts;
}

function oneLine(text: string): string {
  const flat = text.split(/\s+/).join(' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat;
}
