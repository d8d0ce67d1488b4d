import type { PlainTree } from '../../../core/src';
import type { PhpText } from './php-file-results';

/** Nodes of the trees kept between the declarations and the lowering (about 100 MB). */
export const KEPT_TREE_NODES = 5_000_000;

/**
 * The trees parsed for the declarations, kept for the lowering so that each file is parsed
 * once. They are plain arrays (about 25 bytes a node), kept up to a budget of nodes; a file
 * past it is parsed again when lowered. Each is dropped once its file is lowered. Kept by
 * path, and used only for the same text.
 */
export class KeptTrees {
  private readonly trees = new Map<string, { readonly text: string; readonly tree: PlainTree }>();
  private nodes = 0;

  constructor(private readonly budget: number = KEPT_TREE_NODES) {}

  keep(file: PhpText, tree: PlainTree): void {
    if (this.nodes + tree.nodeCount > this.budget) return;
    this.drop(file.path);
    this.trees.set(file.path, { text: file.text, tree });
    this.nodes += tree.nodeCount;
  }

  /** The file's tree if it was kept for this text; no longer kept after this. */
  take(file: PhpText): PlainTree | undefined {
    const kept = this.trees.get(file.path);
    this.drop(file.path);
    return kept?.text === file.text ? kept.tree : undefined;
  }

  private drop(path: string): void {
    const kept = this.trees.get(path);
    if (!kept) return;
    this.trees.delete(path);
    this.nodes -= kept.tree.nodeCount;
  }
}
