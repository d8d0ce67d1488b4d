import type { SyntaxNode } from '../../parse/php';
import { PlainNode } from '../../parse/plain-tree';
import { NameScope } from './names';
import { samePure } from './pure-functions';
import type { FileDeclarations } from './units';

/**
 * What the declarations pass found in one statement of an earlier tree of the same file (a
 * language server's previous text), for the next tree: an edit inside one function walks that
 * function again, and every other declaration statement is taken from here (`relocated`).
 *
 * Only statements that declare (a function, a class, an interface, a trait, an enum) are kept:
 * what their walk finds depends on their own syntax, the docblock right above them and the
 * namespace and imports they see, which is the key (`statementKey`). A statement of top-level
 * code is walked every time: a `define()` there reads the values the file's other top-level
 * statements assign (`variable-value.ts`).
 */
export interface DeclarationReuse {
  readonly earlier: ReadonlyMap<string, StatementDeclarations>;
  readonly now: Map<string, StatementDeclarations>;
  /** Declaring statements walked again (not taken from `earlier`): what the tests count. */
  walked?: number;
}

/** The declarations one statement's walk found, and where the statement was in its tree. */
export interface StatementDeclarations {
  /** The statement's node index (pre-order) and its number of nodes, and its start offset. */
  readonly id: number;
  readonly size: number;
  readonly start: number;
  /** Found in the statement alone (`emptyDeclarations` filled by the walk of it). */
  readonly found: FileDeclarations;
}

const DECLARING = new Set(['function_definition', 'class_declaration', 'interface_declaration', 'trait_declaration', 'enum_declaration']);

/** Whether the statement's declarations may be kept for the next tree of the file. */
export function keepsDeclarations(statement: SyntaxNode): statement is PlainNode {
  return statement instanceof PlainNode && DECLARING.has(statement.type) && !statement.hasError;
}

/** The key of a statement: its text, the docblock above it, the namespace and imports it sees. */
export function statementKey(statement: SyntaxNode, scope: string): string {
  const above = statement.previousNamedSibling;
  return [statement.type, scope, above?.type === 'comment' ? above.text : '', statement.text].join('\0');
}

/** The namespace and imports of a scope as it is now (a later `use` adds to the same object). */
export function scopeState(scope: NameScope): string {
  return JSON.stringify([scope.namespace, [...scope.classImports], [...scope.functionImports]]);
}

/** What a kept statement's walk found, for the statement (same key) where it is now. */
export function recordOf(statement: PlainNode, found: FileDeclarations): StatementDeclarations {
  return { id: statement.id, size: subtreeSize(statement), start: statement.startIndex, found };
}

/**
 * A copy of what `kept` found, for `statement` (same key) in the new tree: nodes are the new
 * tree's, spans moved by the statement's move, and every name scope the statement's own. The
 * copy shares nothing with `kept`, which stays as it was. Undefined when it cannot be moved:
 * a name made of a position (`class@<offset>`, an anonymous class), a node outside the
 * statement, or a value of a kind this copy does not know.
 */
export function relocated(kept: StatementDeclarations, statement: PlainNode, file: string, scope: NameScope): FileDeclarations | undefined {
  if (subtreeSize(statement) !== kept.size) return undefined;
  const shift = statement.startIndex - kept.start;
  const tree = statement.plainTree;
  const copies = new Map<object, unknown>();
  const copy = (value: unknown): unknown => {
    if (typeof value === 'string') {
      if (shift !== 0 && value.includes('class@')) throw CANNOT_MOVE;
      return value;
    }
    if (typeof value !== 'object' || value === null) {
      if (typeof value === 'function' || typeof value === 'symbol') throw CANNOT_MOVE;
      return value;
    }
    const known = copies.get(value);
    if (known !== undefined) return known;
    let made: unknown;
    if (value instanceof PlainNode) {
      const offset = value.id - kept.id;
      if (offset < 0 || offset >= kept.size) throw CANNOT_MOVE;
      made = tree.node(statement.id + offset);
    } else if (value instanceof NameScope) {
      made = scope;
    } else if (Array.isArray(value)) {
      const array: unknown[] = [];
      copies.set(value, array);
      for (const item of value) array.push(copy(item));
      made = array;
    } else if (value instanceof Map) {
      const map = new Map();
      copies.set(value, map);
      for (const [key, item] of value) map.set(copy(key), copy(item));
      made = map;
    } else if (value instanceof Set) {
      const set = new Set();
      copies.set(value, set);
      for (const item of value) set.add(copy(item));
      made = set;
    } else {
      const prototype = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null) throw CANNOT_MOVE;
      const record = value as Record<string, unknown>;
      const object: Record<string, unknown> = {};
      copies.set(value, object);
      for (const key of Object.keys(record)) object[key] = copy(record[key]);
      // A span of this file: moved with the statement.
      if (record.file === file && typeof record.start === 'number') {
        object.start = record.start + shift;
        if (typeof record.end === 'number') object.end = record.end + shift;
      }
      made = object;
    }
    copies.set(value, made);
    return made;
  };
  try {
    return copy(kept.found) as FileDeclarations;
  } catch (error) {
    if (error === CANNOT_MOVE) return undefined;
    throw error;
  }
}

