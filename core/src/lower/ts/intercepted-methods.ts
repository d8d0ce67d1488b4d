import * as ts from 'typescript';
import type { Cursor } from '../../ir/cfg-builder';
import type { HeldResourceInfo } from '../../ir/unit';
import type { TsUnitContext } from './context';
import { shortText } from './display';

/**
 * A method an interceptor runs inside a project helper's callback (`interceptors.ts`) starts
 * with a resource open that stands for whatever the helper holds there: `heldThrough` names the
 * helper, and the project analysis keeps the resource only if the helper's lowering found it
 * holding something while it runs callbacks (`rules/src/interceptor-holds.ts`), taking that
 * resource's noun and acquire. Its open is the decorator, so findings point at slow work in
 * the method's body (and what it calls) with the decorator and the helper's acquire related.
 */
export function openInterceptions(ctx: TsUnitContext, node: ts.Node, cursor: Cursor): Cursor {
  if (!ts.isMethodDeclaration(node)) return cursor;
  const interceptions = ctx.facts.imports.modules?.interceptionsOf?.(node) ?? [];
  for (const interception of interceptions) {
    const decorator = `@${shortText(ctx.text(interception.decorator.expression))}`;
    const id = `intercepted:${ctx.unitId}:${interception.helper.file}#${interception.helper.unit}`;
    if (ctx.facts.heldResources.some((r) => r.id === id)) continue;
    const info: HeldResourceInfo = {
      id,
      unit: ctx.unitId,
      variable: decorator,
      noun: 'Resource',
      consequence: '',
      heldThrough: interception.helper,
      releasedAtEnd: `what \`${interception.helperCall}\` holds is released only after the method returns (it runs the method through \`${interception.interceptor}\`)`,
    };
    ctx.facts.heldResources.push(info);
    cursor = ctx.emit(cursor, {
      kind: 'open',
      resource: id,
      mode: 'lock',
      api: decorator,
      span: ctx.span(interception.decorator),
      label: `\`${decorator}\` runs this method through \`${interception.interceptor}\`, whose \`next.handle()\` runs inside \`${interception.helperCall}\``,
    });
  }
  return cursor;
}
