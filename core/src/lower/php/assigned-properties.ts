import type { SyntaxNode } from '../../parse/php';
import { propertySubject } from './predicates';
import type { ClassStatic } from './class-statics';
import { ANY_OBJECT_PROPERTY } from '../../ir/predicate-shape';

/**
 * The properties a unit may change, as predicate subjects (`->started`, `::$locked`): what
 * it assigns, changes in place, unsets or takes by reference, on any object (`$other->x`
 * may be `$this->x`; a class's own private and protected statics by their own subject), including in closures it defines. A call to the unit forgets only the
 * facts about these (`Unit.assignsProperties`); `ANY_OBJECT_PROPERTY` when an object's
 * property is written by a computed name (`$this->$name = …`: any `->x`, no static), `'any'`
 * when a static one is (`static::$$name = …`).
 */
export function assignedProperties(unitNode: SyntaxNode, selfClass?: string, statics?: ReadonlyMap<string, ClassStatic>): readonly string[] | 'any' {
  const found = new Set<string>();
  const targets = ownCode(unitNode).flatMap((part) => part.descendantsOfType([
    'assignment_expression',
    'augmented_assignment_expression',
    'reference_assignment_expression',
    'update_expression',
    'unset_statement',
    'by_ref',
  ]));
  for (const node of targets) {
    if (!node) continue;
    const written =
      node.type === 'unset_statement' || node.type === 'by_ref'
        ? node.namedChildren.filter((c): c is SyntaxNode => c !== null)
        : [node.childForFieldName('left') ?? node.childForFieldName('argument') ?? node.namedChild(0)].filter((c): c is SyntaxNode => c !== null);
    // The right side of `$x = &$this->y` is taken by reference too.
    if (node.type === 'reference_assignment_expression') {
      const right = node.childForFieldName('right');
      if (right) written.push(right);
    }
    for (const target of written) {
      const subject = baseProperty(target, selfClass, statics);
      if (subject === 'any') return 'any';
      if (subject) found.add(subject);
    }
  }
  return [...found].sort();
}

/** Declarations that are units of their own, at a file's top level. */
const DECLARATIONS = new Set(['function_definition', 'class_declaration', 'interface_declaration', 'trait_declaration', 'enum_declaration']);

/**
 * The syntax a unit runs itself: a function's whole node, or a file's top-level statements
 * without the functions and classes it declares (each is a unit, searched on its own), so a
 * big file is searched once, not once for its top level and again for every function.
 */
export function ownCode(unitNode: SyntaxNode): SyntaxNode[] {
  if (unitNode.type !== 'program') return [unitNode];
  const own: SyntaxNode[] = [];
  const stack = [...unitNode.namedChildren].reverse();
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node || DECLARATIONS.has(node.type)) continue;
    if (node.type === 'namespace_definition') {
      const body = node.childForFieldName('body');
      if (body) stack.push(...[...body.namedChildren].reverse());
      continue;
    }
    own.push(node);
  }
  return own;
}

/** `$this->x['a']` changes `$this->x`; a list destructuring changes each of its targets. */
function baseProperty(node: SyntaxNode, selfClass: string | undefined, statics: ReadonlyMap<string, ClassStatic> | undefined): string | 'any' | undefined {
  let current = node;
  while (current.type === 'subscript_expression' && current.namedChild(0)) current = current.namedChild(0)!;
  if (current.type === 'list_literal' || current.type === 'array_creation_expression') {
    for (const element of current.descendantsOfType(['member_access_expression', 'scoped_property_access_expression'])) {
      const inner = element ? baseProperty(element, selfClass, statics) : undefined;
      if (inner) return inner;
    }
    return undefined;
  }
  if (current.type !== 'member_access_expression' && current.type !== 'scoped_property_access_expression') return undefined;
  // `$o->$name = …` may be any object property, never a static one (`ANY_OBJECT_PROPERTY`).
  const computed = current.type === 'member_access_expression' ? ANY_OBJECT_PROPERTY : 'any';
  return propertySubject(current, selfClass, statics) ?? computed;
}
