import type { SettingMark } from '../../ir/cfg';
import type { SyntaxNode } from '../../parse/php';
import type { SettingAccessor } from './setting-accessors';
import type { UnitContext } from './context';
import { literalOf, stripLeadingBackslash, truthy, type Literal } from './literals';
import { binary, builtin } from './pure-functions';
import { literalString } from './session-access';
import { typeOf } from './types';
import { declaresInUnit } from './unit-scope';
import { enclosingClass } from './class-statics';

/**
 * Work that runs only when a setting is changed from the value the project ships: the body of
 * an `if` whose test is false with every setting it reads at its shipped value,
 *
 *     $CONF['encrypt'] = 'md5crypt';                           // config.inc.php
 *     if (preg_match('/^dovecot:/', $CONF['encrypt'])) { return _pacrypt_dovecot($pw); }
 *
 *     $g_use_ldap_email = OFF;                                 // config_defaults_inc.php
 *     if (ON == config_get_global('use_ldap_email')) { $email = ldap_email($id); }
 *
 * and the statements after an early exit that the shipped values take
 * (`if (!$encrypt || !$config->get('URLQueryEncryption')) return …;` with
 * `$cfg['URLQueryEncryption'] = false;` shipped). The test is evaluated with the shipped
 * values (`shipped-defaults.ts`): a setting read is a global array's element with a literal key
 * (`global $CONF; $CONF['encrypt']`, `$GLOBALS['cfg']['x']`), a global variable, or a call of
 * a setting accessor with a literal name (`setting-accessors.ts`: `config_get_global('x')`,
 * `$config->get('x')` on a typed receiver); literals, project constants, locals assigned once,
 * `!`, `empty()`, `isset()`, comparisons, `&&`/`||` and pure builtins (`preg_match()` of a plain
 * pattern) are folded. Anything unknown (a setting with no shipped value, or several, a
 * request value, an unresolved call) leaves the work a warning. Nothing is decided by names.
 * The nodes carry a `SettingMark` naming the setting and its shipped value, and the rules
 * report the work below warning: an installation runs it only if it changed that setting.
 */
export function settingGuardOf(ctx: UnitContext, condition: SyntaxNode): SettingMark | undefined {
  for (const conjunct of conjuncts(condition)) {
    const evaluated = evaluateShipped(ctx, conjunct, 0);
    if (evaluated?.read && !truthy(evaluated.value)) return markOf(conjunct.text, evaluated.read);
  }
  return undefined;
}

/**
 * `if (!$encrypt || !$config->get('URLQueryEncryption')) { return …; }` (no `else`, a body that
 * ends with `return`, `throw` or `exit`): when one of the `||` parts holds with the shipped
 * values, the statements after it in the block run only when that setting is changed.
 */
export function settingGuardAfterExit(ctx: UnitContext, statement: SyntaxNode): SettingMark | undefined {
  if (statement.type !== 'if_statement') return undefined;
  if (statement.childrenForFieldName('alternative').some((a) => a !== null)) return undefined;
  const condition = statement.childForFieldName('condition');
  const body = statement.childForFieldName('body');
  if (!condition || !body || !endsWithExit(body)) return undefined;
  for (const disjunct of disjuncts(condition)) {
    const evaluated = evaluateShipped(ctx, disjunct, 0);
    if (!evaluated?.read || !truthy(evaluated.value)) continue;
    const negated = disjunct.type === 'unary_op_expression' && disjunct.child(0)?.text === '!' ? disjunct.namedChildren.find((c) => c !== null && c.type !== 'comment') : undefined;
    return markOf(negated ? unwrap(negated).text : `!(${disjunct.text})`, evaluated.read);
  }
  return undefined;
}

interface SettingRead {
  /** As written (`$config->get('URLQueryEncryption')`). */
  readonly lookup: string;
  /** The shipped setting (`$cfg['URLQueryEncryption']`). */
  readonly setting: string;
  /** A project constant (`USE_CACHE`): named only where no other setting is read with it (`ON == config_get_global('x')`). */
  readonly constant?: true;
}

