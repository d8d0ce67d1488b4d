import type { Cursor } from '../../ir/cfg-builder';
import type { SyntaxNode } from '../../parse/php';
import type { UnitContext } from './context';
import { sessionRoot } from './session-access';

/**
 * Values the session holds that code may change without writing `$_SESSION`: an object read
 * from it (`$nav = $_SESSION['navigation']; $nav->addUrl($url);`) is the session's own object,
 * and a reference into it (`$cart = &$_SESSION['cart']; $cart[] = $item;`) is its own array.
 * PHP serialises the session when it closes it, so such a change is saved only while the session
 * is open. The lowering marks each one as a read (`AccessEffect.changesHeldValue`): the flow
 * does not count it as a write (it cannot tell an object from a copied scalar), but a fix that
 * closes the session early must not call itself safe before one (rules/src/fixes/early-close.ts).
 */

interface Handles {
  /** Variables set from the session by value (`$nav = $_SESSION['navigation']`): objects in them are shared. */
  readonly values: ReadonlySet<string>;
  /** Variables bound by reference into the session (`$cart = &$_SESSION['cart']`). */
  readonly references: ReadonlySet<string>;
  /**
   * Each reference target — a variable or an own property (`$this->user = &$_SESSION['u']`),
   * by its text — with the session key it is bound to (undefined when computed or when
   * bindings of the same target name different keys).
   */
  readonly referenceKeys: ReadonlyMap<string, string | undefined>;
}

const handlesOf = new WeakMap<UnitContext, Handles>();

/** The unit's variables set from the session, found once per unit (flow-insensitive: any such assignment counts). */
function handles(ctx: UnitContext): Handles {
  let found = handlesOf.get(ctx);
  if (found) return found;
  const values = new Set<string>();
  const references = new Set<string>();
  const referenceKeys = new Map<string, string | undefined>();
  const session = ctx.catalog.sessionVariable;
  for (const node of ctx.unitNode?.descendantsOfType(['assignment_expression', 'reference_assignment_expression']) ?? []) {
    const left = node?.childForFieldName('left');
    const right = node?.childForFieldName('right');
    if (!node || !left || !right || !session) continue;
    const root = sessionRoot(unwrap(right), session);
    if (root === undefined) continue;
    if (node.type === 'reference_assignment_expression' && (left.type === 'variable_name' || isOwnProperty(left))) {
      const known = referenceKeys.has(left.text);
      referenceKeys.set(left.text, known && referenceKeys.get(left.text) !== root.key ? undefined : root.key);
    }
    if (left.type !== 'variable_name') continue;
    (node.type === 'reference_assignment_expression' ? references : values).add(left.text);
  }
  found = { values, references, referenceKeys };
  handlesOf.set(ctx, found);
  return found;
}

/** `($x)` → `$x`; `$a ?? $b` → `$a` (the session's value when it is set). */
function unwrap(node: SyntaxNode): SyntaxNode {
  let current = node;
  for (;;) {
    if (current.type === 'parenthesized_expression' && current.namedChild(0)) current = current.namedChild(0)!;
    else if (current.type === 'binary_expression' && current.childForFieldName('operator')?.text === '??' && current.childForFieldName('left')) current = current.childForFieldName('left')!;
    else return current;
  }
}

/**
 * The variable an expression reaches through property and element accesses
 * (`$nav->items[0]` → `$nav`), with whether it went through a property (an object).
 */
function rootOf(node: SyntaxNode): { root: SyntaxNode; throughProperty: boolean } {
  let current = unwrap(node);
  let throughProperty = false;
  for (;;) {
    if (current.type === 'member_access_expression' || current.type === 'nullsafe_member_access_expression') {
      const object = current.childForFieldName('object');
      if (!object) break;
      throughProperty = true;
      current = unwrap(object);
    } else if (current.type === 'subscript_expression' && current.namedChild(0)) {
      current = unwrap(current.namedChild(0)!);
    } else break;
  }
  return { root: current, throughProperty };
}

/**
 * Whether `node` may be (part of) a value the session holds: the session array itself
 * (`$_SESSION['nav']`), or a variable set from it or bound to it by reference.
 */
export function isSessionHeld(ctx: UnitContext, node: SyntaxNode): boolean {
  const session = ctx.catalog.sessionVariable;
  if (!session) return false;
  const { root } = rootOf(node);
  if (sessionRoot(root, session) !== undefined) return true;
  if (root.type !== 'variable_name') return false;
  const { values, references } = handles(ctx);
  return values.has(root.text) || references.has(root.text);
}

/**
 * An assignment target that changes what the session holds: a property of a held object
 * (`$nav->current = …`), or anything reached through a reference into the session
 * (`$cart[] = …`). A by-value copy's elements (`$copy['k'] = …`) are the copy's own.
 */
export function assignsIntoSessionHeld(ctx: UnitContext, target: SyntaxNode): boolean {
  const session = ctx.catalog.sessionVariable;
  if (!session) return false;
  const { root, throughProperty } = rootOf(target);
  if (root.type !== 'variable_name') return false;
  // `$_SESSION['k'] = …` is a write of its own; `$_SESSION['nav']->x = …` changes its object.
  if (root.namedChild(0)?.text === session) return throughProperty;
  const { values, references } = handles(ctx);
  if (references.has(root.text)) return true;
  return throughProperty && values.has(root.text);
}

/** `$this->name`: a property of the unit's own object. */
function isOwnProperty(node: SyntaxNode): boolean {
  if (node.type !== 'member_access_expression') return false;
  const object = node.childForFieldName('object');
  return object?.type === 'variable_name' && object.text === '$this' && node.childForFieldName('name')?.type === 'name';
}

/**
 * An assignment target reached through a reference into the session (`$cart[] = …`,
 * `$user = …`, `$this->user['path'] = …` after `$this->user = &$_SESSION['u']`): the write
 * goes into the session array itself, so it is a session write of the bound key. Returns
 * undefined when the target is not such a reference.
 */
export function referenceWriteKey(ctx: UnitContext, target: SyntaxNode): { key: string | undefined } | undefined {
  let current = unwrap(target);
  while (current.type === 'subscript_expression' && current.namedChild(0)) current = unwrap(current.namedChild(0)!);
  if (current.type !== 'variable_name' && !isOwnProperty(current)) return undefined;
  const { referenceKeys } = handles(ctx);
  return referenceKeys.has(current.text) ? { key: referenceKeys.get(current.text) } : undefined;
}

/** Whether a variable is bound by reference into the session (any use of it may change the session). */
export function isSessionReference(ctx: UnitContext, node: SyntaxNode): boolean {
  const { root } = rootOf(node);
  return root.type === 'variable_name' && handles(ctx).references.has(root.text);
}

/** Emits the mark of a change to a value the session holds, at `node`. */
export function emitHeldValueChange(ctx: UnitContext, node: SyntaxNode, cursor: Cursor): Cursor {
  return ctx.emit(cursor, { kind: 'read', resource: ctx.catalog.sessionResource, changesHeldValue: true, span: ctx.span(node) });
}
