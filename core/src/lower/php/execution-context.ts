import type { CommandLineEvidence, ExecutionContext } from '../../ir/unit';
import type { Span } from '../../model/span';
import type { SyntaxNode } from '../../parse/php';
import { calledName, stripLeadingBackslash, argumentValue } from './literals';
import { literalString } from './session-access';

/**
 * Whether a PHP file runs only from the command line, read from its syntax tree. A script
 * run by `php script.php` (cron, a worker, an installer) serves no browser: no user waits
 * for the session lock it holds. The evidence, each at the top level of the file so that it
 * dominates the rest of the script:
 * - a `#!` first line (a shebang: the file is an executable for the shell);
 * - a check of `PHP_SAPI` / `php_sapi_name()` that ends the script (exit, die, throw, a
 *   top-level return) unless the SAPI is `cli`;
 * - reading `$argv`, `$argc` or `$_SERVER['argv']` (not merely testing whether they are set,
 *   which is how scripts that run both ways tell the two apart).
 * The top-level includes are kept too: a file that includes a CLI check of the second kind
 * (a `cli-only.php` it requires first) is decided once includes resolve.
 */
export function executionContext(root: SyntaxNode, file: string): ExecutionContext {
  const statements = topLevelStatements(root);
  const span = (node: SyntaxNode): Span => ({ file, start: node.startIndex, end: node.endIndex });
  const first = root.namedChild(0);
  const shebang = first && first.type === 'text' && first.startIndex === 0 && first.text.startsWith('#!') ? first : undefined;
  const guard = statements.find((statement) => endsUnlessCli(statement));
  const callGuard = guard ? undefined : statements.map((statement) => ({ statement, call: callUnlessCli(statement) })).find(({ call }) => call !== undefined);
  const argv = argvEvidence(statements);
  const commandLine: CommandLineEvidence | undefined = shebang
    ? { kind: 'shebang', span: span(shebang) }
    : guard
      ? { kind: 'sapi-check', span: span(guard) }
      : argv
        ? { kind: 'argv', span: span(argv) }
        : undefined;
  const includes = statements.flatMap((statement) => {
    const include = includeOf(statement);
    return include ? [span(include)] : [];
  });
  return {
    ...(commandLine ? { commandLine } : {}),
    ...(guard ? { exitsUnlessCli: span(guard) } : {}),
    ...(callGuard?.call ? { callsUnlessCli: { check: span(callGuard.statement), call: span(callGuard.call) } } : {}),
    topLevelIncludes: includes,
  };
}

/** The statements of the file's top level, inside namespace blocks too. */
export function topLevelStatements(root: SyntaxNode): SyntaxNode[] {
  const result: SyntaxNode[] = [];
  for (const child of root.namedChildren) {
    if (!child) continue;
    const body = child.type === 'namespace_definition' ? child.childForFieldName('body') : null;
    if (body) result.push(...body.namedChildren.filter((c): c is SyntaxNode => c !== null));
    else result.push(child);
  }
  return result;
}

/** `if (PHP_SAPI !== 'cli') exit;`, `php_sapi_name() === 'cli' or die();` and their variants. */
export function endsUnlessCli(statement: SyntaxNode, returnEnds = true): boolean {
  if (statement.type === 'if_statement') {
    const condition = statement.childForFieldName('condition');
    const body = statement.childForFieldName('body');
    return condition !== null && body !== null && testsNotCli(condition) && alwaysEnds(body, 0, returnEnds);
  }
  if (statement.type === 'expression_statement') {
    const expression = unwrap(statement.namedChild(0));
    if (expression?.type !== 'binary_expression') return false;
    const operator = expression.childForFieldName('operator')?.text.toLowerCase();
    const left = expression.childForFieldName('left');
    const right = expression.childForFieldName('right');
    if (!left || !right || !endsScript(right)) return false;
    // `isCli or die()` runs die() when it is not the CLI; `notCli and die()` likewise.
    if (operator === '||' || operator === 'or') return testsCli(left) === true;
    if (operator === '&&' || operator === 'and') return testsNotCli(left);
  }
  return false;
}

/**
 * `if (PHP_SAPI !== 'cli') { fail('…', true); }`: a SAPI check whose body ends with a call
 * (of a function or method), which ends the script if the call never returns.
 */
export function callUnlessCli(statement: SyntaxNode): SyntaxNode | undefined {
  if (statement.type !== 'if_statement') return undefined;
  const condition = statement.childForFieldName('condition');
  const body = statement.childForFieldName('body');
  if (!condition || !body || !testsNotCli(condition) || statement.childForFieldName('alternative')) return undefined;
  const statements = body.type === 'compound_statement' ? body.namedChildren.filter((c): c is SyntaxNode => c !== null && c.type !== 'comment') : [body];
  const last = statements[statements.length - 1];
  const call = last?.type === 'expression_statement' ? unwrap(last.namedChild(0)) : undefined;
  return call && ['function_call_expression', 'member_call_expression', 'scoped_call_expression', 'nullsafe_member_call_expression'].includes(call.type) ? call : undefined;
}

