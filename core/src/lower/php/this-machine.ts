import type { SyntaxNode } from '../../parse/php';
import type { UnitContext } from './context';
import { argumentValue } from './literals';
import { evaluateStatic, fullyKnown, resolveConstants } from './static-string';
import { isLoopbackHost } from './host-name';

/**
 * Where a socket connection goes, when it is this machine: a loopback host (`localhost`,
 * `127.0.0.1`, `::1`, with or without a `tcp://`-like scheme and a port) or a local socket
 * (`unix:///run/clamd.sock`, `udg://…`). What answers there is a service installed beside the
 * application (its websocket server, a virus scanner, a cache): not a remote server across the
 * network, and usually quick, but a local service may still work a while: `info`, not nothing.
 *
 * The address is what the code writes (a literal, a constant, a local assigned once, through
 * a `(string)` cast), or a configured value whose default the code writes as such an address
 * (`$SETTINGS['websocket_host'] ?? '127.0.0.1'`): the service the installation runs beside the
 * application unless an administrator moved it (`byDefault`). A request value
 * (`$_GET['host'] ?? 'localhost'`) is not a configured one.
 */
export interface ThisMachine {
  /** The address as the code writes it (`127.0.0.1`, `unix:///run/clamd.sock`). */
  readonly address: string;
  /** Only as the default of a configured value. */
  readonly byDefault?: true;
}

export function connectsToThisMachine(ctx: UnitContext, arg: SyntaxNode | undefined): ThisMachine | undefined {
  const value = arg?.type === 'argument' ? argumentValue(arg) : arg;
  return value ? addressOf(ctx, value, 0) : undefined;
}

/** Bounds following locals assigned once. */
const MAX_DEPTH = 4;

function addressOf(ctx: UnitContext, node: SyntaxNode, depth: number): ThisMachine | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const inner = unwrapped(node);
  if (inner.type === 'variable_name') {
    const assigned = ctx.singleAssignments.get(inner.text);
    return assigned ? addressOf(ctx, assigned, depth + 1) : undefined;
  }
  // `$cfg['host'] ?? '127.0.0.1'`, `$cfg['host'] ?: 'localhost'` (a conditional without a body).
  const defaulted =
    inner.type === 'binary_expression' && inner.childForFieldName('operator')?.text === '??'
      ? { value: inner.childForFieldName('left'), fallback: inner.childForFieldName('right') }
      : inner.type === 'conditional_expression' && !inner.childForFieldName('body')
        ? { value: inner.childForFieldName('condition'), fallback: inner.childForFieldName('alternative') }
        : undefined;
  if (defaulted) {
    if (!defaulted.value || !defaulted.fallback || !isConfiguredValue(ctx, unwrapped(defaulted.value))) return undefined;
    const fallback = addressOf(ctx, defaulted.fallback, depth + 1);
    return fallback ? { address: fallback.address, byDefault: true } : undefined;
  }
  const written = fullyKnown(resolveConstants(evaluateStatic(inner, ctx.facts.file), (name) => ctx.facts.symbols.constant(name)));
  return written !== undefined && isThisMachine(written) ? { address: written.trim() } : undefined;
}

/** `unix:///run/x.sock`, `udg://…`, `tcp://127.0.0.1:8080`, `localhost`, `[::1]:6379`. */
export function isThisMachine(address: string): boolean {
  const text = address.trim().toLowerCase();
  const scheme = text.indexOf('://');
  if (scheme !== -1) {
    const name = text.slice(0, scheme);
    if (name === 'unix' || name === 'udg') return true;
    return isLoopbackHost(withoutPort(text.slice(scheme + 3).split('/')[0] ?? ''));
  }
  return isLoopbackHost(withoutPort(text));
}

/** `127.0.0.1:8080` → `127.0.0.1`, `[::1]:6379` → `[::1]`; a bare IPv6 address stays as it is. */
function withoutPort(host: string): string {
  if (host.startsWith('[')) {
    const close = host.indexOf(']');
    return close === -1 ? host : host.slice(0, close + 1);
  }
  const colons = host.split(':').length - 1;
  return colons === 1 ? host.slice(0, host.indexOf(':')) : host;
}

/**
 * A value the installation configures: an element or property read (`$SETTINGS['x']`,
 * `$this->config['host']`, `$cfg->host`), not one of the request's variables.
 */
function isConfiguredValue(ctx: UnitContext, node: SyntaxNode): boolean {
  if (node.type !== 'subscript_expression' && node.type !== 'member_access_expression') return false;
  let base: SyntaxNode | null = node;
  while (base && (base.type === 'subscript_expression' || base.type === 'member_access_expression')) base = base.namedChild(0);
  if (base?.type !== 'variable_name') return false;
  const name = base.text.slice(1);
  return !(ctx.catalog.requestVariables ?? []).includes(name);
}

function unwrapped(node: SyntaxNode): SyntaxNode {
  let inner = node;
  for (;;) {
    if (inner.type === 'parenthesized_expression' && inner.namedChild(0)) inner = inner.namedChild(0)!;
    else if (inner.type === 'cast_expression' && inner.childForFieldName('value')) inner = inner.childForFieldName('value')!;
    else return inner;
  }
}
