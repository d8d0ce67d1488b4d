import * as ts from 'typescript';
import type { Cursor } from '../../ir/cfg-builder';
import type { Span } from '../../model/span';
import type { TsUnitContext } from './context';

/**
 * `using` and `await using` declarations (TS 5.2+, neo4j-driver ≥ 5 sessions, MongoDB ≥ 6.9
 * `startSession()`): what they hold is disposed at every exit of the enclosing block, as if
 * the rest of the block were a `try` whose `finally` releases it. The statement lowering
 * pushes a `finally` frame whose body is a marker block (never lowered as statements), so
 * `return`, `break`, `continue` and exceptions copy the disposal exactly as they copy a
 * `finally` block; the block copier asks `disposalOf()` first.
 */

interface Disposal {
  /** Resource ids and how messages name them, in declaration order (disposed in reverse). */
  readonly resources: readonly { readonly id: string; readonly variable: string }[];
  readonly keyword: string;
  /** The enclosing block's closing brace (or the declaration, at a module's top level). */
  readonly span: Span;
}

/** Marker blocks, one per `using` statement that holds something. */
const disposals = new WeakMap<ts.Block, Disposal>();

export function isUsingDeclaration(node: ts.Statement): node is ts.VariableStatement {
  return ts.isVariableStatement(node) && (node.declarationList.flags & ts.NodeFlags.Using) !== 0;
}

/**
 * The marker block standing for the disposal of what `statement` declared, or undefined when
 * none of its variables holds a resource (call after its declarations were lowered).
 */
export function disposalMarker(ctx: TsUnitContext, statement: ts.VariableStatement): ts.Block | undefined {
  const resources: { id: string; variable: string }[] = [];
  for (const declaration of statement.declarationList.declarations) {
    if (!ts.isIdentifier(declaration.name)) continue;
    const held = ctx.held.get(declaration.name.text);
    if (held) resources.push({ id: held.info.id, variable: held.info.variable });
  }
  if (resources.length === 0) return undefined;
  const awaited = (statement.declarationList.flags & ts.NodeFlags.AwaitUsing) === ts.NodeFlags.AwaitUsing;
  const parent = statement.parent;
  const span: Span = ts.isBlock(parent) ? { file: ctx.facts.file, start: parent.getEnd() - 1, end: parent.getEnd() } : ctx.span(statement);
  const marker = ts.factory.createBlock([]);
  disposals.set(marker, { resources, keyword: awaited ? 'await using' : 'using', span });
  return marker;
}

/** The disposal `body` stands for, if it is a marker block. */
export function isDisposalMarker(body: ts.Block): boolean {
  return disposals.has(body);
}

/** Releases what the marker's `using` declared, last declared first. */
export function lowerDisposal(ctx: TsUnitContext, marker: ts.Block, cursor: Cursor): Cursor {
  const disposal = disposals.get(marker);
  if (!disposal) return cursor;
  let next = cursor;
  for (const resource of [...disposal.resources].reverse()) {
    next = ctx.emit(next, {
      kind: 'close',
      resource: resource.id,
      how: 'write',
      api: disposal.keyword,
      span: disposal.span,
      label: `\`${resource.variable}\` is disposed here, at the end of its block (\`${disposal.keyword}\`)`,
    });
  }
  return next;
}
