import {
  CodeActionKind,
  TextDocumentEdit,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { applyFixesOnce } from '../../core/src/fix/apply';
import type { Fix } from '../../core/src/model/fix';
import { isDiagnosticData, SOURCE, type DataFix } from './diagnostics';

/** The kind `editor.codeActionsOnSave` asks for: every safe fix that does not overlap another. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.sessionLint`;
export const SHOW_DOCUMENTATION_COMMAND = 'sessionLint.showDocumentation';

/**
 * Quick fixes for the diagnostics the client sends back: the fixes travel in each
 * diagnostic's `data`, so nothing is looked up, and a diagnostic computed for another
 * version of the document offers nothing (its edits would land in the wrong place).
 */
export function quickFixes(params: CodeActionParams, document: TextDocument, versionOf: (uri: string) => number | undefined): CodeAction[] {
  const actions: CodeAction[] = [];
  const documented = new Set<string>();
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== SOURCE || !isDiagnosticData(diagnostic.data)) continue;
    const data = diagnostic.data;
    if (data.uri !== document.uri || data.version !== document.version) continue;
    for (const fix of data.fixes) {
      actions.push({
        title: `Session Lint (${data.rule}): ${fix.title}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.applicability === 'safe',
        edit: workspaceEdit(fix.changes, versionOf),
      });
    }
    if (!documented.has(data.rule) && typeof diagnostic.codeDescription?.href === 'string') {
      documented.add(data.rule);
      actions.push({
        title: `Session Lint: show documentation for ${data.rule}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: { title: `Show documentation for ${data.rule}`, command: SHOW_DOCUMENTATION_COMMAND, arguments: [diagnostic.codeDescription.href] },
      });
    }
  }
  return actions;
}

/**
 * `source.fixAll.sessionLint`: the safe fixes of a document's diagnostics, taken as the CLI's
 * `--fix` takes them in one pass (in order, none overlapping one already taken, one per
 * isolation key), and only those whose edits all stay in this document.
 */
export function fixAllAction(document: TextDocument, diagnostics: readonly Diagnostic[], versionOf: (uri: string) => number | undefined): CodeAction | undefined {
  const fixes: Fix[] = [];
  for (const diagnostic of diagnostics) {
    if (!isDiagnosticData(diagnostic.data) || diagnostic.data.version !== document.version) continue;
    for (const fix of diagnostic.data.fixes) {
      const uris = Object.keys(fix.changes);
      if (fix.applicability !== 'safe' || uris.length !== 1 || uris[0] !== document.uri) continue;
      fixes.push({
        title: fix.title,
        applicability: fix.applicability,
        edits: fix.changes[document.uri]!.map((edit) => ({
          span: { file: document.uri, start: document.offsetAt(edit.range.start), end: document.offsetAt(edit.range.end) },
          newText: edit.newText,
        })),
        ...(fix.isolation === undefined ? {} : { isolation: fix.isolation }),
      });
    }
  }
  const { applied } = applyFixesOnce(new Map([[document.uri, document.getText()]]), fixes);
  const edits = new Map<string, TextEdit>();
  for (const fix of applied) {
    for (const edit of fix.edits) {
      const range = { start: document.positionAt(edit.span.start), end: document.positionAt(edit.span.end) };
      edits.set(`${edit.span.start}:${edit.span.end}:${edit.newText}`, { range, newText: edit.newText });
    }
  }
  if (edits.size === 0) return undefined;
  return {
    title: 'Session Lint: fix all safe session-lock problems',
    kind: FIX_ALL_KIND,
    edit: workspaceEdit({ [document.uri]: [...edits.values()] }, versionOf),
  };
}

/** Versioned where the document is open, so the client refuses the edit if it changed since. */
function workspaceEdit(changes: DataFix['changes'], versionOf: (uri: string) => number | undefined): WorkspaceEdit {
  return {
    documentChanges: Object.entries(changes).map(([uri, edits]) => TextDocumentEdit.create({ uri, version: versionOf(uri) ?? null }, [...edits])),
  };
}

/** Whether the client asked (also) for the fix-all kind: `source`, `source.fixAll` or ours. */
export function wantsFixAll(only: readonly string[] | undefined): boolean {
  if (!only) return false;
  return only.some((kind) => kind === CodeActionKind.Source || kind === CodeActionKind.SourceFixAll || kind === FIX_ALL_KIND);
}

/** Whether the client asked (also) for quick fixes (no filter means every kind). */
export function wantsQuickFixes(only: readonly string[] | undefined): boolean {
  return !only || only.some((kind) => kind === CodeActionKind.QuickFix || kind === '' );
}
