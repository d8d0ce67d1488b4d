import * as ts from 'typescript';
import type { NodeCatalog, NodeEventEmitter } from '../../catalog';
import { resolveRef, type ImportRef } from './import-refs';
import type { EventListener } from './module-links';
import { unwrap } from './syntax';

/**
 * Events whose awaited emit runs the project's listeners before it returns:
 * `await this.events.emitAsync('order.paid', order)` (eventemitter2, `@nestjs/event-emitter`)
 * waits for every method decorated `@OnEvent('order.paid')`. The modules' pre-pass records each
 * file's listeners (`declaredListeners`); the lowering (`awaited-emits.ts`) turns such an emit
 * into a call of each listener in turn, so slow work in any of them is held by what the emitter's caller holds.
 * Only an event named by a literal reaches listeners named by the same literal (precision
 * first: no wildcards, no computed names).
 */

function emitterOfListener(catalog: NodeCatalog, ref: ImportRef): NodeEventEmitter | undefined {
  return catalog.eventEmitters?.find((emitter) => emitter.listener.name === ref.name && emitter.listener.modules.includes(ref.module));
}

/** `'order.paid'`, or each name of `['order.paid', 'order.refunded']`. */
export function literalEvents(arg: ts.Expression | undefined): string[] {
  const value = arg && unwrap(arg);
  if (!value) return [];
  if (ts.isStringLiteralLike(value)) return [value.text];
  if (ts.isArrayLiteralExpression(value)) return value.elements.every(ts.isStringLiteralLike) ? value.elements.map((e) => (e as ts.StringLiteralLike).text) : [];
  return [];
}

/** The listener methods a file's classes declare (`@OnEvent('x') async onX() { … }`). */
export function declaredListeners(
  classes: ReadonlyMap<string, ts.ClassLikeDeclaration>,
  bindings: ReadonlyMap<string, ImportRef>,
  catalog: NodeCatalog,
): EventListener[] {
  if (!catalog.eventEmitters?.length) return [];
  const found: EventListener[] = [];
  for (const [className, cls] of classes) {
    for (const member of cls.members) {
      if (!ts.isMethodDeclaration(member) || !member.body || !ts.isIdentifier(member.name)) continue;
      for (const decorator of ts.getDecorators(member) ?? []) {
        const expr = unwrap(decorator.expression);
        if (!ts.isCallExpression(expr)) continue;
        const ref = resolveRef(bindings, unwrap(expr.expression));
        if (!ref || !emitterOfListener(catalog, ref)) continue;
        for (const event of literalEvents(expr.arguments[0])) {
          found.push({ event, className, method: member.name.text, display: `${cls.name?.text ?? 'class'}.${member.name.text}()` });
        }
      }
    }
  }
  return found;
}