/** A literal as PHP code writes it (`false`, `0`, `'md5'`). */
function writtenLiteral(value: Literal): string {
  return typeof value === 'string' ? `'${value}'` : value === null ? 'null' : String(value);
}

function markOf(test: string, read: SettingRead & { shipped: string }): SettingMark {
  return { test: oneLine(test), lookup: oneLine(read.lookup), setting: read.setting, shipped: read.shipped };
}

/** Bounds the walk (locals' values are followed, accessors delegate): a condition is a line, never a program. */
const MAX_DEPTH = 12;

type Evaluated = { readonly value: Literal; readonly read?: SettingRead & { readonly shipped: string } };

/**
 * The value of `node` with every setting at its shipped value, and the first setting read;
 * undefined when some part of it is not known.
 */
function evaluateShipped(ctx: UnitContext, node: SyntaxNode, depth: number, own = true): Evaluated | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const inner = unwrap(node);
  const literal = literalOf(inner);
  if (literal !== undefined) return { value: literal };
  const symbols = ctx.facts.symbols;
  if (inner.type === 'name' || inner.type === 'qualified_name') {
    const value = symbols.constantLiteral(inner.text);
    if (value === undefined) return undefined;
    // `define('USE_CACHE', false)` in the project's configuration: a setting it ships, read
    // here (`if (USE_CACHE && file_exists($f))`); `true`/`false`/`null` themselves are not.
    const name = stripLeadingBackslash(inner.text);
    // A constant each entry script defines its own way (`SMF` = 1, `'SSI'`, `'BACKGROUND'`) is a mode, not a setting.
    if (['true', 'false', 'null'].includes(name.toLowerCase()) || !symbols.constantHasOneValue(name)) return { value };
    return { value, read: { lookup: name, setting: name, shipped: writtenLiteral(value), constant: true } };
  }
  // In another unit's code (`own` false) the unit's globals and locals mean nothing: only constants and literals.
  const read = own ? settingRead(ctx, inner, depth) : undefined;
  if (read) {
    const value = symbols.shippedDefault(read.setting);
    const shipped = symbols.shippedWritten(read.setting);
    // Passed through a function that may rewrite strings (`config_eval()`): only other values are known.
    if (value === undefined || shipped === undefined || (read.stringsRewritten && typeof value === 'string')) return undefined;
    return { value, read: { lookup: inner.text, setting: read.setting, shipped } };
  }
  // A method of the unit's own class whose result the shipped settings decide (`$this->IsValid($f)`).
  const method = own && inner.type === 'member_call_expression' ? ownMethod(ctx, inner) : undefined;
  if (method) return shippedReturn(ctx, method, depth + 1);
  if (inner.type === 'variable_name' && own) {
    // A local assigned once: what it was given (`$method = config_get_global('login_method')`).
    const assigned = isLocal(ctx, inner.text) ? ctx.singleAssignments.get(inner.text) : undefined;
    return assigned ? evaluateShipped(ctx, assigned, depth + 1) : undefined;
  }
  if (inner.type === 'unary_op_expression' && inner.child(0)?.text === '!') {
    const operand = evaluateShipped(ctx, inner.namedChildren.find((c) => c !== null && c.type !== 'comment')!, depth + 1, own);
    return operand ? { value: !truthy(operand.value), ...(operand.read ? { read: operand.read } : {}) } : undefined;
  }
  if (inner.type === 'cast_expression') {
    const type = inner.childForFieldName('type')?.text.toLowerCase();
    const operand = inner.childForFieldName('value');
    const evaluated = operand && (type === 'bool' || type === 'boolean') ? evaluateShipped(ctx, operand, depth + 1, own) : undefined;
    return evaluated ? { value: truthy(evaluated.value), ...(evaluated.read ? { read: evaluated.read } : {}) } : undefined;
  }
  if (inner.type === 'binary_expression') {
    const operator = inner.child(1)?.text.toLowerCase();
    const left = inner.childForFieldName('left');
    const right = inner.childForFieldName('right');
    if (!operator || !left || !right || !COMPARISONS.has(operator)) return undefined;
    const a = evaluateShipped(ctx, left, depth + 1, own);
    const b = evaluateShipped(ctx, right, depth + 1, own);
    const value = binary(operator === '<>' ? '!=' : operator, a?.value, () => b?.value);
    if (value === undefined) return undefined;
    // `ON == config_get_global('x')`: the setting read, not the constant it is compared with.
    const first = [a?.read, b?.read].find((read) => read && !read.constant) ?? a?.read ?? b?.read;
    return { value, ...(first ? { read: first } : {}) };
  }
  const builtinCall = builtinArguments(ctx, inner);
  if (builtinCall) {
    const args = builtinCall.args.map((arg) => evaluateShipped(ctx, arg, depth + 1, own));
    if (args.some((arg) => arg === undefined)) return undefined;
    const values = args.map((arg) => arg!.value);
    const value = builtinCall.name === 'empty' ? (values.length === 1 ? !truthy(values[0]!) : undefined)
      : builtinCall.name === 'isset' ? values.every((v) => v !== null)
      : builtin(builtinCall.name, values, () => undefined);
    if (value === undefined) return undefined;
    const first = args.find((arg) => arg!.read && !arg!.read.constant)?.read ?? args.find((arg) => arg!.read)?.read;
    return { value, ...(first ? { read: first } : {}) };
  }
  return undefined;
}

