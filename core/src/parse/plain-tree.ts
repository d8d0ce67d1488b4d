import type { Language, Range, Tree } from 'web-tree-sitter';

/**
 * The part of a syntax node's API the analysis reads: a `PlainNode` (what the analysis
 * walks) and web-tree-sitter's own `Node` (what the fixes and the editor read) both have it.
 */
export interface SyntaxNode {
  readonly id: number;
  readonly type: string;
  readonly text: string;
  readonly startIndex: number;
  readonly endIndex: number;
  readonly isNamed: boolean;
  readonly isMissing: boolean;
  readonly hasError: boolean;
  readonly parent: SyntaxNode | null;
  readonly children: readonly (SyntaxNode | null)[];
  readonly namedChildren: readonly (SyntaxNode | null)[];
  readonly childCount: number;
  readonly namedChildCount: number;
  readonly previousNamedSibling: SyntaxNode | null;
  child(index: number): SyntaxNode | null;
  namedChild(index: number): SyntaxNode | null;
  childForFieldName(name: string): SyntaxNode | null;
  childrenForFieldName(name: string): readonly (SyntaxNode | null)[];
  descendantsOfType(types: string | string[]): readonly (SyntaxNode | null)[];
}

/** `PlainTree.typeIdMask`'s predicates, by the language's type names (one array per grammar) and list of names. */
const typeIdMasks = new WeakMap<readonly string[], Map<string, (typeId: number) => boolean>>();

/**
 * A syntax tree copied out of tree-sitter's wasm memory into plain typed arrays, with one
 * walk of a `TreeCursor`. Every read of a web-tree-sitter `Node` crosses into wasm and
 * allocates (`namedChildren` builds a new array of new objects on each call, `type` and
 * `endIndex` are calls), and the declarations and the lowering read each node many times
 * over; here a read is an array access. The wasm tree is freed as soon as it is copied.
 *
 * Nodes are numbered in pre-order, so a node's subtree is the range `[i, subtreeEnd[i])`
 * and its first child, if any, is `i + 1`. About 25 bytes per node.
 */
export class PlainTree {
  private readonly fieldIdsByName = new Map<string, number>();
  private readonly childArrays = new Map<number, Int32Array>();
  /**
   * The copy this one was made from (`copy`'s `reuse`), until the first `takeEarlier()`: what
   * was computed on that tree may be reused for this one (the declarations walk's statements).
   * Only one level: the earlier copy's own link is cut when this one is made.
   */
  private earlier: PlainTree | undefined;

  private constructor(
    readonly text: string,
    private readonly typeNames: readonly string[],
    private readonly fieldNames: readonly (string | null)[],
    readonly typeIds: Uint16Array,
    readonly starts: Uint32Array,
    readonly ends: Uint32Array,
    readonly parents: Int32Array,
    readonly subtreeEnds: Uint32Array,
    /** The previous sibling of each node, or -1 (a walk back over siblings would be quadratic in a long file's top level). */
    readonly previousSiblings: Int32Array,
    readonly fieldIds: Uint16Array,
    readonly flags: Uint8Array,
  ) {
  }

  get rootNode(): PlainNode {
    return this.node(0)!;
  }