/** Conditions nested deeper than this are not read (generated or hostile code). */
const MAX_CONDITION_DEPTH = 32;

/** True when the condition holds exactly when the SAPI is the CLI; false when exactly when it is not. */
function testsCli(node: SyntaxNode, depth = 0): boolean | undefined {
  const inner = unwrap(node);
  if (!inner || depth > MAX_CONDITION_DEPTH) return undefined;
  if (inner.type === 'unary_op_expression' && inner.child(0)?.text === '!') {
    const operand = inner.namedChild(0);
    const value = operand ? testsCli(operand, depth + 1) : undefined;
    return value === undefined ? undefined : !value;
  }
  if (inner.type === 'binary_expression') {
    const operator = inner.childForFieldName('operator')?.text;
    const left = inner.childForFieldName('left');
    const right = inner.childForFieldName('right');
    if (!left || !right) return undefined;
    const equality = operator === '===' || operator === '==' ? true : operator === '!==' || operator === '!=' || operator === '<>' ? false : undefined;
    if (equality === undefined) return undefined;
    const comparesSapi = (isSapi(left) && literalString(unwrap(right) ?? right) === 'cli') || (isSapi(right) && literalString(unwrap(left) ?? left) === 'cli');
    return comparesSapi ? equality : undefined;
  }
  if (inner.type === 'function_call_expression' && calledName(inner) === 'in_array') {
    // `in_array(PHP_SAPI, ['cli', 'phpdbg'])`: only command-line SAPIs listed.
    const args = argumentValues(inner);
    if (args.length < 2 || !isSapi(args[0]!) || args[1]!.type !== 'array_creation_expression') return undefined;
    const listed = args[1]!.namedChildren.map((element) => {
      const value = element?.namedChild(element.namedChildCount - 1);
      return value ? literalString(value) : undefined;
    });
    return listed.length > 0 && listed.includes('cli') && listed.every((value) => value !== undefined && COMMAND_LINE_SAPIS.has(value)) ? true : undefined;
  }
  return undefined;
}

/** Server APIs that run from a terminal, never behind a web server (`cli-server` serves requests). */
const COMMAND_LINE_SAPIS = new Set(['cli', 'phpdbg']);

/** The condition is true whenever PHP is not running from the command line. */
function testsNotCli(node: SyntaxNode, depth = 0): boolean {
  const inner = unwrap(node);
  if (!inner || depth > MAX_CONDITION_DEPTH) return false;
  if (testsCli(inner) === false) return true;
  if (inner.type === 'binary_expression') {
    const operator = inner.childForFieldName('operator')?.text.toLowerCase();
    const left = inner.childForFieldName('left');
    const right = inner.childForFieldName('right');
    // `PHP_SAPI !== 'cli' || !isset($argv)`: exits at least whenever it is not the CLI.
    if (operator === '||' || operator === 'or') {
      return (left !== null && testsNotCli(left, depth + 1)) || (right !== null && testsNotCli(right, depth + 1));
    }
    // `PHP_SAPI !== 'cli' && PHP_SAPI !== 'phpdbg'`: each side holds for every web server.
    if (operator === '&&' || operator === 'and') {
      const webEverywhere = (side: SyntaxNode | null): boolean => side !== null && (testsNotCli(side, depth + 1) || notCommandLineSapi(side));
      return webEverywhere(left) && webEverywhere(right) && (testsNotCli(left!, depth + 1) || testsNotCli(right!, depth + 1));
    }
  }
  return false;
}

/** `PHP_SAPI !== 'phpdbg'`: true for every SAPI but one that runs from a terminal. */
function notCommandLineSapi(node: SyntaxNode): boolean {
  const inner = unwrap(node);
  if (inner?.type !== 'binary_expression' || !['!==', '!=', '<>'].includes(inner.childForFieldName('operator')?.text ?? '')) return false;
  const left = inner.childForFieldName('left');
  const right = inner.childForFieldName('right');
  if (!left || !right) return false;
  const literal = isSapi(left) ? literalString(unwrap(right) ?? right) : isSapi(right) ? literalString(unwrap(left) ?? left) : undefined;
  return literal !== undefined && COMMAND_LINE_SAPIS.has(literal);
}

function isSapi(node: SyntaxNode): boolean {
  const inner = unwrap(node);
  if (!inner) return false;
  if (inner.type === 'name' || inner.type === 'qualified_name') return stripLeadingBackslash(inner.text) === 'PHP_SAPI';
  return inner.type === 'function_call_expression' && calledName(inner) === 'php_sapi_name';
}

