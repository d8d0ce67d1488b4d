import type { SyntaxNode } from '../../parse/php';
import { calledName } from './literals';
import { NESTED_DECLARATIONS } from './unit-scope';

/** Calls that end the innermost output buffer and throw its content away or hand it back. */
const CAPTURE_ENDS = new Set(['ob_get_clean', 'ob_end_clean']);

/**
 * The statements of a block whose output is captured: those after an `ob_start()` written as a
 * statement and before the first later statement of the same block that ends the buffer with
 * `ob_get_clean()` or `ob_end_clean()` (`ob_start(); fpassthru($blob); $data =
 * hex2bin(ob_get_contents()); ob_end_clean();`). What they print or stream goes into the
 * buffer, which the code keeps or drops: nothing is sent to the client, so it is neither a
 * download that holds the session nor output that was sent before a later `session_start()`.
 * A buffer ended by `ob_end_flush()`/`ob_get_flush()`, or not ended in the block, sends its
 * content: its statements are not captured.
 */
export function capturedStatements(nodes: readonly SyntaxNode[]): ReadonlySet<SyntaxNode> {
  const captured = new Set<SyntaxNode>();
  for (let start = 0; start < nodes.length; start++) {
    if (!isStatementCall(nodes[start]!, 'ob_start')) continue;
    const end = nodes.findIndex((node, index) => index > start && callsAny(node, CAPTURE_ENDS));
    if (end < 0) continue;
    for (let index = start + 1; index < end; index++) captured.add(nodes[index]!);
    start = end;
  }
  return captured;
}

/** `ob_start();` (or `@ob_start();`), written as a statement of its own. */
function isStatementCall(node: SyntaxNode, name: string): boolean {
  if (node.type !== 'expression_statement') return false;
  let expression = node.namedChild(0);
  while (expression && (expression.type === 'unary_op_expression' || expression.type === 'error_suppression_expression')) expression = expression.namedChild(0);
  return expression !== null && calledName(expression) === name;
}

/** The statement calls one of `names`, outside the functions it declares. */
function callsAny(node: SyntaxNode, names: ReadonlySet<string>): boolean {
  const stack = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current !== node && NESTED_DECLARATIONS.has(current.type)) continue;
    const name = calledName(current);
    if (name !== undefined && names.has(name)) return true;
    for (const child of current.namedChildren) if (child) stack.push(child);
  }
  return false;
}
