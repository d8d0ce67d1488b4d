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
  readonly text: string;
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
  /** TypeScript/JavaScript: whether the file imports or requires one of these modules. */
  importsModule?(names: readonly string[]): boolean;
  /** Frees what the sites hold (the PHP syntax tree lives in wasm memory). */
  dispose(): void;
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