  /**
   * Copies `tree` (whose text is `text`); the caller still owns and deletes `tree`. With
   * `reuse` (the copy of the tree it was re-parsed from, the edit, and tree-sitter's changed
   * ranges), a top-level statement away from the edit and from every changed range is copied
   * from the previous copy's arrays (shifted) instead of walked again through wasm: typing in
   * one function of a long file walks that function only.
   */
  static copy(tree: Tree, text: string, reuse?: CopyReuse): PlainTree {
    const language: Language = tree.language;
    // A re-parse after a small edit has about as many nodes as the tree before: sized for it
    // (and a little more), the columns are not grown by doubling eight times over.
    let capacity = reuse ? Math.max(1024, reuse.previous.nodeCount + 256) : 1024;
    let typeIds = new Uint16Array(capacity);
    let starts = new Uint32Array(capacity);
    let ends = new Uint32Array(capacity);
    let parents = new Int32Array(capacity);
    let subtreeEnds = new Uint32Array(capacity);
    let previousSiblings = new Int32Array(capacity);
    let fieldIds = new Uint16Array(capacity);
    let flags = new Uint8Array(capacity);
    let count = 0;
    // Whether a type is named, asked once per type rather than once per node (each cursor read
    // crosses into wasm): a node is named exactly when its type is (tree-sitter keeps it per symbol).
    const namedByType: (boolean | undefined)[] = [];
    const cursor = tree.walk();
    try {
      // The open nodes from the root down to the current one (indices), and the last child
      // met so far at each of their levels.
      const path: number[] = [];
      const lastChild: number[] = [-1];
      // Doubles every column until `needed` nodes fit (one node, or a reused statement's subtree).
      const ensureCapacity = (needed: number): void => {
        while (needed > capacity) {
          capacity *= 2;
          typeIds = grow(typeIds, new Uint16Array(capacity));
          starts = grow(starts, new Uint32Array(capacity));
          ends = grow(ends, new Uint32Array(capacity));
          parents = grow(parents, new Int32Array(capacity));
          subtreeEnds = grow(subtreeEnds, new Uint32Array(capacity));
          previousSiblings = grow(previousSiblings, new Int32Array(capacity));
          fieldIds = grow(fieldIds, new Uint16Array(capacity));
          flags = grow(flags, new Uint8Array(capacity));
        }
      };
      for (;;) {
        if (count === capacity) ensureCapacity(count + 1);
        const index = count++;
        const start = cursor.startIndex;
        const end = cursor.endIndex;
        const typeId = cursor.nodeTypeId;
        typeIds[index] = typeId;
        starts[index] = start;
        ends[index] = end;
        parents[index] = path.length > 0 ? path[path.length - 1]! : -1;
        previousSiblings[index] = lastChild[path.length]!;
        lastChild[path.length] = index;
        fieldIds[index] = path.length > 0 ? cursor.currentFieldId : 0;
        let flag = namedType(language, namedByType, typeId) ? NAMED : 0;
        // Only the parser's inserted tokens are missing, and they are empty.
        if (start === end && cursor.nodeIsMissing) flag |= MISSING | HAS_ERROR;
        if (typeId === ERROR_SYMBOL) flag |= HAS_ERROR;
        flags[index] = flag;
        const kept = path.length === 1 && reuse ? reusableStatement(reuse, typeId, start, end) : -1;
        if (kept !== -1) {
          // The statement's subtree as the previous copy has it: indices and offsets shifted.
          const old = reuse!.previous;
          const size = old.subtreeEnds[kept]! - kept;
          ensureCapacity(count + size);
          const indexShift = index - kept;
          const shift = start - old.starts[kept]!;
          flags[index] = old.flags[kept]!;
          // The columns that hold no offset or index are copied as blocks; the others shifted.
          typeIds.set(old.typeIds.subarray(kept + 1, kept + size), index + 1);
          fieldIds.set(old.fieldIds.subarray(kept + 1, kept + size), index + 1);
          flags.set(old.flags.subarray(kept + 1, kept + size), index + 1);
          // A statement before the edit has moved neither its offsets nor its indices, one after
          // it (with as many nodes before it as there were) only its offsets: what did not move
          // is copied as a block too.
          if (shift === 0) {
            starts.set(old.starts.subarray(kept + 1, kept + size), index + 1);
            ends.set(old.ends.subarray(kept + 1, kept + size), index + 1);
          } else {
            for (let from = kept + 1, to = index + 1; from < kept + size; from++, to++) {
              starts[to] = old.starts[from]! + shift;
              ends[to] = old.ends[from]! + shift;
            }
          }
          if (indexShift === 0) {
            parents.set(old.parents.subarray(kept + 1, kept + size), index + 1);
            subtreeEnds.set(old.subtreeEnds.subarray(kept + 1, kept + size), index + 1);
            previousSiblings.set(old.previousSiblings.subarray(kept + 1, kept + size), index + 1);
          } else {
            for (let from = kept + 1, to = index + 1; from < kept + size; from++, to++) {
              parents[to] = old.parents[from]! + indexShift;
              subtreeEnds[to] = old.subtreeEnds[from]! + indexShift;
              const previous = old.previousSiblings[from]!;
              previousSiblings[to] = previous === -1 ? -1 : previous + indexShift;
            }
          }
          count = index + size;
        } else if (cursor.gotoFirstChild()) {
          path.push(index);
          lastChild[path.length] = -1;
          continue;
        }
        subtreeEnds[index] = count;
        // Close every node whose last child this was, passing errors up.
        let moved = cursor.gotoNextSibling();
        while (!moved && path.length > 0) {
          const closed = path.pop()!;
          subtreeEnds[closed] = count;
          if (!cursor.gotoParent()) break;
          moved = cursor.gotoNextSibling();
        }
        if (!moved) break;
      }
    } finally {
      cursor.delete();
    }
    // A node has an error when it is one, is missing, or a descendant is (children come after
    // their parent in pre-order, so a backward pass sees every child before its parent).
    for (let i = count - 1; i > 0; i--) if (flags[i]! & HAS_ERROR) flags[parents[i]!]! |= HAS_ERROR;
    const copied = new PlainTree(
      text,
      language.types,
      language.fields,
      typeIds.slice(0, count),
      starts.slice(0, count),
      ends.slice(0, count),
      parents.slice(0, count),
      subtreeEnds.slice(0, count),
      previousSiblings.slice(0, count),
      fieldIds.slice(0, count),
      flags.slice(0, count),
    );
    if (reuse) {
      reuse.previous.earlier = undefined;
      copied.earlier = reuse.previous;
    }
    return copied;
  }

