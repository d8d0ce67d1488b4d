import type { AnalyzerOptions } from '../../../rules/src/api';
import type { Applicability, Severity } from '../../../core/src';
import type { Range } from 'vscode-languageserver-textdocument';

/**
 * What crosses the worker boundary: plain data only (structured clone), already in editor
 * coordinates, so the connection thread never needs the texts the analysis read.
 */
export interface AnalysisJob {
  /** The project's folder (absolute): paths below are relative to it, as the CLI's are to its working directory. */
  readonly root: string;
  /** The files analysed together and reported on (the open documents), with the editor's texts. */
  readonly files: readonly { readonly path: string; readonly text: string }[];
  /** Texts the editor holds for files that are read only when something includes them. */
  readonly overlays: readonly { readonly path: string; readonly text: string }[];
  readonly options: AnalyzerOptions;
  readonly maxFileSize: number;
  /**
   * Set for a workspace folder: the project is every file of the folder the CLI would check
   * there (`files` and `overlays` are the editor's texts over them), and findings are reported
   * for all of them. Unset: `files` alone are the project (a file outside every folder).
   */
  readonly workspace?: WorkspaceScope;
}

/** Which files of a workspace folder are the project, as the CLI's options and `session-lint.json` say. */
export interface WorkspaceScope {
  /** `.gitignore` files honoured (the CLI's default; `--no-ignore` turns it off). */
  readonly respectIgnoreFiles: boolean;
  readonly includeVendor: boolean;
  readonly includeTests: boolean;
  readonly includeGenerated: boolean;
  /** The configuration's `ignore` globs, relative to `configRoot`. */
  readonly ignoreGlobs: readonly string[];
  /** The configuration's folder, relative to the project's folder. */
  readonly configRoot: string;
  /**
   * Files changed on disk (root-relative paths) since the worker last read them, from the
   * client's file watcher; `rescan`: files were created or deleted, so the folder is walked again.
   */
  readonly changed: readonly string[];
  readonly rescan: boolean;
  /**
   * `open`: findings only in `files` (the open documents), the rest of the folder taking part
   * as context (its declarations, includes and calls): what typing needs, and cheaper, as the
   * rules run on the open files only. `all`: findings in every file (`workspace/diagnostic`).
   */
  readonly report: 'open' | 'all';
}

/** How far a workspace analysis is: PHP files declared and lowered (each counts twice), of `total`. */
export interface AnalysisProgress {
  readonly done: number;
  readonly total: number;
}

export interface PositionedEdit {
  readonly path: string;
  readonly range: Range;
  readonly newText: string;
}

export interface PositionedFix {
  readonly title: string;
  readonly applicability: Applicability;
  readonly edits: readonly PositionedEdit[];
  readonly isolation?: string;
}

export interface PositionedFinding {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly path: string;
  readonly range: Range;
  readonly related: readonly { readonly path: string; readonly range: Range; readonly message: string }[];
  readonly fixes: readonly PositionedFix[];
}

export interface PositionedError {
  readonly path: string;
  readonly range?: Range;
  readonly message: string;
  readonly internal: boolean;
}

export interface AnalysisOutcome {
  readonly findings: readonly PositionedFinding[];
  readonly errors: readonly PositionedError[];
  readonly summaryNotes: readonly string[];
  readonly elapsedMs: number;
  /** How much was computed: PHP files parsed; `reused`: the whole result came from the cache (nothing parsed or analysed). */
  readonly stats?: { readonly filesParsed: number; readonly reused: boolean };
}
