import type { SyntaxNode } from '../../parse/php';
import type { UnitContext } from './context';
import { NESTED_UNITS } from './unit-scope';
import { nativeCallOf } from './native-calls';

/**
 * Whether output sends data the unit read from a stream in chunks (`fread()`, `fgets()`: the
 * catalog's `chunk-read` APIs): `echo fread($fh, 8192);`, or `echo $line;` after `$line =
 * fgets($fh)`, directly or through local variables built from it (`$buffer .= $chunk`). Only
 * such output in a loop is a stream the client downloads; a loop that reads a log line by line
 * and echoes a status number it chose (`echo $value;` from a literal map) sends a few bytes.
 */
export function sendsReadData(ctx: UnitContext, node: SyntaxNode): boolean {
  const tainted = readDataVariables(ctx);
  return someNode(node, (n) => (n.type === 'variable_name' && tainted.has(n.text)) || isChunkRead(ctx, n));
}


/** Per unit: the local variables that hold data read in chunks, or data built from it. */
const byUnit = new WeakMap<SyntaxNode, ReadonlySet<string>>();

function readDataVariables(ctx: UnitContext): ReadonlySet<string> {
  const unit = ctx.unitNode;
  if (!unit) return new Set();
  const known = byUnit.get(unit);
  if (known) return known;
  // (variable, the expression it takes its value from) for every assignment and foreach binding.
  const flows: [string, SyntaxNode][] = [];
  const stack: SyntaxNode[] = [unit];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node !== unit && NESTED_UNITS.has(node.type)) continue;
    if (node.type === 'assignment_expression' || node.type === 'augmented_assignment_expression') {
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      if (left?.type === 'variable_name' && right) flows.push([left.text, right]);
    }
    if (node.type === 'foreach_statement') {
      const parts = node.namedChildren.filter((c): c is SyntaxNode => c !== null && c !== node.childForFieldName('body'));
      const subject = parts[0];
      if (subject) for (const bound of parts.slice(1)) for (const name of variablesIn(bound)) flows.push([name, subject]);
    }
    for (const child of node.namedChildren) if (child) stack.push(child);
  }
  const tainted = new Set<string>();
  let changed = true;
  while (changed) {
    changed = false;
    for (const [name, source] of flows) {
      if (tainted.has(name)) continue;
      if (someNode(source, (n) => (n.type === 'variable_name' && tainted.has(n.text)) || isChunkRead(ctx, n))) {
        tainted.add(name);
        changed = true;
      }
    }
  }
  byUnit.set(unit, tainted);
  return tainted;
}

function isChunkRead(ctx: UnitContext, node: SyntaxNode): boolean {
  return nativeCallOf(ctx, node)?.api?.effect === 'chunk-read';
}

function variablesIn(node: SyntaxNode): string[] {
  const names: string[] = [];
  someNode(node, (n) => {
    if (n.type === 'variable_name') names.push(n.text);
    return false;
  });
  return names;
}

/** Whether `test` holds for `node` or a node inside it (nested units not entered). */
function someNode(node: SyntaxNode, test: (node: SyntaxNode) => boolean): boolean {
  const stack = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (test(current)) return true;
    if (current !== node && NESTED_UNITS.has(current.type)) continue;
    for (const child of current.namedChildren) if (child) stack.push(child);
  }
  return false;
}