  /** The copy this tree was re-parsed from, once (see `earlier`); undefined for a fresh parse. */
  takeEarlier(): PlainTree | undefined {
    const earlier = this.earlier;
    this.earlier = undefined;
    return earlier;
  }

  get nodeCount(): number {
    return this.typeIds.length;
  }

  /**
   * A node object for an index: a new one each time, as web-tree-sitter's (two fields, and
   * garbage at once; keeping one per node cost more memory than it saved time).
   */
  node(index: number): PlainNode | null {
    if (index < 0 || index >= this.typeIds.length) return null;
    return new PlainNode(this, index);
  }

  isNamedAt(index: number): boolean {
    return (this.flags[index]! & NAMED) !== 0;
  }

  typeName(index: number): string {
    return this.typeNames[this.typeIds[index]!] ?? 'ERROR';
  }

  /**
   * Whether a type id is one of `wanted` (by name, as `typeName` names it: an unknown id is
   * `ERROR`). Made once per language and list of names: the scans of small subtrees (a
   * function's body) ask for the same few lists thousands of times.
   */
  typeIdMask(wanted: readonly string[]): (typeId: number) => boolean {
    let ofLanguage = typeIdMasks.get(this.typeNames);
    if (!ofLanguage) {
      ofLanguage = new Map();
      typeIdMasks.set(this.typeNames, ofLanguage);
    }
    const key = wanted.join('\n');
    let isWanted = ofLanguage.get(key);
    if (!isWanted) {
      const mask = new Uint8Array(this.typeNames.length);
      for (let id = 0; id < mask.length; id++) mask[id] = wanted.includes(this.typeNames[id] ?? 'ERROR') ? 1 : 0;
      const unknown = wanted.includes('ERROR');
      isWanted = (typeId) => (typeId < mask.length ? mask[typeId] === 1 : unknown);
      ofLanguage.set(key, isWanted);
    }
    return isWanted;
  }

  fieldId(name: string): number {
    let id = this.fieldIdsByName.get(name);
    if (id === undefined) {
      id = this.fieldNames.indexOf(name);
      if (id <= 0) id = -1;
      this.fieldIdsByName.set(name, id);
    }
    return id;
  }

