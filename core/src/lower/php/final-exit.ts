import type { SyntaxNode } from '../../parse/php';
import type { Cursor } from '../../ir/cfg-builder';
import type { UnitContext } from './context';

/**
 * Ends the path at `exit`/`die` (`node`, the statement or the call). When that is the last
 * statement of its script or function (a page that ends with `exit;` once its work is sent),
 * the path first goes through a node marked `endsWork`: the request's work is done there, as
 * at the unit's normal end, which the question "is the lock held to where the request goes on
 * to its end?" needs (`rules/src/rules/regions.ts`). An `exit` earlier in the unit (an error
 * page, a redirect) ends the request before its work and stays unmarked.
 */
export function lowerExit(ctx: UnitContext, node: SyntaxNode, next: Cursor): Cursor {
  let into = next;
  if (isLastStatement(node)) {
    const done = ctx.builder.newNode();
    done.endsWork = true;
    ctx.builder.connect(next, done.id);
    into = [{ from: done.id }];
  }
  ctx.builder.connect(into, ctx.builder.terminate);
  return [];
}

/** `exit;` / `exit();` / `die(…);` written as the last statement of a script's top level or a function's body. */
function isLastStatement(node: SyntaxNode): boolean {
  const statement = node.parent?.type === 'expression_statement' ? node.parent : node;
  const block = statement.parent;
  if (!block || (block.type !== 'program' && !(block.type === 'compound_statement' && isUnitBody(block)))) return false;
  const statements = block.namedChildren.filter((c): c is SyntaxNode => c !== null && !TRAILING.has(c.type));
  return statements[statements.length - 1]?.id === statement.id;
}

/** What may follow a script's last statement without running anything. */
const TRAILING = new Set(['comment', 'text_interpolation', 'php_tag']);

function isUnitBody(block: SyntaxNode): boolean {
  const owner = block.parent?.type;
  return owner === 'function_definition' || owner === 'method_declaration' || owner === 'anonymous_function' || owner === 'anonymous_function_creation_expression';
}