/**
 * `$this->IsValid($f)` where the unit's class declares `IsValid()` and no subclass declares it
 * again: the method's declaration, in the same file.
 */
function ownMethod(ctx: UnitContext, call: SyntaxNode): SyntaxNode | undefined {
  const name = call.childForFieldName('name');
  if (call.childForFieldName('object')?.text !== '$this' || name?.type !== 'name' || !ctx.className) return undefined;
  const method = name.text.toLowerCase();
  if (ctx.facts.symbols.overriddenBelow(ctx.className, method)) return undefined;
  return enclosingClass(call)
    ?.childForFieldName('body')
    ?.namedChildren.find((member) => member?.type === 'method_declaration' && member.childForFieldName('name')?.text.toLowerCase() === method) ?? undefined;
}

/**
 * What a small method returns with every setting at its shipped value, read from its
 * statements in order: an `if` whose test a shipped constant makes false (`if (USE_CACHE &&
 * file_exists($f)) { … } else { return false; }`) runs its `else` (or goes on), an assignment
 * is passed over, and the first `return` of a literal is the result, named by the setting that
 * decided the way to it. Anything else (another statement, an undecided test) leaves the
 * result unknown.
 */
function shippedReturn(ctx: UnitContext, method: SyntaxNode, depth: number): Evaluated | undefined {
  let statements = blockStatements(method.childForFieldName('body'));
  let decidedBy: Evaluated['read'];
  for (let i = 0; i < statements.length && depth <= MAX_DEPTH; i++) {
    const statement = statements[i]!;
    if (statement.type === 'return_statement') {
      const value = statement.namedChildren.find((c) => c !== null && c.type !== 'comment');
      const evaluated = value ? evaluateShipped(ctx, value, depth + 1, false) : undefined;
      if (!evaluated) return undefined;
      const read = evaluated.read ?? decidedBy;
      return read ? { value: evaluated.value, read } : undefined;
    }
    // `$file = $this->dir . $file;`: a value the result does not depend on (only constants
    // and literals decide it here); constants cannot be defined again, so nothing it runs
    // changes them.
    if (isAssignmentStatement(statement)) continue;
    if (statement.type !== 'if_statement') return undefined;
    const condition = statement.childForFieldName('condition');
    const falsified = condition ? conjuncts(condition).map((part) => evaluateShipped(ctx, part, depth + 1, false)).find((part) => part?.read && !truthy(part.value)) : undefined;
    if (!falsified) return undefined;
    decidedBy ??= falsified.read;
    const alternatives = statement.childrenForFieldName('alternative').filter((a): a is SyntaxNode => a !== null);
    if (alternatives.length === 0) continue;
    if (alternatives.length > 1 || alternatives[0]!.type !== 'else_clause') return undefined;
    statements = blockStatements(alternatives[0]!.childForFieldName('body') ?? alternatives[0]!.namedChildren.find((c) => c !== null && c.type !== 'comment') ?? null);
    i = -1;
  }
  return undefined;
}