  /**
   * The smallest node (named or not) that spans `start`..`end`, as web-tree-sitter's
   * `descendantForIndex`: from the root down, into the first child that reaches past both ends
   * (siblings end in order: a binary search), if it starts at `start` or before it.
   */
  descendantForIndex(start: number, end: number = start): number {
    const reach = Math.max(end, start + 1);
    let node = 0;
    for (;;) {
      const children = this.childrenOf(node);
      let low = 0;
      let high = children.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (this.ends[children[middle]!]! < reach) low = middle + 1;
        else high = middle;
      }
      const child = children[low];
      if (child === undefined || start < this.starts[child]!) return node;
      node = child;
    }
  }

  /** The root's children (top-level statements), in order. */
  rootChildren(): Int32Array {
    return this.childrenOf(0);
  }

  /** The children of `index`, kept for the nodes asked about (a long file's top level has thousands). */
  private childrenOf(index: number): Int32Array {
    let children = this.childArrays.get(index);
    if (!children) {
      children = Int32Array.from(this.childIndices(index));
      this.childArrays.set(index, children);
    }
    return children;
  }

  /** The index of each child of `index`, in order. */
  childIndices(index: number): number[] {
    const children: number[] = [];
    const end = this.subtreeEnds[index]!;
    for (let child = index + 1; child < end; child = this.subtreeEnds[child]!) children.push(child);
    return children;
  }
}

const NAMED = 1;
const MISSING = 2;
const HAS_ERROR = 4;
/** tree-sitter's symbol for ERROR nodes. */
const ERROR_SYMBOL = 65535;

/** Whether nodes of `typeId` are named (ERROR nodes are), remembered in `known`. */
function namedType(language: Language, known: (boolean | undefined)[], typeId: number): boolean {
  let named = known[typeId];
  if (named === undefined) known[typeId] = named = typeId === ERROR_SYMBOL || language.nodeTypeIsNamed(typeId);
  return named;
}

function grow<T extends Uint8Array | Uint16Array | Uint32Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** What an incremental copy may take from the copy of the tree an edited text was re-parsed from. */
export interface CopyReuse {
  readonly previous: PlainTree;
  /** The edit between the two texts (offsets in the text before, and after). */
  readonly edit: { readonly startIndex: number; readonly oldEndIndex: number; readonly newEndIndex: number };
  /** tree-sitter's ranges (in the new text) whose syntax changed. */
  readonly changed: readonly Range[];
}

/**
 * The previous copy's top-level statement that a new one (type, span in the new text) is, when
 * it lies wholly before or after the edit and outside every changed range; else -1.
 */
function reusableStatement(reuse: CopyReuse, typeId: number, start: number, end: number): number {
  const { previous, edit, changed } = reuse;
  let shift: number;
  if (end < edit.startIndex) shift = 0;
  else if (start > edit.newEndIndex) shift = edit.newEndIndex - edit.oldEndIndex;
  else return -1;
  for (const range of changed) if (range.startIndex <= end && start <= range.endIndex) return -1;
  const oldStart = start - shift;
  const oldEnd = end - shift;
  // The root's children, in order: a binary search by start.
  const children = previous.rootChildren();
  let low = 0;
  let high = children.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (previous.starts[children[middle]!]! < oldStart) low = middle + 1;
    else high = middle;
  }
  for (let at = low; at < children.length && previous.starts[children[at]!]! === oldStart; at++) {
    const child = children[at]!;
    if (previous.ends[child] === oldEnd && previous.typeIds[child] === typeId) return child;
  }
  return -1;
}

/** One node of a `PlainTree`, with the part of web-tree-sitter's `Node` API the analysis reads. */
export class PlainNode implements SyntaxNode {
  constructor(
    private readonly tree: PlainTree,
    readonly id: number,
  ) {}

  /** The tree this node is part of. */
  get plainTree(): PlainTree {
    return this.tree;
  }

