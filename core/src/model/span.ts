/**
 * A piece of source text. Offsets are UTF-16 code units into the file's text (the same
 * unit as JS string indices, tree-sitter's `startIndex` and LSP positions), so a span maps
 * onto an editor range without re-encoding.
 */
export interface Span {
  readonly file: string;
  readonly start: number;
  readonly end: number;
}

export function spanKey(span: Span): string {
  return `${span.file}:${span.start}-${span.end}`;
}

export function compareSpans(a: Span, b: Span): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.start - b.start || a.end - b.end;
}
