import type { LineIndex } from '../../../core/src';
import type { Location } from '../report';

export interface FrameAnnotation {
  readonly location: Location;
  /** `primary` is underlined `^^^` (the finding), `secondary` `---` (a related location). */
  readonly style: 'primary' | 'secondary';
  readonly label?: string;
}

export interface FrameStyle {
  readonly gutter: (s: string) => string;
  readonly primary: (s: string) => string;
  readonly secondary: (s: string) => string;
}

/**
 * A Ruff/rustc-style excerpt: the annotated lines with a line-number gutter, each followed
 * by one underline row per annotation. Multi-line ranges are underlined on their first line
 * only; that is where the reader looks, and it keeps frames short. A gap of one line is
 * shown when it belongs to `scope` (the function the finding is in), since it reads as part
 * of that code; any other gap becomes `...`, so no line of an unrelated function is quoted
 * between two labelled ones.
 */
export function renderCodeFrame(
  index: LineIndex,
  annotations: readonly FrameAnnotation[],
  style: FrameStyle,
  scope?: { readonly firstLine: number; readonly lastLine: number },
): string[] {
  const inScope = (line: number): boolean => scope === undefined || (line >= scope.firstLine && line <= scope.lastLine);
  if (annotations.length === 0) return [];
  const lines = [...new Set(annotations.map((a) => a.location.line))].sort((a, b) => a - b);
  const width = String(lines[lines.length - 1]).length;
  const emptyGutter = style.gutter(`${' '.repeat(width)} |`);
  const out = [emptyGutter];

  let previous: number | undefined;
  for (const line of lines) {
    if (previous !== undefined && line - previous === 2 && inScope(line - 1)) out.push(sourceRow(index, line - 1, width, style));
    else if (previous !== undefined && line - previous >= 2) out.push(style.gutter('...'));
    out.push(sourceRow(index, line, width, style));
    const here = annotations
      .filter((a) => a.location.line === line)
      .sort((a, b) => a.location.column - b.location.column || (a.style === 'primary' ? -1 : 1));
    for (const annotation of here) {
      out.push(`${emptyGutter} ${underline(index.lineText(line - 1), annotation, style)}`);
    }
    previous = line;
  }
  out.push(emptyGutter);
  return out;
}

function sourceRow(index: LineIndex, line: number, width: number, style: FrameStyle): string {
  const text = index.lineText(line - 1);
  const gutter = style.gutter(`${String(line).padStart(width)} |`);
  return text === '' ? gutter : `${gutter} ${text}`;
}

/**
 * The marks under one range. The padding copies the line's tabs so the marks land under
 * the right characters whatever the terminal's tab width; columns are UTF-16 code units,
 * the engine's unit, so one mark per code unit.
 */
export function underline(text: string, annotation: FrameAnnotation, style: FrameStyle): string {
  const { location } = annotation;
  const start = Math.min(location.column - 1, text.length);
  const end = location.endLine === location.line ? Math.min(location.endColumn - 1, text.length) : text.length;
  const padding = text.slice(0, start).replace(/[^\t]/g, ' ');
  const mark = annotation.style === 'primary' ? '^' : '-';
  const marks = mark.repeat(Math.max(1, end - start));
  const paint = annotation.style === 'primary' ? style.primary : style.secondary;
  const label = annotation.label === undefined || annotation.label === '' ? '' : ` ${annotation.label}`;
  return padding + paint(marks + label);
}
