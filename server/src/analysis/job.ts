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
}
