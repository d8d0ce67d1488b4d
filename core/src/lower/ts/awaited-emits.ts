import * as ts from 'typescript';
import type { CallEffect } from '../../ir/effects';
import type { TsUnitContext } from './context';
import { literalEvents } from './event-listeners';
import { unwrap } from './syntax';

/**
 * `await this.events.emitAsync('order.paid', order)`: every project listener of the event
 * (`@OnEvent('order.paid')`, indexed by the modules' pre-pass, see `event-listeners.ts`) runs
 * before the await returns, so the emit is lowered as a call of each in turn.
 */
/**
 * The calls of the listeners an awaited emit runs, in turn (none when the receiver is not a
 * typed emitter of the catalog, the method does not wait, or the event is not a literal).
 */
export function awaitedListenerCalls(ctx: TsUnitContext, node: ts.CallExpression, callee: ts.Expression): CallEffect[] {
  const emitters = ctx.catalog.eventEmitters;
  if (!emitters?.length || !ts.isPropertyAccessExpression(callee)) return [];
  const method = callee.name.text;
  if (!emitters.some((e) => e.awaiting.includes(method))) return [];
  const events = literalEvents(node.arguments[0]);
  const links = ctx.facts.imports.modules;
  if (events.length !== 1 || !links) return [];
  const ref = ctx.facts.types?.classOf(unwrap(callee.expression));
  if (!ref || !emitters.some((e) => e.className === ref.name && e.modules.includes(ref.module) && e.awaiting.includes(method))) return [];
  return links.listenersOf(events[0]!).map((listener) => ({
    kind: 'call',
    target: { type: 'method', className: listener.className, method: listener.method },
    // A description (quoted parts inside): "held across the `order.paid` listener `OrderListener.onPaid()`".
    display: `the \`${listener.event}\` listener \`${listener.display}\``,
    span: ctx.span(node),
  }));
}
