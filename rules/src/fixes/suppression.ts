import { SUPPRESSION_TOKEN, type EditSites, type Finding, type Fix } from '../../../core/src';

const SUPPRESSION_FIX_TITLE = 'Ignore this finding: add a suppression comment above it (write the reason in place of TODO)';

/** The "ignore this line" fix (a finding grouped at its cause drops its places' ones). */
export function isSuppressionFix(fix: Fix): boolean {
  return fix.applicability === 'display-only' && fix.title === SUPPRESSION_FIX_TITLE;
}

/**
 * "Ignore this line": a `session-lint-ignore <rule>: TODO: reason` comment on the line before
 * the finding, indented like that line, in the file's comment style. Display-only: a person
 * writes the reason, so it is never applied in bulk. None where the finding's line does not
 * start in code (inside a string, or HTML outside `<?php`): a comment cannot go there.
 */
export function suppressionFix(finding: Finding, sites: EditSites): Fix | undefined {
  if (finding.span.file !== sites.file || finding.rule === 'invalid-suppression') return undefined;
  if (!sites.lineStartsInCode(finding.span.start)) return undefined;
  const { lineStart, indent } = sites.lineIndentAt(finding.span.start);
  return {
    title: SUPPRESSION_FIX_TITLE,
    applicability: 'display-only',
    edits: [{ span: { file: sites.file, start: lineStart, end: lineStart }, newText: `${indent}${sites.lineComment} ${SUPPRESSION_TOKEN} ${finding.rule}: TODO: reason\n` }],
  };
}
