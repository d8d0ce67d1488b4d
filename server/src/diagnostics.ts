import { DiagnosticSeverity, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { Applicability, Severity } from '../../core/src';
import type { PositionedFinding } from './analysis/job';
import type { ProjectResults } from './workspace-analysis';

export const SOURCE = 'session-lint';

/**
 * What a diagnostic carries so that code actions need no server-side store (Ruff's model):
 * the fixes in editor coordinates, and the document version they were computed for.
 */
export interface DiagnosticData {
  readonly rule: string;
  readonly uri: string;
  readonly version: number;
  readonly fixes: readonly DataFix[];
}

export interface DataFix {
  readonly title: string;
  readonly applicability: Applicability;
  /** Edits by document URI: a fix may touch several files. */
  readonly changes: Readonly<Record<string, readonly TextEdit[]>>;
  readonly isolation?: string;
}

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** The diagnostics of one document from its project's results. */
export function diagnosticsFor(uri: string, results: ProjectResults, docsUrl: (rule: string) => string): Diagnostic[] {
  const version = results.versions.get(uri) ?? 0;
  return (results.findingsByUri.get(uri) ?? []).map((finding) => toDiagnostic(uri, version, finding, results, docsUrl));
}

function toDiagnostic(uri: string, version: number, finding: PositionedFinding, results: ProjectResults, docsUrl: (rule: string) => string): Diagnostic {
  const data: DiagnosticData = {
    rule: finding.rule,
    uri,
    version,
    fixes: finding.fixes.map((fix) => {
      const changes: Record<string, TextEdit[]> = {};
      for (const edit of fix.edits) (changes[results.uriOf(edit.path)] ??= []).push({ range: edit.range, newText: edit.newText });
      return { title: fix.title, applicability: fix.applicability, changes, ...(fix.isolation === undefined ? {} : { isolation: fix.isolation }) };
    }),
  };
  return {
    range: finding.range,
    severity: severities[finding.severity],
    source: SOURCE,
    code: finding.rule,
    codeDescription: { href: docsUrl(finding.rule) },
    message: finding.message,
    relatedInformation: finding.related.map((r) => ({ location: { uri: results.uriOf(r.path), range: r.range }, message: r.message })),
    data,
  };
}

export function isDiagnosticData(value: unknown): value is DiagnosticData {
  const data = value as DiagnosticData | undefined;
  return typeof data === 'object' && data !== null && typeof data.rule === 'string' && typeof data.uri === 'string' && typeof data.version === 'number' && Array.isArray(data.fixes);
}