function isAssignmentStatement(statement: SyntaxNode): boolean {
  const expression = statement.type === 'expression_statement' ? statement.namedChild(0) : null;
  return expression?.type === 'assignment_expression' || expression?.type === 'augmented_assignment_expression';
}

function blockStatements(body: SyntaxNode | null): SyntaxNode[] {
  if (!body) return [];
  if (body.type !== 'compound_statement') return [body];
  return body.namedChildren.filter((c): c is SyntaxNode => c !== null && c.type !== 'comment');
}

const COMPARISONS = new Set(['==', '!=', '<>', '===', '!==', '&&', '||', 'and', 'or']);

/** `empty(x)`, `isset(x)` and calls of functions the project does not declare, with their arguments. */
function builtinArguments(ctx: UnitContext, node: SyntaxNode): { name: string; args: SyntaxNode[] } | undefined {
  if (node.type === 'empty_expression' || node.type === 'isset_expression') {
    return { name: node.type === 'empty_expression' ? 'empty' : 'isset', args: node.namedChildren.filter((c): c is SyntaxNode => c !== null && c.type !== 'comment') };
  }
  if (node.type !== 'function_call_expression') return undefined;
  const callee = node.childForFieldName('function');
  if (callee?.type !== 'name' && callee?.type !== 'qualified_name') return undefined;
  if (ctx.names.functionCandidates(callee.text).some((candidate) => ctx.facts.symbols.hasFunction(candidate))) return undefined;
  const name = stripLeadingBackslash(callee.text.toLowerCase());
  return { name, args: positionalArguments(node) };
}

function positionalArguments(call: SyntaxNode): SyntaxNode[] {
  return (call.childForFieldName('arguments')?.namedChildren ?? [])
    .filter((c): c is SyntaxNode => c?.type === 'argument' && !c.childForFieldName('name'))
    .map((argument) => argument.namedChild(0) ?? argument);
}

/**
 * The value the project ships for the setting `node` reads (`$conf['rrdtool']` with
 * `$conf['rrdtool'] = "/usr/bin/rrdtool";` in its defaults file), when it ships one.
 */
export function shippedValueRead(ctx: UnitContext, node: SyntaxNode): Literal | undefined {
  const read = settingRead(ctx, node, 0);
  return read ? ctx.facts.symbols.shippedDefault(read.setting) : undefined;
}

/**
 * The shipped setting `node` reads: a global array's element with a literal key, a global
 * variable, or a setting accessor called with a literal name.
 */
function settingRead(ctx: UnitContext, node: SyntaxNode, depth: number): { setting: string; stringsRewritten: boolean } | undefined {
  if (node.type === 'subscript_expression') {
    const [base, index] = node.namedChildren;
    const key = index ? literalString(index) : undefined;
    if (!base || key === undefined) return undefined;
    if (base.type === 'variable_name' && base.text === '$GLOBALS') return { setting: `$${key}`, stringsRewritten: false };
    if (base.type === 'subscript_expression') {
      const [outer, name] = base.namedChildren;
      const variable = name ? literalString(name) : undefined;
      return outer?.text === '$GLOBALS' && variable !== undefined ? { setting: `$${variable}['${key}']`, stringsRewritten: false } : undefined;
    }
    return base.type === 'variable_name' && isGlobal(ctx, base.text) ? { setting: `${base.text}['${key}']`, stringsRewritten: false } : undefined;
  }
  if (node.type === 'variable_name') return isGlobal(ctx, node.text) && ctx.facts.symbols.shippedDefault(node.text) !== undefined ? { setting: node.text, stringsRewritten: false } : undefined;
  const called = calledAccessor(ctx, node);
  if (!called) return undefined;
  const names = positionalArguments(node).map((arg) => literalString(arg));
  return accessorSetting(ctx, called, names, depth);
}

