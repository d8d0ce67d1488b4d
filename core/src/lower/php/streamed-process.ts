import type { SyntaxNode } from '../../parse/php';
import type { UnitContext } from './context';
import { argumentValue } from './calls';
import { nativeCallOf } from './native-calls';
import { sendsReadData } from './read-data';
import { NESTED_UNITS } from './unit-scope';

const LOOPS: ReadonlySet<string> = new Set(['while_statement', 'do_statement', 'for_statement']);

/**
 * Whether the script streams the output of the process `call` starts to the client as it
 * comes: a loop reads the process's handle in chunks (`fread($proc, 4096)`, `fgets($pipes[1])`),
 * sends what it reads (`echo`, or a function of this file that echoes it, given the data), and
 * the output is flushed as it goes (`flush()` or `ob_flush()` in the loop, or
 * `ob_implicit_flush()` in the unit). Relaying a program's output live is worth that effort
 * only when the output comes over time: the code itself says the program runs long, whatever
 * the program is (Pi-hole's `popen("sudo pihole -g")` streamed as server-sent events).
 */
export function streamsProcessOutput(ctx: UnitContext, call: SyntaxNode, args: readonly SyntaxNode[]): boolean {
  const unit = ctx.unitNode;
  if (!unit) return false;
  const handles = handlesOf(call, args);
  if (handles.size === 0) return false;
  const implicitFlush = someIn(unit, (n) => isImplicitFlushOn(ctx, n));
  return someIn(unit, (loop) => {
    if (!LOOPS.has(loop.type)) return false;
    if (!someIn(loop, (n) => readsHandle(ctx, n, handles))) return false;
    if (!someIn(loop, (n) => sendsToClient(ctx, n))) return false;
    return implicitFlush || someIn(loop, (n) => isFlush(ctx, n) || flushesInFunction(ctx, n));
  });
}

/** `$proc = popen(…)`: `$proc`; `proc_open($cmd, $spec, $pipes)`: `$pipes` (read as `$pipes[1]`). */
function handlesOf(call: SyntaxNode, args: readonly SyntaxNode[]): Set<string> {
  const handles = new Set<string>();
  let outer = call;
  while (outer.parent?.type === 'parenthesized_expression') outer = outer.parent;
  const assignment = outer.parent;
  if (assignment?.type === 'assignment_expression' && sameNode(assignment.childForFieldName('right'), outer)) {
    const left = assignment.childForFieldName('left');
    if (left?.type === 'variable_name') handles.add(left.text);
  }
  for (const arg of args.slice(1)) {
    const value = argumentValue(arg);
    if (value?.type === 'variable_name') handles.add(value.text);
  }
  return handles;
}

/** A chunk read (`fread()`, `fgets()`) of one of the handles, or of an element of one. */
function readsHandle(ctx: UnitContext, node: SyntaxNode, handles: ReadonlySet<string>): boolean {
  if (nativeCallOf(ctx, node)?.api?.effect !== 'chunk-read') return false;
  const first = node.childForFieldName('arguments')?.namedChildren.find((c) => c?.type === 'argument');
  let value = first ? argumentValue(first) : undefined;
  while (value?.type === 'subscript_expression') value = value.namedChild(0) ?? undefined;
  return value?.type === 'variable_name' && handles.has(value.text);
}

/** `echo` of data read in chunks, or such data given to a function of this file that echoes. */
function sendsToClient(ctx: UnitContext, node: SyntaxNode): boolean {
  if (node.type === 'echo_statement' || node.type === 'print_intrinsic') return sendsReadData(ctx, node);
  if (node.type !== 'function_call_expression') return false;
  const args = node.childForFieldName('arguments')?.namedChildren.filter((c): c is SyntaxNode => c !== null) ?? [];
  if (!args.some((arg) => sendsReadData(ctx, arg))) return false;
  const body = sameFileFunction(node)?.childForFieldName('body');
  return body !== undefined && body !== null && someIn(body, (n) => n.type === 'echo_statement' || n.type === 'print_intrinsic');
}

/** `flush()`, `ob_flush()`: output sent now (`ob_implicit_flush()` only switches a mode). */
function isFlush(ctx: UnitContext, node: SyntaxNode): boolean {
  const native = nativeCallOf(ctx, node);
  return native?.api?.effect === 'output' && native.api.flush === true && native.name !== 'ob_implicit_flush';
}

/** A call of a function of this file that flushes (the loop's `echoEvent()` may flush itself). */
function flushesInFunction(ctx: UnitContext, node: SyntaxNode): boolean {
  if (node.type !== 'function_call_expression') return false;
  const body = sameFileFunction(node)?.childForFieldName('body');
  return body !== undefined && body !== null && someIn(body, (n) => isFlush(ctx, n));
}

/** `ob_implicit_flush()` or `ob_implicit_flush(true)`: every output is flushed at once. */
function isImplicitFlushOn(ctx: UnitContext, node: SyntaxNode): boolean {
  if (nativeCallOf(ctx, node)?.name !== 'ob_implicit_flush') return false;
  const first = node.childForFieldName('arguments')?.namedChildren.find((c) => c?.type === 'argument');
  const value = first ? argumentValue(first) : undefined;
  return value === undefined || !['false', '0'].includes(value.text.toLowerCase());
}

/** The declaration of a plain function call's function in the same file, if there is one. */
function sameFileFunction(call: SyntaxNode): SyntaxNode | undefined {
  const written = call.childForFieldName('function');
  if (written?.type !== 'name') return undefined;
  let root: SyntaxNode = call;
  while (root.parent) root = root.parent;
  const name = written.text.toLowerCase();
  let found: SyntaxNode | undefined;
  someIn(root, (n) => {
    if (n.type === 'function_definition' && n.childForFieldName('name')?.text.toLowerCase() === name) found = n;
    return found !== undefined;
  }, true);
  return found;
}

/** Whether `test` holds for `node` or a node inside it; nested units are entered only when asked. */
function someIn(node: SyntaxNode, test: (node: SyntaxNode) => boolean, enterUnits = false): boolean {
  const stack = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (test(current)) return true;
    if (!enterUnits && current !== node && NESTED_UNITS.has(current.type)) continue;
    for (const child of current.namedChildren) if (child) stack.push(child);
  }
  return false;
}

function sameNode(a: SyntaxNode | null, b: SyntaxNode): boolean {
  return a !== null && a.type === b.type && a.startIndex === b.startIndex && a.endIndex === b.endIndex;
}
