import type { FileIR } from './ir/unit';
import type { Finding } from './model/finding';
import type { Span } from './model/span';

export const SUPPRESSION_TOKEN = 'session-lint-ignore';

export interface Suppression {
  readonly span: Span;
  /** 0-based line of the comment; it covers this line and the next. */
  readonly line: number;
  readonly rules: readonly string[];
  /** Where each of `rules` is written in the file (same order), for the fixes that correct an id. */
  readonly ruleSpans: readonly Span[];
  readonly reason: string;
}

/**
 * Reads `// session-lint-ignore <rule>[, <rule>]: <reason>` (also `#` and block comments).
 * The comment covers its own line (a trailing comment) and the next line (a comment above).
 */
export function parseSuppressions(file: FileIR, lineOf: (offset: number) => number): Suppression[] {
  const result: Suppression[] = [];
  for (const comment of file.comments) {
    const { body, offset } = stripCommentMarkers(comment.text);
    if (!body.startsWith(SUPPRESSION_TOKEN)) continue;
    const rest = body.slice(SUPPRESSION_TOKEN.length);
    // `session-lint-ignored` or similar words are not ours.
    if (rest.length > 0 && !' \t:'.includes(rest[0]!)) continue;
    const { rules, at, reason } = parseRuleList(rest);
    const restStart = comment.span.start + offset + SUPPRESSION_TOKEN.length;
    const ruleSpans = rules.map((rule, i) => ({ file: comment.span.file, start: restStart + at[i]!, end: restStart + at[i]! + rule.length }));
    result.push({ span: comment.span, line: lineOf(comment.span.start) - 1, rules, ruleSpans, reason });
  }
  return result;
}

/**
 * `held-across-slow-call, other-rule: reason` → the ids and the reason. The id list ends at
 * anything that is not an id or a comma, so text after it without a colon is no reason.
 */
function parseRuleList(text: string): { rules: string[]; at: number[]; reason: string } {
  const rules: string[] = [];
  const at: number[] = [];
  let i = 0;
  const skipSpaces = (): void => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  };
  const isIdChar = (ch: string): boolean =>
    (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch === '-' || ch === '_';
  for (;;) {
    skipSpaces();
    const start = i;
    while (i < text.length && isIdChar(text[i]!)) i++;
    if (i > start) {
      rules.push(text.slice(start, i));
      at.push(start);
    }
    skipSpaces();
    if (text[i] !== ',') break;
    i++;
  }
  const reason = text[i] === ':' ? text.slice(i + 1).trim() : '';
  return { rules, at, reason };
}

/**
 * The comment's text without its markers, and where that text starts in the comment (so the
 * ids' positions can be given in the file). In a block comment, the line that starts with the
 * token (after a docblock's `*`) is the suppression.
 */
function stripCommentMarkers(text: string): { body: string; offset: number } {
  const isSpace = (ch: string | undefined): boolean => ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
  const trimmedFrom = (from: number, end: number): { body: string; offset: number } => {
    while (from < end && isSpace(text[from])) from++;
    while (end > from && isSpace(text[end - 1])) end--;
    return { body: text.slice(from, end), offset: from };
  };
  let start = 0;
  while (start < text.length && isSpace(text[start])) start++;
  if (text.startsWith('//', start)) return trimmedFrom(start + 2, text.length);
  if (text.startsWith('#', start) && !text.startsWith('#[', start)) return trimmedFrom(start + 1, text.length);
  if (!text.startsWith('/*', start)) return trimmedFrom(start, text.length);
  const inner = start + (text.startsWith('/**', start) ? 3 : 2);
  const innerEnd = text.trimEnd().endsWith('*/') ? text.trimEnd().length - 2 : text.length;
  // A docblock: ` * session-lint-ignore …` on one of its lines.
  let lineStart = inner;
  let first: { body: string; offset: number } | undefined;
  while (lineStart <= innerEnd) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 || newline > innerEnd ? innerEnd : newline;
    let from = lineStart;
    while (from < lineEnd && isSpace(text[from])) from++;
    if (text[from] === '*' && from < lineEnd) from++;
    const line = trimmedFrom(from, lineEnd);
    if (line.body.startsWith(SUPPRESSION_TOKEN)) return line;
    if (!first && line.body !== '') first = line;
    lineStart = lineEnd + 1;
  }
  return first ?? { body: '', offset: inner };
}

/** Problems with the suppressions themselves: no rule, an unknown rule, no reason. */
export function suppressionProblems(
  suppressions: readonly Suppression[],
  knownRules: ReadonlySet<string>,
): { span: Span; message: string }[] {
  const problems: { span: Span; message: string }[] = [];
  for (const suppression of suppressions) {
    if (suppression.rules.length === 0) {
      problems.push({
        span: suppression.span,
        message: `Suppression names no rule: write \`${SUPPRESSION_TOKEN} <rule-id>: <reason>\`.`,
      });
      continue;
    }
    for (const rule of suppression.rules) {
      if (!knownRules.has(rule)) problems.push({ span: suppression.span, message: `Suppression names an unknown rule \`${rule}\`.` });
    }
    if (suppression.reason === '') {
      problems.push({
        span: suppression.span,
        message: `Suppression of \`${suppression.rules.join(', ')}\` needs a reason: \`${SUPPRESSION_TOKEN} ${suppression.rules[0]}: <why>\`.`,
      });
    }
  }
  return problems;
}

/**
 * Drops findings covered by a suppression (on their line, the line after the comment, or at
 * one of their anchors). A suppression without a reason still works (so adding one is never
 * blocked), but `invalid-suppression` reports it until it says why. Also returns the
 * suppressions that covered nothing, for the unused-suppression report.
 */
export function applySuppressions(
  findings: readonly Finding[],
  suppressions: readonly Suppression[],
  lineOf: (offset: number) => number,
): { kept: Finding[]; unused: Suppression[] } {
  const used = new Set<Suppression>();
  const kept = findings.filter((finding) => {
    // A broken suppression cannot hide its own report.
    if (finding.rule === 'invalid-suppression') return true;
    const lines = [finding.span, ...(finding.anchors ?? [])]
      .filter((span) => span.file === finding.span.file)
      .map((span) => lineOf(span.start) - 1);
    const matching = suppressions.filter((s) => s.rules.includes(finding.rule) && lines.some((line) => s.line === line || s.line + 1 === line));
    matching.forEach((s) => used.add(s));
    return matching.length === 0;
  });
  return { kept, unused: suppressions.filter((s) => !used.has(s)) };
}
