import type { SyntaxNode } from '../../parse/php';
import { PlainNode } from '../../parse/plain-tree';
import { NameScope } from './names';
import { samePure } from './pure-functions';
import { bothTruthy } from './truthy-strings';
import { emptyDeclarations, type FileDeclarations } from './units';

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

/**
 * What one declaring statement's walk found, apart from where the statement is: spans counted
 * from the statement's start, nodes by their place in its subtree, name scopes left out (the
 * statement's own is put back). Kept from one tree of the file to the next, shared by none.
 */
export interface StatementDeclarations {
  /** The statement's number of nodes, and where it started when it was walked. */
  readonly size: number;
  readonly start: number;
  /** The fields of `FileDeclarations` the walk filled, in the form above. */
  readonly found: Readonly<Record<string, unknown>>;
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

/** A node of the statement, by its place in the statement's subtree (pre-order). */
class NodeInStatement {
  constructor(readonly offset: number) {}
}

/** Where the statement's own name scope was. */
const STATEMENT_SCOPE = Symbol('the statement\'s name scope');

/**
 * What `statement`'s walk found (`found`, filled by the walk of it alone), kept apart from the
 * tree and from `found`'s objects, for a later tree of the file. Undefined when it holds a
 * value this copy does not know, or a node outside the statement.
 */
export function recordOf(statement: PlainNode, file: string, found: FileDeclarations): StatementDeclarations | undefined {
  const start = statement.startIndex;
  const size = subtreeSize(statement);
  // A span outside the statement (none today) would not move with it: such a statement is walked each time.
  const kept = copied(found, file, -start, { from: start, to: statement.endIndex }, (value) => {
    if (value instanceof NameScope) return STATEMENT_SCOPE;
    if (!(value instanceof PlainNode)) return undefined;
    const offset = value.id - statement.id;
    if (value.plainTree !== statement.plainTree || offset < 0 || offset >= size) throw CANNOT_COPY;
    return new NodeInStatement(offset);
  });
  return kept === undefined ? undefined : { size, start, found: kept as Record<string, unknown> };
}

/**
 * What `kept` found, for `statement` (same key) in the new tree: nodes of the new tree, spans
 * where the statement is now, its name scope `scope`. Undefined when it cannot be moved: a name
 * made of a position (`class@<offset>`, an anonymous class) in a statement that moved, or a
 * subtree of another size.
 */
export function relocated(kept: StatementDeclarations, statement: PlainNode, file: string, scope: NameScope): FileDeclarations | undefined {
  if (subtreeSize(statement) !== kept.size) return undefined;
  const moved = statement.startIndex !== kept.start;
  const tree = statement.plainTree;
  const found = copied(kept.found, file, statement.startIndex, undefined, (value) => {
    if (value === STATEMENT_SCOPE) return scope;
    if (value instanceof NodeInStatement) return tree.node(statement.id + value.offset);
    if (moved && typeof value === 'string' && value.includes('class@')) throw CANNOT_COPY;
    return undefined;
  });
  return found === undefined ? undefined : ({ ...(nothingFound ??= emptyDeclarations(new Set(), new Map())), ...(found as object) } as FileDeclarations);
}

/**
 * A deep copy of `value` (arrays, maps, sets, plain objects; each object once) whose spans of
 * `file` are moved by `shift`, and whose values `special` answers (a node, a scope) are its
 * answers. Empty fields of the top object are left out. Undefined when it meets another kind
 * of object, a span outside `within` (when given), `special` throws `CANNOT_COPY`, or the value is nested deeper than the stack allows.
 */
function copied(value: object, file: string, shift: number, within: { readonly from: number; readonly to: number } | undefined, special: (value: unknown) => unknown): object | undefined {
  const copies = new Map<object, unknown>();
  const copy = (item: unknown): unknown => {
    const answer = special(item);
    if (answer !== undefined) return answer;
    if (typeof item !== 'object' || item === null) {
      if (typeof item === 'function') throw CANNOT_COPY;
      return item;
    }
    const known = copies.get(item);
    if (known !== undefined) return known;
    if (Array.isArray(item)) {
      const array: unknown[] = [];
      copies.set(item, array);
      for (const element of item) array.push(copy(element));
      return array;
    }
    if (item instanceof Map) {
      const map = new Map();
      copies.set(item, map);
      for (const [key, element] of item) map.set(copy(key), copy(element));
      return map;
    }
    if (item instanceof Set) {
      const set = new Set();
      copies.set(item, set);
      for (const element of item) set.add(copy(element));
      return set;
    }
    const prototype = Object.getPrototypeOf(item);
    if (prototype !== Object.prototype && prototype !== null) throw CANNOT_COPY;
    const record = item as Record<string, unknown>;
    const object: Record<string, unknown> = {};
    copies.set(item, object);
    for (const key of Object.keys(record)) object[key] = copy(record[key]);
    // A span of this file: moved with the statement.
    if (record.file === file && typeof record.start === 'number') {
      if (within && (record.start < within.from || (typeof record.end === 'number' ? record.end : record.start) > within.to)) throw CANNOT_COPY;
      object.start = record.start + shift;
      if (typeof record.end === 'number') object.end = record.end + shift;
    }
    return object;
  };
  try {
    const top: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value)) if (!isEmpty(field)) top[key] = copy(field);
    return top;
  } catch (error) {
    // Nested too deep for the stack (a long chain of values): walked again, as a fresh walk does.
    if (error === CANNOT_COPY || error instanceof RangeError) return undefined;
    throw error;
  }
}

function isEmpty(field: unknown): boolean {
  if (field instanceof Map || field instanceof Set) return field.size === 0;
  if (Array.isArray(field)) return field.length === 0;
  return field === false || field === undefined;
}

const CANNOT_COPY = new Error('cannot copy these declarations');

/** The fields left out of a kept statement's declarations: empty (read, never written). */
let nothingFound: FileDeclarations | undefined;

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
  for (const name of part.topLevelFunctions) into.topLevelFunctions.add(name);
  for (const [name, parent] of part.classes) into.classes.set(name, parent);
  for (const [name, span] of part.classSpans) into.classSpans.set(name, span);
  into.comments.push(...part.comments);
  firstWins(into.propertyTypes, part.propertyTypes);
  firstWins(into.propertyCalls, part.propertyCalls);
  firstWins(into.propertyClassPrefixes, part.propertyClassPrefixes);
  for (const [name, methods] of part.methods) union(into.methods, name, methods);
  for (const [name, traits] of part.traits) into.traits.set(name, [...(into.traits.get(name) ?? []), ...traits]);
  for (const [name, interfaces] of part.interfaces) into.interfaces.set(name, interfaces);
  for (const [name, methods] of part.abstractMethods) union(into.abstractMethods, name, methods);
  for (const name of part.abstractClasses) into.abstractClasses.add(name);
  for (const [name, returns] of part.methodReturns) {
    let known = into.methodReturns.get(name);
    if (!known) into.methodReturns.set(name, (known = new Map()));
    for (const [method, returned] of returns) known.set(method, returned);
  }
  for (const [name, returned] of part.functionReturns) into.functionReturns.set(name, returned);
  for (const [name, positions] of part.byRef) into.byRef.set(name, positions);
  for (const [name, positions] of part.restoredRefs) into.restoredRefs.set(name, positions);
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
  for (const [name, truthy] of part.truthyStringFunctions) into.truthyStringFunctions.set(name, bothTruthy(into.truthyStringFunctions.get(name), truthy));
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
