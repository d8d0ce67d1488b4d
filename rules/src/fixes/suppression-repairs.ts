import type { Finding, Fix, Span, Suppression, TextReads } from '../../../core/src';

/**
 * Fixes for `invalid-suppression`, built where the project analysis has applied the
 * suppressions (only there is it known what a comment hides, or would hide once corrected):
 * - a misspelt rule id with exactly one close known id, in a comment that is otherwise valid,
 *   whose corrected form would hide a finding on its lines: correct the id (`safe`: the comment
 *   then does what its author wrote it for; that finding's own fixes are withdrawn, as the
 *   comment says, with its reason, that the finding is accepted);
 * - a suppression that hides nothing: remove it (`unsafe`: the analysis may miss the hold it
 *   was written for, and its reason would be lost).
 * No fix for a comment that names no rule (which rule was meant is unknown: the finding's own
 * "ignore this finding" fix writes a correct comment) or gives no reason (only a person can).
 */

/** Edits further apart than this are not "close" (two typos in a rule id of ~20 characters). */
const MAX_DISTANCE = 2;

/** The one known rule id `id` is a misspelling of, if exactly one is close enough. */
export function closeRuleId(id: string, known: Iterable<string>): string | undefined {
  const lower = id.toLowerCase();
  const candidates = [...known].filter((rule) => rule !== 'invalid-suppression' && editDistance(lower, rule) <= MAX_DISTANCE);
  return candidates.length === 1 ? candidates[0] : undefined;
}

/** The id `closeRuleId` offers, where correcting it is the whole repair: the rest of the comment is valid. */
export function correctableId(suppression: Suppression, known: ReadonlySet<string>): { index: number; rule: string } | undefined {
  if (suppression.reason === '') return undefined;
  const unknown = suppression.rules.map((rule, index) => ({ rule, index })).filter(({ rule }) => !known.has(rule));
  if (unknown.length !== 1) return undefined;
  const { rule, index } = unknown[0]!;
  const corrected = closeRuleId(rule, known);
  if (corrected === undefined || suppression.rules.includes(corrected)) return undefined;
  return { index, rule: corrected };
}

export function correctRuleIdFix(suppression: Suppression, index: number, rule: string): Fix {
  return {
    title: `Correct the rule id \`${suppression.rules[index]}\` to \`${rule}\``,
    applicability: 'safe',
    edits: [{ span: suppression.ruleSpans[index]!, newText: rule }],
  };
}

/**
 * Removes the comment: its whole line when nothing else is on it, else the comment and the
 * spaces before it. A block comment that holds more than the suppression (a docblock's other
 * tags) is left alone: no fix.
 */
export function removeSuppressionFix(suppression: Suppression, text: string, commentText: string, reads?: TextReads): Fix | undefined {
  if (commentText.startsWith('/*') && blockHoldsMore(commentText)) return undefined;
  const { start, end } = suppression.span;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  // The comment's line, from the line break before it to the one after it (included).
  reads?.range(Math.max(0, lineStart - 1), lineEnd + 1);
  const before = text.slice(lineStart, start);
  const after = text.slice(end, lineEnd);
  let span: Span;
  if (before.trim() === '' && after.trim() === '') {
    span = { file: suppression.span.file, start: lineStart, end: Math.min(lineEnd + 1, text.length) };
  } else if (after.trim() === '') {
    span = { file: suppression.span.file, start: lineStart + before.trimEnd().length, end };
  } else {
    let past = end;
    while (text[past] === ' ' || text[past] === '\t') past++;
    span = { file: suppression.span.file, start, end: past };
  }
  return {
    title: 'Remove this suppression: it hides nothing (unsafe: if the analysis misses the hold it was written for, its reason is lost)',
    applicability: 'unsafe',
    edits: [{ span, newText: '' }],
  };
}

/** A block comment with a non-empty line besides the suppression's (a docblock's other tags). */
function blockHoldsMore(commentText: string): boolean {
  const open = commentText.startsWith('/**') ? 3 : 2;
  const close = commentText.endsWith('*/') ? commentText.length - 2 : commentText.length;
  const lines = commentText
    .slice(open, Math.max(open, close))
    .split('\n')
    .map((line) => {
      const trimmed = line.trim();
      return (trimmed.startsWith('*') ? trimmed.slice(1) : trimmed).trim();
    })
    .filter((line) => line !== '');
  return lines.length > 1;
}

/** Whether a finding stands on a line the suppression covers (its own, or the next). */
export function coveredBy(suppression: Suppression, finding: Finding, lineOf: (offset: number) => number): boolean {
  return [finding.span, ...(finding.anchors ?? [])]
    .filter((span) => span.file === suppression.span.file)
    .some((span) => {
      const line = lineOf(span.start) - 1;
      return line === suppression.line || line === suppression.line + 1;
    });
}

/** Damerau–Levenshtein distance (adjacent swaps count one), for short ids. */
function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}
