import type { PlainTree } from '../../../core/src/parse/plain-tree';

/**
 * One edit between two texts of a file, as a map of positions: the text from `start` to
 * `oldEnd` was replaced by one `delta` longer. An offset before `start` stays, one from `oldEnd`
 * on moves by `delta`, one inside the replaced text has no place in the new text. Only an edit
 * that adds and removes no line break is taken: every position outside it keeps its line, so a
 * line number written in a message stays true.
 */
export interface LineEdit {
  readonly start: number;
  readonly oldEnd: number;
  readonly delta: number;
}

/** The edit from `before` to `after` (their common start and end left out), or undefined when it touches a line break. */
export function lineEdit(before: string, after: string): LineEdit | undefined {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < shorter - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  const oldEnd = before.length - tail;
  const newEnd = after.length - tail;
  if (hasLineBreak(before, start, oldEnd) || hasLineBreak(after, start, newEnd)) return undefined;
  return { start, oldEnd, delta: newEnd - oldEnd };
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) return true;
  }
  return false;
}

/** Where `offset` of the earlier text is in the new one, or undefined inside the replaced text. */
export function movedOffset(edit: LineEdit, offset: number): number | undefined {
  if (offset < edit.start) return offset;
  if (offset >= edit.oldEnd) return offset + edit.delta;
  return undefined;
}

/**
 * Whether `now` is `earlier` with its positions moved by the edit: the same nodes (types,
 * fields, flags, parents, siblings, subtrees), each starting and ending where the edit moved
 * its earlier start and end.
 */
export function sameTreeMoved(earlier: PlainTree, now: PlainTree, edit: LineEdit): boolean {
  if (earlier.nodeCount !== now.nodeCount) return false;
  if (!sameArray(earlier.typeIds, now.typeIds) || !sameArray(earlier.fieldIds, now.fieldIds) || !sameArray(earlier.flags, now.flags)) return false;
  if (!sameArray(earlier.parents, now.parents) || !sameArray(earlier.subtreeEnds, now.subtreeEnds) || !sameArray(earlier.previousSiblings, now.previousSiblings)) return false;
  for (let node = 0; node < earlier.nodeCount; node++) {
    if (movedOffset(edit, earlier.starts[node]!) !== now.starts[node] || movedOffset(edit, earlier.ends[node]!) !== now.ends[node]) return false;
  }
  return true;
}

function sameArray(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A fix's isolation key ends with a span of the file (`early-close:<file>:<start>-<end>`) or an offset of it. */
const ISOLATION_TAIL = /^(\d+)(?:-(\d+))?$/;

/**
 * A copy of an analysis's output (findings, notes) for the new text of `file`: every span of
 * the file moved by the edit, and the span a fix's isolation key names. Undefined when a span
 * lies in the replaced text, or a string names a position of the file some other way (nothing
 * known to do so): then nothing is kept.
 */
export function movedOutput<T>(value: T, file: string, edit: LineEdit): T | undefined {
  const marker = `${file}:`;
  let failed = false;
  const copy = (item: unknown, key: string | undefined): unknown => {
    if (failed) return undefined;
    if (typeof item === 'string') {
      const at = item.indexOf(marker);
      if (at < 0) return item;
      const tail = ISOLATION_TAIL.exec(item.slice(at + marker.length));
      if (key !== 'isolation' || !tail) {
        failed = true;
        return undefined;
      }
      const start = movedOffset(edit, Number(tail[1]));
      const end = tail[2] === undefined ? undefined : movedOffset(edit, Number(tail[2]));
      if (start === undefined || (tail[2] !== undefined && end === undefined)) {
        failed = true;
        return undefined;
      }
      return `${item.slice(0, at)}${marker}${start}${end === undefined ? '' : `-${end}`}`;
    }
    if (typeof item !== 'object' || item === null) return item;
    if (Array.isArray(item)) return item.map((element) => copy(element, undefined));
    if (Object.getPrototypeOf(item) !== Object.prototype) {
      failed = true;
      return undefined;
    }
    const record = item as Record<string, unknown>;
    const span = record.file === file && typeof record.start === 'number';
    const result: Record<string, unknown> = {};
    for (const name of Object.keys(record)) {
      const field = record[name];
      if (span && (name === 'start' || name === 'end') && typeof field === 'number') {
        const moved = movedOffset(edit, field);
        if (moved === undefined) failed = true;
        result[name] = moved;
        continue;
      }
      result[name] = copy(field, name);
    }
    return result;
  };
  const result = copy(value, undefined);
  return failed ? undefined : (result as T);
}