/** A statement (or block) that always ends the script when run at the top level (`returnEnds`) or in a function (not). */
function alwaysEnds(node: SyntaxNode, depth = 0, returnEnds = true): boolean {
  if (depth > MAX_CONDITION_DEPTH) return false;
  if (node.type === 'compound_statement') {
    return node.namedChildren.some((statement) => statement !== null && alwaysEnds(statement, depth + 1, returnEnds));
  }
  // A `return` ends the script at the top level only; in a function it returns to the caller.
  if (node.type === 'exit_statement' || (returnEnds && node.type === 'return_statement')) return true;
  if (node.type === 'expression_statement') {
    const expression = unwrap(node.namedChild(0));
    return expression !== null && endsScript(expression);
  }
  return false;
}

/** `exit`, `die(...)`, `throw ...` as an expression. */
function endsScript(node: SyntaxNode): boolean {
  const inner = unwrap(node);
  if (!inner) return false;
  if (inner.type === 'exit_statement' || inner.type === 'throw_expression') return true;
  if (inner.type === 'function_call_expression') {
    const name = calledName(inner);
    return name === 'die' || name === 'exit';
  }
  return inner.type === 'name' && ['die', 'exit'].includes(inner.text.toLowerCase());
}

/** Arguments to `isset()` and friends only test whether the script runs from the command line. */
const PRESENCE_TESTS = new Set(['isset', 'empty', 'array_key_exists', 'is_array', 'key_exists']);

/**
 * The first top-level read of `$argv`, `$argc` or `$_SERVER['argv'|'argc']`, unless the top
 * level also tests whether they are set (a script that runs from the web too).
 */
function argvEvidence(statements: readonly SyntaxNode[]): SyntaxNode | undefined {
  let found: SyntaxNode | undefined;
  // An explicit stack, not recursion: the tree may be nested thousands of levels deep.
  const stack: (readonly [SyntaxNode, boolean])[] = statements.map((statement) => [statement, false] as const).reverse();
  while (stack.length > 0) {
    const [node, underPresenceTest] = stack.pop()!;
    if (NESTED_CODE.has(node.type)) continue;
    if (isArgv(node)) {
      if (underPresenceTest) return undefined;
      if (!isAssigned(node)) found ??= node;
      continue;
    }
    const presence =
      underPresenceTest ||
      node.type === 'isset_expression' ||
      (node.type === 'function_call_expression' && PRESENCE_TESTS.has(calledName(node) ?? '')) ||
      (node.type === 'binary_expression' && node.childForFieldName('operator')?.text === '??');
    const children = node.namedChildren.filter((child): child is SyntaxNode => child !== null);
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, presence]);
  }
  return found;
}

/** Code that does not run at the top level where it is written. */
const NESTED_CODE = new Set([
  'function_definition',
  'class_declaration',
  'interface_declaration',
  'trait_declaration',
  'enum_declaration',
  'anonymous_function',
  'anonymous_function_creation_expression',
  'arrow_function',
  'method_declaration',
]);

function isArgv(node: SyntaxNode): boolean {
  if (node.type === 'variable_name') {
    const name = node.namedChild(0)?.text;
    return name === 'argv' || name === 'argc';
  }
  if (node.type === 'subscript_expression') {
    const base = node.namedChild(0);
    const key = node.namedChild(1);
    if (base?.type !== 'variable_name' || base.namedChild(0)?.text !== '_SERVER' || !key) return false;
    const value = literalString(key);
    return value === 'argv' || value === 'argc';
  }
  return false;
}

function isAssigned(node: SyntaxNode): boolean {
  const parent = node.parent;
  return parent !== null && parent.type.endsWith('assignment_expression') && parent.childForFieldName('left')?.id === node.id;
}

/** The include expression of a statement that is one (`require 'x.php';`, `require_once(...)`). */
function includeOf(statement: SyntaxNode): SyntaxNode | undefined {
  if (statement.type !== 'expression_statement') return undefined;
  const expression = unwrap(statement.namedChild(0));
  if (!expression) return undefined;
  return ['include_expression', 'include_once_expression', 'require_expression', 'require_once_expression'].includes(expression.type) ? expression : undefined;
}

export function unwrap(node: SyntaxNode | null): SyntaxNode | null {
  let current = node;
  for (let depth = 0; current?.type === 'parenthesized_expression'; depth++) {
    if (depth > MAX_CONDITION_DEPTH) return null;
    current = current.namedChild(0);
  }
  return current;
}

function argumentValues(call: SyntaxNode): SyntaxNode[] {
  const args = call.childForFieldName('arguments')?.namedChildren ?? [];
  return args.flatMap((arg) => {
    if (arg?.type !== 'argument') return [];
    const value = argumentValue(arg);
    return value ? [value] : [];
  });
}

