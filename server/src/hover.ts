import * as path from 'node:path';
import { MarkupKind, type Hover, type Position, type Range } from 'vscode-languageserver';
import type { ProjectResults } from './workspace-analysis';

/**
 * The lock's timeline for this handler, on a finding's range: what was taken where, the steps
 * that lead to the slow work, where it is released or that it is held to the end, in the
 * order the finding's related locations give them.
 */
export function hoverAt(uri: string, position: Position, results: ProjectResults): Hover | undefined {
  const findings = (results.findingsByUri.get(uri) ?? []).filter((f) => contains(f.range, position));
  if (findings.length === 0) return undefined;
  const sections = findings.map((finding) => {
    const steps = finding.related.map((step, i) => `${i + 1}. ${step.message} (${place(results, uri, step.path, step.range)})`);
    return [`**Session Lint** \`${finding.rule}\``, '', finding.message, ...(steps.length > 0 ? ['', 'Timeline:', '', ...steps] : [])].join('\n');
  });
  return { contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') }, range: findings[0]!.range };
}

function place(results: ProjectResults, uri: string, file: string, range: Range): string {
  const target = results.uriOf(file);
  const line = range.start.line + 1;
  const label = target === uri ? `line ${line}` : `${path.posix.basename(file)}:${line}`;
  return `[${label}](${target}#L${line})`;
}

function contains(range: Range, position: Position): boolean {
  const after = (a: Position, b: Position) => a.line > b.line || (a.line === b.line && a.character >= b.character);
  return after(position, range.start) && after(range.end, position);
}
