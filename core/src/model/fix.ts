import type { Span } from './span';

/**
 * How much a fix may be trusted (Ruff's model):
 * - `safe` keeps the program's meaning for this request;
 * - `unsafe` is probably what the user wants but changes behaviour;
 * - `display-only` is shown, never applied in bulk.
 */
export type Applicability = 'safe' | 'unsafe' | 'display-only';

/** Replace the text of `span` by `newText` (an insertion is an empty span). */
export interface TextEdit {
  readonly span: Span;
  readonly newText: string;
}

export interface Fix {
  readonly title: string;
  readonly applicability: Applicability;
  readonly edits: readonly TextEdit[];
  /**
   * Fixes with the same key are never applied in the same pass (Ruff's isolation levels): two
   * early closes in one function, where the first makes the second moot, the next analysis says.
   */
  readonly isolation?: string;
}
