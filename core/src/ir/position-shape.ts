import type { Unit } from './unit';

/**
 * A value of the IR (a unit, a file's lists) apart from where it is in its file: `shape` is
 * everything but the offsets of the file's spans, written out (object keys, strings, other
 * numbers, which objects are shared), and `offsets` those offsets in the order the walk met
 * them. Two values with the same shape whose offsets correspond through an edit's map of
 * positions are the same value with its positions moved: what a language server checks before
 * it keeps an analysis for an edited text (`rules/src/cache/kept-rules-stage.ts`).
 *
 * A span of the file is any record with `file` equal to it and a numeric `start` (and `end`):
 * spans, and the closures a call targets (`{ type: 'closure', file, start }`), as
 * `lower/php/unit-reuse.ts` finds them. A position written into a string (`closure@120`, a
 * once-guard's key) is part of the shape: such a value is never taken as moved.
 */
export interface PositionShape {
  readonly shape: string;
  readonly offsets: readonly number[];
}

export function positionShape(value: unknown, file: string): PositionShape {
  const parts: string[] = [];
  const offsets: number[] = [];
  const seen = new Map<object, number>();
  const walk = (item: unknown): void => {
    if (item === null || item === undefined) return void parts.push(item === null ? 'n' : 'u');
    switch (typeof item) {
      case 'string':
        return void parts.push(JSON.stringify(item));
      case 'number':
      case 'boolean':
      case 'bigint':
        return void parts.push(String(item));
      case 'object':
        break;
      default:
        // Not plain data: nothing says two of them are the same.
        throw new TypeError(`positionShape: a ${typeof item} is not plain data`);
    }
    const object = item as object;
    const earlier = seen.get(object);
    if (earlier !== undefined) return void parts.push(`@${earlier}`);
    seen.set(object, seen.size);
    if (Array.isArray(object)) {
      parts.push('[');
      for (const element of object) walk(element);
      return void parts.push(']');
    }
    if (object instanceof Set) {
      parts.push('S[');
      for (const element of object) walk(element);
      return void parts.push(']');
    }
    if (object instanceof Map) {
      parts.push('M[');
      for (const [key, element] of object) {
        walk(key);
        walk(element);
      }
      return void parts.push(']');
    }
    const record = object as Record<string, unknown>;
    const span = record.file === file && typeof record.start === 'number';
    parts.push(span ? '<' : '{');
    for (const key of Object.keys(record)) {
      const field = record[key];
      if (field === undefined) continue;
      parts.push(key, ':');
      if (span && (key === 'start' || key === 'end') && typeof field === 'number') {
        offsets.push(field);
        parts.push('#');
        continue;
      }
      walk(field);
    }
    parts.push(span ? '>' : '}');
  };
  walk(value);
  return { shape: parts.join(' '), offsets };
}

/**
 * A unit's shape, once per unit object: a language server's lowering hands back the units an
 * edit did not touch as the same objects, their spans moved in place all by one amount, so the
 * shape stays true and the offsets move together (kept relative to the unit's start).
 */
export interface UnitShape {
  readonly shape: string;
  /** The offsets, less the unit's start when the shape was taken. */
  readonly relative: readonly number[];
  readonly min: number;
  readonly max: number;
}

const unitShapes = new WeakMap<Unit, UnitShape>();

export function unitShape(unit: Unit): UnitShape {
  let known = unitShapes.get(unit);
  if (!known) {
    const { shape, offsets } = positionShape(unit, unit.span.file);
    const base = unit.span.start;
    const relative = offsets.map((offset) => offset - base);
    let min = 0;
    let max = 0;
    for (const offset of relative) {
      if (offset < min) min = offset;
      if (offset > max) max = offset;
    }
    known = { shape, relative, min, max };
    unitShapes.set(unit, known);
  }
  return known;
}
