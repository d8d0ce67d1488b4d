import type { Span } from '../model/span';
import type { NodeTransactionStatements } from '../catalog';
import type { MoveBeforeResult } from './ts-move-statement';
import type { ReacquireResult } from './ts-reacquire';

/**
 * Where code can be inserted or rewritten in one file, worked out from its syntax tree, for
 * the fix builders. Rules never see the tree: they say *what* (the span of an effect), and
 * this says *where* and *how it looks* (the statement around it, its indentation, the file's
 * comment and quoting style), in spans and strings only.
 */
export interface EditSites {
  readonly file: string;
  /** The whole text (a fix that reads a part of it asks `slice`, which a language server records). */
  readonly text: string;
  /** The text from `start` to `end`. */
  slice(start: number, end: number): string;
  /** The 1-based line of `offset`, counted by line feeds before it. */
  lineNumberAt(offset: number): number;
  /** Where the line of `offset` starts, and the spaces and tabs it starts with. */
  lineIndentAt(offset: number): { readonly lineStart: number; readonly indent: string };
  /** The file's line comment marker (`//`, or `#` where the file writes its comments so). */
  readonly lineComment: string;
  /** The file's string quote for new literals: `'` unless the file mostly writes `"`. */
  readonly quote: string;
  /** One level of indentation as the file writes it (a tab, or its smallest step of spaces). */
  readonly indentUnit: string;
  /**
   * The statement of a block (a `{ … }` body, the file's top level, an `if: … endif;` or a
   * `case`) that holds `span`, when it starts its own line: the place a statement can be
   * inserted before, or wrapped, without changing which code belongs to which branch.
   */
  statementAround(span: Span): StatementSite | undefined;
  /**
   * The statement when `span` is a call that stands alone as one (`session_start();`, also
   * `@session_start();`): its value is not used, so the statement can be wrapped.
   */
  callStatement(span: Span): StatementSite | undefined;
  /** The arguments of the call at `span`, when it is a plain function call. */
  callArguments(span: Span): CallArguments | undefined;
  /** Whether a comment can go on the line before the line of `offset` (that line starts in code). */
  lineStartsInCode(offset: number): boolean;
  /**
   * TypeScript/JavaScript: how the statement doing the slow work at `slow` (and at every span of
   * `alsoSlow`) can move right before the statement that acquires the resource at `acquire`,
   * or why it cannot (`ts-move-statement.ts`).
   */
  moveBefore?(slow: Span, acquire: Span, alsoSlow: readonly Span[]): MoveBeforeResult;
  /**
   * TypeScript/JavaScript: how the pooled client acquired at `acquire` can be released before the
   * statement doing the slow work at `slow` (and at every span of `alsoSlow`) and acquired again
   * after it, or why it cannot (`ts-reacquire.ts`). `releases`: where the code releases it; `transactions`: the catalog's
   * transaction statements, to tell whether the client is in a transaction there.
   */
  reacquireAround?(slow: Span, acquire: Span, alsoSlow: readonly Span[], releases: readonly Span[], transactions: readonly NodeTransactionStatements[]): ReacquireResult;
  /**
   * PHP: where new top-level declarations go (helpers a fix adds once per file): before the
   * first statement after the file's `declare`, `namespace …;` and `use` statements, above the
   * comments right over it; with the file's namespace (lower-case, `''` for none). Undefined
   * when the file has no such place (a braced `namespace { }`, HTML before the first statement).
   */
  topLevelInsertion?(): TopLevelInsertion | undefined;
  /** PHP: whether one of the file's top-level statements reads exactly `text` (line endings aside). */
  hasTopLevelStatement?(text: string): boolean;
  /**
   * PHP: whether code in `span` can leave it other than by running to its end: a `return`,
   * `exit`/`die`, `throw`, `goto`, `yield`, or a `break`/`continue` past the loops inside it
   * (code in functions and classes declared inside it does not count).
   */
  leavesEarly?(span: Span): boolean;
  /** PHP: whether a variable of this name (without `$`) appears in `span`. */
  namesVariable?(span: Span, name: string): boolean;
  /** TypeScript/JavaScript: whether the file imports or requires one of these modules. */
  importsModule?(names: readonly string[]): boolean;
  /** Frees what the sites hold (the PHP syntax tree lives in wasm memory). */
  dispose(): void;
}

export interface TopLevelInsertion {
  readonly offset: number;
  /** A blank line goes before the inserted text (the line above is code, not blank or `<?php`). */
  readonly blankBefore: boolean;
  /** The file's namespace, lower-case (`''`: the global one). */
  readonly namespace: string;
}

export interface StatementSite {
  readonly span: Span;
  /** The offset where the statement's line starts. */
  readonly lineStart: number;
  /** The whitespace before the statement on its line. */
  readonly indent: string;
  /** The block that holds the statement: statements with the same block run one after the other. */
  readonly block: Span;
  /**
   * The offset just past the line break that ends the statement's last line, when nothing but
   * spaces or a comment follows the statement on that line: where a statement can go after it.
   */
  readonly lineEnd?: number;
}

export interface CallArguments {
  /** The function's name as written (`session_start`, `\session_start`). */
  readonly name: string;
  /** Inside the parentheses: where a first argument goes when there is none. */
  readonly inside: Span;
  readonly arguments: readonly CallArgument[];
}

export interface CallArgument {
  readonly span: Span;
  /** A literal array (`[…]` or `array(…)`): its keys when all are literal strings, and where a new element goes. */
  readonly array?: {
    readonly keys: readonly string[] | undefined;
    /** Offset just after the last element (before a trailing comma, if any), or inside the empty brackets. */
    readonly appendAt: number;
    readonly empty: boolean;
  };
}