  get type(): string {
    return this.tree.typeName(this.id);
  }
  get startIndex(): number {
    return this.tree.starts[this.id]!;
  }
  get endIndex(): number {
    return this.tree.ends[this.id]!;
  }
  get text(): string {
    return this.tree.text.slice(this.tree.starts[this.id]!, this.tree.ends[this.id]!);
  }
  get isNamed(): boolean {
    return (this.tree.flags[this.id]! & NAMED) !== 0;
  }
  get isMissing(): boolean {
    return (this.tree.flags[this.id]! & MISSING) !== 0;
  }
  get hasError(): boolean {
    return (this.tree.flags[this.id]! & HAS_ERROR) !== 0;
  }
  get parent(): PlainNode | null {
    return this.tree.node(this.tree.parents[this.id]!);
  }
  // The child reads walk the sibling links (`subtreeEnds`) and make node objects only for what
  // they return: the lowering reads children millions of times, and the garbage of arrays of
  // every child made to count or index them was a large part of its time.
  get children(): PlainNode[] {
    return this.childrenWhere(() => true);
  }
  get namedChildren(): PlainNode[] {
    return this.childrenWhere((child) => (this.tree.flags[child]! & NAMED) !== 0);
  }
  get childCount(): number {
    return this.countWhere(() => true);
  }
  get namedChildCount(): number {
    return this.countWhere((child) => (this.tree.flags[child]! & NAMED) !== 0);
  }
  child(index: number): PlainNode | null {
    return this.tree.node(this.nthWhere(index, () => true));
  }
  namedChild(index: number): PlainNode | null {
    return this.tree.node(this.nthWhere(index, (child) => (this.tree.flags[child]! & NAMED) !== 0));
  }
  childForFieldName(name: string): PlainNode | null {
    const field = this.tree.fieldId(name);
    if (field === -1) return null;
    return this.tree.node(this.nthWhere(0, (child) => this.tree.fieldIds[child] === field));
  }
  childrenForFieldName(name: string): PlainNode[] {
    const field = this.tree.fieldId(name);
    return field === -1 ? [] : this.childrenWhere((child) => this.tree.fieldIds[child] === field);
  }
  private childrenWhere(wanted: (child: number) => boolean): PlainNode[] {
    const found: PlainNode[] = [];
    const end = this.tree.subtreeEnds[this.id]!;
    for (let child = this.id + 1; child < end; child = this.tree.subtreeEnds[child]!) if (wanted(child)) found.push(new PlainNode(this.tree, child));
    return found;
  }
  private countWhere(wanted: (child: number) => boolean): number {
    let count = 0;
    const end = this.tree.subtreeEnds[this.id]!;
    for (let child = this.id + 1; child < end; child = this.tree.subtreeEnds[child]!) if (wanted(child)) count++;
    return count;
  }
  /** The index of the `n`th child that is `wanted`, or -1. */
  private nthWhere(n: number, wanted: (child: number) => boolean): number {
    if (n < 0) return -1;
    const end = this.tree.subtreeEnds[this.id]!;
    for (let child = this.id + 1; child < end; child = this.tree.subtreeEnds[child]!) if (wanted(child) && n-- === 0) return child;
    return -1;
  }
  get previousNamedSibling(): PlainNode | null {
    let index = this.tree.previousSiblings[this.id]!;
    while (index !== -1 && (this.tree.flags[index]! & NAMED) === 0) index = this.tree.previousSiblings[index]!;
    return this.tree.node(index);
  }
  /** This node and its descendants of the given types, in source order (as tree-sitter's). */
  descendantsOfType(types: string | string[]): PlainNode[] {
    const wanted = typeof types === 'string' ? [types] : types;
    const found: PlainNode[] = [];
    const end = this.tree.subtreeEnds[this.id]!;
    // Which type ids are wanted, decided once per id rather than by name for every node: a
    // whole file's scan (the shipped defaults' assignments, on every edit) is a loop over ids.
    const isWanted = this.tree.typeIdMask(wanted);
    const typeIds = this.tree.typeIds;
    for (let index = this.id; index < end; index++) {
      if (isWanted(typeIds[index]!)) found.push(this.tree.node(index)!);
    }
    return found;
  }
}
