import { REPEAT_PATH_PREFIX } from '../../ir/effects';
import type { Registration, StoreInstall, Unit } from '../../ir/unit';
import type { Span } from '../../model/span';
import type { SyntaxNode } from '../../parse/php';
import type { LineIndex } from '../../text/line-index';
import type { NameScope } from './names';
import type { UnitSite } from './units';

/** One unit as lowered, with what its lowering added to the file's lists (in order). */
export interface LoweredUnit {
  readonly unit: Unit;
  readonly problems: readonly { span: Span; message: string }[];
  readonly uncountedReads: readonly { span: Span; callee: string }[];
  readonly registrations: readonly Registration[];
  readonly storeInstalls: readonly StoreInstall[];
  /** The units of PHP functions named by strings in it (`native-callables.ts`). */
  readonly nativeCallables: readonly Unit[];
}

/** The units lowered from one top-level statement, and where that statement started. */
export interface StatementUnits {
  readonly start: number;
  readonly units: Map<string, KeptUnit>;
}

/** A unit kept for the next lowering, with its spans once a move needed them. */
export interface KeptUnit {
  readonly lowered: LoweredUnit;
  /** Every span of the file in the unit (found at its first move); `bound`: it cannot be moved. */
  spans?: MutableSpan[] | 'bound';
}

interface MutableSpan {
  file: string;
  start: number;
  end?: number;
}

/**
 * The units of an earlier lowering of the same file, under the same project declarations,
 * catalog and options (the caller's context): a language server lowers again only the units
 * an edit touched. `earlier` is read, `now` is filled for the next lowering. Both are keyed by
 * the unit's top-level statement (`reuseKeys`), then by the unit within it.
 *
 * What a unit's lowering reads besides the project context: its own syntax, its enclosing
 * class (static properties, the class's name), the namespace and imports it sees, and its
 * position (spans, line numbers in notes). So the key is the text and start line of the
 * top-level statement that holds the unit (the function, the class of a method, the statement
 * of a top-level closure), the unit's place in it, kind, names and name scope. A statement
 * that moved (an edit above it that adds no line) gives its units back with their spans
 * moved along (`movedUnit`); a unit that names its position other than in spans (a closure's
 * `closure@<offset>`, an anonymous class, a once-guard) is reused only where it was. A
 * statement with a syntax error is never reused (error recovery may read the same text
 * otherwise elsewhere), nor is the file's top level (its text is the whole file).
 */
export interface UnitReuse {
  readonly earlier: ReadonlyMap<string, StatementUnits>;
  readonly now: Map<string, StatementUnits>;
}

/** Where a unit is kept in a `UnitReuse`, or undefined for a unit that is always lowered again. */
export function reuseKeys(site: UnitSite, lines: LineIndex): { readonly statement: string; readonly start: number; readonly length: number; readonly unit: string } | undefined {
  if (site.kind === 'script') return undefined;
  const statement = topLevelStatement(site.node);
  if (!statement || statement.hasError) return undefined;
  const line = lines.positionAt(statement.startIndex).line;
  const start = statement.startIndex;
  return {
    statement: `${line}\0${statement.type}\0${statement.text}`,
    start,
    length: statement.endIndex - start,
    unit: [site.kind, site.node.startIndex - start, site.node.endIndex - start, site.name ?? '', site.display ?? '', site.className ?? '', site.classDisplay ?? '', scopeKey(site.scope)].join('\0'),
  };
}

/**
 * A kept unit, lowered from a statement that started at `from`, for the same statement now
 * starting at `to`: itself, its spans moved in place by the difference when it moved
 * (nothing else holds them: the analysis that read them is over, and the cache serialised
 * what it was given before, `AnalysisCache.flush`); undefined when it cannot be moved (it
 * names a position other than in a span, or points outside its statement).
 */
export function movedUnit(kept: KeptUnit, file: string, from: number, to: number, statementLength: number): LoweredUnit | undefined {
  if (from === to) return kept.lowered;
  kept.spans ??= spansOf(kept.lowered, file, from, from + statementLength);
  if (kept.spans === 'bound') return undefined;
  const shift = to - from;
  for (const span of kept.spans) {
    span.start += shift;
    if (span.end !== undefined) span.end += shift;
  }
  return kept.lowered;
}

/**
 * Every span of `file` in a lowered unit (each object once), or `bound` when the unit names
 * a position other than in a span (`closure@<offset>` ids and targets, an anonymous class's
 * `class@<offset>`, a once-guard's offset) or points outside its statement.
 */
function spansOf(lowered: LoweredUnit, file: string, from: number, to: number): MutableSpan[] | 'bound' {
  const spans: MutableSpan[] = [];
  const seen = new Set<object>();
  const stack: unknown[] = [lowered];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') {
      if (value.includes('closure@') || value.includes('class@') || value.includes(REPEAT_PATH_PREFIX)) return 'bound';
      continue;
    }
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value) || value instanceof Set) {
      for (const item of value) stack.push(item);
      continue;
    }
    if (value instanceof Map) {
      for (const [key, item] of value) stack.push(key, item);
      continue;
    }
    const record = value as Record<string, unknown>;
    if (record.type === 'closure') return 'bound';
    if (record.file === file && typeof record.start === 'number') {
      const end = typeof record.end === 'number' ? record.end : record.start;
      if (record.start < from || end > to) return 'bound';
      spans.push(record as unknown as MutableSpan);
    }
    for (const key of Object.keys(record)) stack.push(record[key]);
  }
  return spans;
}

/** The child of the file's `program` node that holds `node`. */
function topLevelStatement(node: SyntaxNode): SyntaxNode | undefined {
  let current = node;
  for (let parent = current.parent; parent; current = parent, parent = parent.parent) {
    if (parent.type === 'program') return current;
  }
  return undefined;
}

const scopeKeys = new WeakMap<NameScope, string>();

/** The namespace and imports a unit sees, as a string (one per scope object). */
function scopeKey(scope: NameScope): string {
  let key = scopeKeys.get(scope);
  if (key === undefined) {
    key = JSON.stringify([scope.namespace, [...scope.classImports], [...scope.functionImports]]);
    scopeKeys.set(scope, key);
  }
  return key;
}