/** The accessor a call resolves to: a project function, or a method of a class the code shows. */
function calledAccessor(ctx: UnitContext, node: SyntaxNode): SettingAccessor | undefined {
  const symbols = ctx.facts.symbols;
  if (node.type === 'function_call_expression') {
    const callee = node.childForFieldName('function');
    if (callee?.type !== 'name' && callee?.type !== 'qualified_name') return undefined;
    for (const candidate of ctx.names.functionCandidates(callee.text)) {
      if (symbols.hasFunction(candidate)) return symbols.settingAccessor(candidate);
    }
    return undefined;
  }
  const method = node.childForFieldName('name');
  if (method?.type !== 'name') return undefined;
  let className: string | undefined;
  if (node.type === 'scoped_call_expression') {
    const scope = node.childForFieldName('scope')?.text ?? '';
    const keyword = scope.toLowerCase();
    className = keyword === 'self' || keyword === 'static' ? ctx.className : keyword === 'parent' ? (ctx.className ? symbols.parentOf(ctx.className) : undefined) : ctx.names.resolveClass(scope);
  } else if (node.type === 'member_call_expression' || node.type === 'nullsafe_member_call_expression') {
    className = typeOf(ctx, node.childForFieldName('object'));
  }
  return className ? symbols.settingAccessor(method.text.toLowerCase(), className) : undefined;
}

/** The setting an accessor returns for the literal names it is given, through delegations. */
function accessorSetting(ctx: UnitContext, accessor: SettingAccessor, names: readonly (string | undefined)[], depth: number): { setting: string; stringsRewritten: boolean } | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const symbols = ctx.facts.symbols;
  switch (accessor.kind) {
    case 'passes':
      return undefined;
    case 'read': {
      const name = names[accessor.parameter];
      if (name === undefined) return undefined;
      // Every function the value passes through must be one that may return it unchanged.
      const passes = accessor.through.every((candidates) => candidates.some((candidate) => symbols.settingAccessor(candidate)?.kind === 'passes'));
      if (!passes) return undefined;
      const setting = accessor.store === 'global' ? `$${accessor.prefix}${name}` : symbols.shippedElement(accessor.prefix + name);
      return setting === undefined ? undefined : { setting, stringsRewritten: accessor.through.length > 0 };
    }
    case 'delegate': {
      const call = accessor.call;
      const next = 'functions' in call
        ? call.functions.map((candidate) => symbols.settingAccessor(candidate)).find((found) => found !== undefined)
        : symbols.settingAccessor(call.method, call.className);
      if (!next) return undefined;
      const passed: (string | undefined)[] = [];
      passed[accessor.argument] = names[accessor.parameter];
      return accessorSetting(ctx, next, passed, depth + 1);
    }
  }
}

/** A variable the unit reads as a global: declared `global`, or at a file's top level never assigned there. */
function isGlobal(ctx: UnitContext, variable: string): boolean {
  const unit = ctx.unitNode;
  if (!unit || variable === '$this') return false;
  if (unit.type === 'program') return !ctx.assignments.has(variable) && !ctx.singleAssignments.has(variable);
  return declaresInUnit(unit, variable, 'global_declaration');
}

/** A variable of the unit's own: neither a `global` nor a parameter. */
function isLocal(ctx: UnitContext, variable: string): boolean {
  const unit = ctx.unitNode;
  return unit !== undefined && unit.type !== 'program' && !ctx.parameters.has(variable) && !declaresInUnit(unit, variable, 'global_declaration');
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

function oneLine(text: string): string {
  const flat = text.split(/\s+/).join(' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat;
}
