import type { PlainTree } from '../parse/plain-tree';

/**
 * What the fixes of one analysis read of a file's text through its `EditSites`, beyond the
 * shape of its syntax tree: the ranges of text they looked at, and the answers of the questions
 * about the whole file (its comment marker, quote, indentation step, top-level statements).
 *
 * A language server keeps an analysis's findings for the next text of the file when an edit
 * changed none of what the analysis read (`rules/src/cache/kept-rules-stage.ts`): the fixes'
 * reads are the part of that which is not in the IR. A range `[from, to)` is the text from
 * `from` up to `to`, as the answer used it: the same read in the new text runs from where the
 * edit moved `from` up to where it moved `to`, and gives the same answer when that is the same
 * text, which it is when the edit is not inside it and does not move one end without the other
 * (a text inserted right at `to` moves `to`: an indentation read up to a statement's start then
 * holds it).
 */
export class TextReads {
  /** Read ranges, as pairs of offsets: `[from0, to0, from1, to1, …]`, each end excluded. */
  readonly ranges: number[] = [];
  /** The whole text was read (`EditSites.text`): nothing of this analysis survives an edit. */
  whole = false;
  /** Questions about the whole file, by name, with the answer given (asked again, not moved). */
  readonly answers = new Map<string, unknown>();
  /** The syntax tree the answers read (its shape), once one was parsed. */
  tree: PlainTree | undefined;

  range(from: number, to: number): void {
    this.ranges.push(from, to);
  }

  answer(question: string, value: unknown): void {
    this.answers.set(question, value);
  }

  /** Whether every range read is, after an edit (`moved`: where it puts an offset), the same text. */
  unchangedBy(moved: (offset: number) => number | undefined): boolean {
    if (this.whole) return false;
    for (let i = 0; i < this.ranges.length; i += 2) {
      const from = moved(this.ranges[i]!);
      const to = moved(this.ranges[i + 1]!);
      if (from === undefined || to === undefined || to - from !== this.ranges[i + 1]! - this.ranges[i]!) return false;
    }
    return true;
  }
}