const CANNOT_MOVE = new Error('cannot move these declarations');

/**
 * Adds what one statement's walk found (`part`, its own copy) to the file's declarations,
 * as the walk of that statement into `into` would have: maps the walk fills first-wins
 * (constants, property types and calls) keep what `into` has, the others take `part`'s; lists
 * are appended. False, with nothing added, when that would not be the same: a function the
 * statement declares twice (a pure model combined across declarations in another order).
 */
export function mergeDeclarations(into: FileDeclarations, part: FileDeclarations): boolean {
  const declaredFunctions = part.units.filter((unit) => unit.kind === 'function').length;
  if (declaredFunctions !== part.functions.size || declaredFunctions !== part.pureFunctions.size) return false;
  into.units.push(...part.units);
  for (const name of part.functions) into.functions.add(name);
  for (const [name, parent] of part.classes) into.classes.set(name, parent);
  for (const [name, span] of part.classSpans) into.classSpans.set(name, span);
  into.comments.push(...part.comments);
  firstWins(into.propertyTypes, part.propertyTypes);
  firstWins(into.propertyCalls, part.propertyCalls);
  for (const [name, methods] of part.methods) union(into.methods, name, methods);
  for (const [name, traits] of part.traits) into.traits.set(name, [...(into.traits.get(name) ?? []), ...traits]);
  for (const [name, interfaces] of part.interfaces) into.interfaces.set(name, interfaces);
  for (const [name, methods] of part.abstractMethods) union(into.abstractMethods, name, methods);
  for (const [name, returns] of part.methodReturns) {
    let known = into.methodReturns.get(name);
    if (!known) into.methodReturns.set(name, (known = new Map()));
    for (const [method, returned] of returns) known.set(method, returned);
  }
  for (const [name, returned] of part.functionReturns) into.functionReturns.set(name, returned);
  for (const [name, positions] of part.byRef) into.byRef.set(name, positions);
  for (const [name, properties] of part.classProperties) into.classProperties.set(name, properties);
  into.constructions.push(...part.constructions);
  for (const property of part.looseWrites) into.looseWrites.add(property);
  for (const [name, value] of part.constants) {
    if (into.constants.has(name)) continue;
    into.constants.set(name, value);
    if (part.fallbackDefines.has(name)) into.fallbackDefines.add(name);
  }
  if (part.computedDefines) into.computedDefines = true;
  into.literalCalls.push(...part.literalCalls);
  into.includes.push(...part.includes);
  into.includePathSets.push(...part.includePathSets);
  for (const [name, pure] of part.pureFunctions) {
    const before = into.pureFunctions.get(name);
    into.pureFunctions.set(name, before === undefined || samePure(before, pure) ? pure : null);
  }
  for (const [name, helper] of part.includeHelpers.helpers) into.includeHelpers.helpers.set(name, helper);
  for (const [name, value] of part.includeHelpers.globals) into.includeHelpers.globals.set(name, value);
  for (const [name, className] of part.includeHelpers.globalClasses) {
    const known = into.includeHelpers.globalClasses.get(name);
    into.includeHelpers.globalClasses.set(name, known === undefined || known === className ? className : null);
  }
  for (const [name, accessor] of part.settingAccessors) into.settingAccessors.set(name, accessor);
  return true;
}

function firstWins<V>(into: Map<string, Map<string, V>>, part: ReadonlyMap<string, ReadonlyMap<string, V>>): void {
  for (const [name, entries] of part) {
    let known = into.get(name);
    if (!known) into.set(name, (known = new Map()));
    for (const [key, value] of entries) if (!known.has(key)) known.set(key, value);
  }
}

function union(into: Map<string, Set<string>>, name: string, values: ReadonlySet<string>): void {
  let known = into.get(name);
  if (!known) into.set(name, (known = new Set()));
  for (const value of values) known.add(value);
}

function subtreeSize(node: PlainNode): number {
  return node.plainTree.subtreeEnds[node.id]! - node.id;
}
