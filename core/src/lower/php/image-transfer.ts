import type { SyntaxNode } from '../../parse/php';
import { NESTED_DECLARATIONS } from './unit-scope';
import { literalString } from './session-access';

/**
 * Whether a file sent to the client at `transfer` (`readfile()`, `fpassthru()`) goes out as an
 * image: the last `Content-Type` header the unit sets before it, in source order and written as
 * a literal, is `image/…` (`header('Content-Type: image/png'); readfile($thumbnail);`). An image
 * a page shows (a thumbnail, a generated chart, a waveform) is sent in the time the page takes
 * to load it anyway: the session is held for a short transfer, not a download the user waits
 * for, so the finding is `info`. A type the code computes, or any other type (an attachment, an
 * archive, a video), leaves the transfer a download.
 */
export function sentAsImage(unitNode: SyntaxNode, transfer: SyntaxNode): boolean {
  let last: { at: number; type: string } | undefined;
  const stack: SyntaxNode[] = [unitNode];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node !== unitNode && NESTED_DECLARATIONS.has(node.type)) continue;
    if (node.startIndex >= transfer.startIndex) continue;
    const type = contentTypeSet(node);
    if (type !== undefined && (!last || node.startIndex > last.at)) last = { at: node.startIndex, type };
    for (const child of node.namedChildren) if (child) stack.push(child);
  }
  return last !== undefined && last.type.startsWith('image/');
}

/** `header('Content-Type: image/png')`: the type it sets, lower-case; undefined for other calls. */
function contentTypeSet(node: SyntaxNode): string | undefined {
  if (node.type !== 'function_call_expression') return undefined;
  const name = node.childForFieldName('function')?.text.toLowerCase();
  if (name !== 'header' && name !== '\\header') return undefined;
  const argument = node.childForFieldName('arguments')?.namedChildren.find((c) => c?.type === 'argument')?.namedChild(0);
  if (!argument) return undefined;
  // `header("Content-Type: {$types[$ext]}")`, `header('Content-Type: ' . $type)`: a type the
  // code computes, not known to be an image.
  const text = literalString(argument) ?? leadingText(argument);
  if (text === undefined) return undefined;
  const computed = literalString(argument) === undefined;
  const colon = text.indexOf(':');
  if (colon < 0 || text.slice(0, colon).trim().toLowerCase() !== 'content-type') return undefined;
  return computed ? '' : text.slice(colon + 1).trim().toLowerCase();
}

/** The literal text a computed string starts with: `"Content-Type: {$t}"`, `'Content-Type: ' . $t`. */
export function leadingText(node: SyntaxNode): string | undefined {
  if (node.type === 'binary_expression') {
    const left = node.childForFieldName('left');
    return left ? (literalString(left) ?? leadingText(left)) : undefined;
  }
  if (node.type !== 'encapsed_string') return undefined;
  const first = node.namedChild(0);
  return first?.type === 'string_content' || first?.type === 'string_value' ? first.text : undefined;
}
