import { createHash } from 'node:crypto';
import { DocumentDiagnosticReportKind, type WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver';
import { diagnosticsFor } from './diagnostics';
import { filePathOf, isInside, type ProjectResults } from './workspace-analysis';

/**
 * A workspace folder's part of a `workspace/diagnostic` answer: a report for every file with
 * findings, and an empty one for a file the client had findings for that has none now. Each
 * report carries a result id (a hash of its diagnostics): a file whose diagnostics are the
 * ones the client already has (its `previousResultIds`) comes back `unchanged`.
 */
export function workspaceReport(
  root: string,
  results: ProjectResults,
  previous: ReadonlyMap<string, string>,
  versionOf: (uri: string) => number | null,
  docsUrl: (rule: string) => string,
): WorkspaceDocumentDiagnosticReport[] {
  const uris = new Set(results.findingsByUri.keys());
  for (const uri of previous.keys()) {
    const file = filePathOf(uri);
    if (file !== undefined && isInside(root, file)) uris.add(uri);
  }
  return [...uris].sort().map((uri): WorkspaceDocumentDiagnosticReport => {
    const items = diagnosticsFor(uri, results, docsUrl);
    const resultId = createHash('sha1').update(JSON.stringify(items)).digest('hex');
    const version = versionOf(uri);
    if (previous.get(uri) === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, uri, version, resultId };
    return { kind: DocumentDiagnosticReportKind.Full, uri, version, resultId, items };
  });
}
