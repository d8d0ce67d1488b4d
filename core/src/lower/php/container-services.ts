import type { ApiEntry, ContainerService } from '../../catalog';
import type { Cursor } from '../../ir/cfg-builder';
import type { SyntaxNode } from '../../parse/php';
import { argumentValue, emitCall, lookupMethod } from './calls';
import type { UnitContext } from './context';
import { literalString } from './session-access';

/**
 * Services of the project's dependency-injection container. `$container->get('mailer')` (a
 * catalog method with `servicesById`) hands out an object of the class the project's service
 * definitions give that id, so method calls on it resolve to the project's code; on the first
 * call the container builds it, so its constructor runs there. A shared service (the default)
 * is built once per request: its construction is one-time code, whose slow work callers are
 * not lent (an open it makes still counts). An id the definitions do not name, or one that is
 * not a literal, is nothing (precision first).
 */
export function containerService(ctx: UnitContext, api: ApiEntry | undefined, args: readonly SyntaxNode[]): ContainerService | undefined {
  if (api?.servicesById === undefined || !ctx.catalog.services) return undefined;
  const arg = args[api.servicesById];
  const value = arg ? argumentValue(arg) : undefined;
  const id = value ? serviceId(ctx, value) : undefined;
  return id === undefined ? undefined : Object.hasOwn(ctx.catalog.services, id) ? ctx.catalog.services[id] : undefined;
}

/** The class of the service a container call on an object of `className` hands out. */
export function serviceClassOf(ctx: UnitContext, className: string, method: string, args: readonly SyntaxNode[]): string | undefined {
  return containerService(ctx, lookupMethod(ctx, className, method), args)?.className;
}

/**
 * The container call, as a call of the service's constructor when the container builds it
 * with `new` (marked one-time for a shared service); else nothing the flow follows.
 */
export function emitServiceGet(ctx: UnitContext, node: SyntaxNode, display: string, service: ContainerService, cursor: Cursor): Cursor {
  if (!service.constructed) return cursor;
  const builder = ctx.builder;
  const outer = builder.currentOnce;
  if (service.shared) builder.currentOnce ??= { perRequest: true };
  try {
    const constructor = lookupMethod(ctx, service.className, '__construct');
    const api = constructor?.authoritative || !ctx.facts.symbols.hasMethod(service.className, '__construct') ? constructor : undefined;
    return emitCall(ctx, { node, args: [], display, api, target: { type: 'method', className: service.className, method: '__construct' } }, cursor);
  } finally {
    builder.currentOnce = outer;
  }
}

/** `'mailer'`, or `Mailer::class` (an id that is a class name, as Symfony's autowiring writes it). */
function serviceId(ctx: UnitContext, value: SyntaxNode): string | undefined {
  const literal = literalString(value);
  if (literal !== undefined) return literal;
  if (value.type !== 'class_constant_access_expression') return undefined;
  const [scope, constant] = value.namedChildren;
  if (constant?.text !== 'class' || !scope) return undefined;
  const keyword = scope.text.toLowerCase();
  return keyword === 'self' || keyword === 'static' ? ctx.className : ctx.names.resolveClass(scope.text);
}
