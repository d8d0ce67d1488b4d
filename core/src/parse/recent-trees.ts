import { Edit, type Point, type Tree } from 'web-tree-sitter';
import { PlainTree, type CopyReuse } from './plain-tree';

/** How a `PlainTree` is made from a text, from scratch or from the previous tree of the same file. */
export interface TreeParsing {
  /** A new wasm tree for `text`; `previous` (already `edit()`ed to match) makes it incremental. */
  parse(text: string, previous?: Tree): Tree;
  /** A full parse with the repair of names read as numbers (`PhpParser.parseRepairingNames`). */
  parseRepairingNames(text: string): Tree;
}

/**
 * The latest syntax tree of the last few files parsed by path (the documents an editor is
 * changing), so that an edit re-parses incrementally from the previous tree (a few ms instead
 * of a full parse of a long file) and the same text asked again (the declarations, then the
 * fixes' edit sites) is parsed once. Only a language server keeps them: the CLI parses each
 * file once anyway.
 *
 * A tree with syntax errors is parsed again from scratch: tree-sitter's error recovery may
 * differ between an incremental and a full parse, and the analysis must not depend on
 * which one ran (an edit's findings are those of a fresh analysis of the same text).
 */
export class RecentTrees {
  /** By path, the least recently used first; each owns its wasm tree (freed on eviction). */
  private readonly files = new Map<string, { readonly text: string; readonly tree: Tree; readonly plain: PlainTree }>();

  constructor(
    private readonly parsing: TreeParsing,
    /** Files kept (the wasm trees are outside the garbage collector's view: a few at most). */
    private readonly limit: number,
  ) {}

  plain(path: string, text: string): PlainTree {
    const kept = this.files.get(path);
    if (kept) {
      this.files.delete(path); // re-inserted below: the map's order is the order of last use
      if (kept.text === text) {
        this.files.set(path, kept);
        return kept.plain;
      }
    }
    let tree: Tree;
    let reuse: CopyReuse | undefined;
    if (kept) {
      const edit = editBetween(kept.text, text);
      kept.tree.edit(edit);
      tree = this.parsing.parse(text, kept.tree);
      if (tree.rootNode.hasError || kept.plain.rootNode.hasError) {
        tree.delete();
        tree = this.parsing.parseRepairingNames(text);
      } else {
        // The statements the edit did not touch are copied from the previous copy.
        reuse = { previous: kept.plain, edit, changed: kept.tree.getChangedRanges(tree) };
      }
      kept.tree.delete();
    } else {
      tree = this.parsing.parseRepairingNames(text);
    }
    const plain = PlainTree.copy(tree, text, reuse);
    this.files.set(path, { text, tree, plain });
    while (this.files.size > this.limit) {
      const [oldest, entry] = this.files.entries().next().value!;
      entry.tree.delete();
      this.files.delete(oldest);
    }
    return plain;
  }

  /** Frees every kept tree. */
  clear(): void {
    for (const entry of this.files.values()) entry.tree.delete();
    this.files.clear();
  }
}

/** The one edit that turns `before` into `after`: the text between their common start and common end. */
export function editBetween(before: string, after: string): Edit {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let oldEnd = before.length;
  let newEnd = after.length;
  while (oldEnd > start && newEnd > start && before.charCodeAt(oldEnd - 1) === after.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  return new Edit({
    startIndex: start,
    oldEndIndex: oldEnd,
    newEndIndex: newEnd,
    startPosition: pointAt(before, start),
    oldEndPosition: pointAt(before, oldEnd),
    newEndPosition: pointAt(after, newEnd),
  });
}

/** Row and column (in UTF-16 code units, as web-tree-sitter counts them) of an offset. */
function pointAt(text: string, offset: number): Point {
  let row = 0;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
    row++;
    lineStart = at + 1;
  }
  return { row, column: offset - lineStart };
}
