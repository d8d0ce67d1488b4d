import type { SyntaxNode } from '../../parse/php';
import type { UnitContext } from './context';
import { NESTED_DECLARATIONS } from './unit-scope';
import { literalString } from './session-access';
import { evaluateStatic, fullyKnown, resolveConstants } from './static-string';
import { nativeCallOf } from './native-calls';
import { argumentValue, callArguments, calledName } from './literals';

/**
 * Whether resolving a host name needs no DNS query: `localhost` (or a name under
 * `.localhost`, which resolvers answer locally) or an IP address. The name is what the code
 * writes (a literal, a constant, a variable assigned once), or what the `if` around the call
 * proves: `if (!strcasecmp($host, 'localhost')) $host = gethostbyname($host);`. The machine's own
 * name (`gethostbyname(gethostname())`: catalog `returnsOwnHostName`) is in its `/etc/hosts`.
 */
export function resolvesWithoutLookup(ctx: UnitContext, call: SyntaxNode, arg: SyntaxNode | undefined): boolean {
  const value = passedValue(arg);
  if (!value) return false;
  if (isOwnHostName(ctx, value)) return true;
  const written = writtenName(ctx, value);
  if (written !== undefined) return isLocalName(written);
  if (value.type !== 'variable_name') return false;
  return guardedNames(call, value.text).some(isLocalName);
}

/**
 * Whether finding the name of an address needs no DNS query: a loopback address
 * (`gethostbyaddr('127.0.0.1')`), written as `resolvesWithoutLookup` reads names.
 */
export function reversesWithoutLookup(ctx: UnitContext, arg: SyntaxNode | undefined): boolean {
  const value = passedValue(arg);
  const written = value ? writtenName(ctx, value) : undefined;
  return written !== undefined && isLoopback(written);
}

function passedValue(arg: SyntaxNode | undefined): SyntaxNode | undefined {
  return (arg?.type === 'argument' ? argumentValue(arg) : arg) ?? undefined;
}

/** `gethostname()`, or a variable assigned only that once. */
function isOwnHostName(ctx: UnitContext, value: SyntaxNode): boolean {
  const node = value.type === 'variable_name' ? ctx.singleAssignments.get(value.text) : value;
  return node !== undefined && nativeCallOf(ctx, node)?.api?.returnsOwnHostName === true;
}

/** `localhost` (or a name under `.localhost`), or a loopback address: this machine. */
export function isLoopbackHost(name: string): boolean {
  const host = name.trim().toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || isLoopback(host);
}

/** `127.0.0.0/8` and `::1`. */
function isLoopback(address: string): boolean {
  const host = address.trim().toLowerCase();
  if (isIpv4(host)) return host.split('.')[0] === '127';
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  return bare === '::1' || bare === '0:0:0:0:0:0:0:1';
}

function writtenName(ctx: UnitContext, value: SyntaxNode): string | undefined {
  const node = value.type === 'variable_name' ? ctx.singleAssignments.get(value.text) : value;
  if (!node) return undefined;
  return fullyKnown(resolveConstants(evaluateStatic(node, ctx.facts.file), (name) => ctx.facts.symbols.constant(name)));
}

function isLocalName(name: string): boolean {
  const host = name.trim().toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || isIpv4(host) || isIpv6(host);
}

function isIpv4(host: string): boolean {
  const parts = host.split('.');
  return parts.length === 4 && parts.every((p) => p.length > 0 && p.length <= 3 && [...p].every((c) => c >= '0' && c <= '9') && Number(p) <= 255);
}

function isIpv6(host: string): boolean {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  return bare.includes(':') && [...bare].every((c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || c === ':' || c === '.');
}

/**
 * The names `variable` equals where `call` runs, by the conditions of the `if` statements whose
 * body holds the call, when the body does not assign the variable before it (the assignment
 * the call is part of, `$host = gethostbyname($host)`, comes after).
 */
function guardedNames(call: SyntaxNode, variable: string): string[] {
  const names: string[] = [];
  let child: SyntaxNode = call;
  for (let node = call.parent; node; child = node, node = node.parent) {
    if (NESTED_DECLARATIONS.has(node.type)) break;
    if (node.type !== 'if_statement') continue;
    const body = node.childForFieldName('body');
    const condition = node.childForFieldName('condition');
    if (!body || !condition || body.id !== child.id) continue;
    if (assignsBefore(body, variable, call.startIndex)) continue;
    names.push(...equalities(condition, variable));
  }
  return names;
}

/** `$x == 'a'`, `'a' === $x`, `!strcasecmp($x, 'a')`, `strcasecmp($x, 'a') == 0`, and `&&` of them. */
function equalities(condition: SyntaxNode, variable: string): string[] {
  let node: SyntaxNode | null = condition;
  while (node?.type === 'parenthesized_expression') node = node.namedChild(0);
  if (!node) return [];
  if (node.type === 'unary_op_expression' && node.child(0)?.text === '!') {
    const inner = node.namedChild(0);
    const compared = inner ? comparedByStrcmp(inner, variable) : undefined;
    return compared !== undefined ? [compared] : [];
  }
  if (node.type !== 'binary_expression') return [];
  const operator = node.childForFieldName('operator')?.text;
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  if (!left || !right) return [];
  if (operator === '&&' || operator === 'and') return [...equalities(left, variable), ...equalities(right, variable)];
  if (operator !== '==' && operator !== '===') return [];
  for (const [a, b] of [[left, right], [right, left]] as const) {
    if (a.type === 'variable_name' && a.text === variable) {
      const literal = literalString(b);
      if (literal !== undefined) return [literal];
    }
    if (b.type === 'integer' && b.text === '0') {
      const compared = comparedByStrcmp(a, variable);
      if (compared !== undefined) return [compared];
    }
  }
  return [];
}

/** `strcasecmp($x, 'a')` or `strcmp('a', $x)`: the literal `$x` is compared with. */
function comparedByStrcmp(node: SyntaxNode, variable: string): string | undefined {
  const name = calledName(node);
  if (name !== 'strcasecmp' && name !== 'strcmp') return undefined;
  const args = callArguments(node);
  if (args.length !== 2) return undefined;
  const values = args.map((a) => a.namedChild(0));
  for (const [a, b] of [[values[0], values[1]], [values[1], values[0]]] as const) {
    if (a?.type === 'variable_name' && a.text === variable && b) {
      const literal = literalString(b);
      if (literal !== undefined) return literal;
    }
  }
  return undefined;
}

function assignsBefore(body: SyntaxNode, variable: string, before: number): boolean {
  return body
    .descendantsOfType(['assignment_expression', 'augmented_assignment_expression', 'reference_assignment_expression'])
    .some((assignment) => assignment !== null && assignment.endIndex <= before && assignment.childForFieldName('left')?.text === variable);
}
