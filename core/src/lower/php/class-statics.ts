import { classStaticSubject } from '../../ir/predicate-shape';
import type { SyntaxNode } from '../../parse/php';
import { literalOf, stripLeadingBackslash, type Literal } from './literals';

/**
 * Static properties a class declares `private` or `protected`. Only the class's own code (and,
 * for a protected one, its subclasses') can write one, so its facts are the class's own
 * (`classStaticSubject`: a write to another class's `$instance` does not forget them, and a
 * call the analysis cannot resolve, which cannot be shown to run that code, does not either),
 * and before that code first writes it in a request it holds its declared default.
 */
export interface ClassStatic {
  readonly visibility: 'private' | 'protected';
  /** The declared default (`null` when none is written); undefined when it is not a literal or a typed property has none (uninitialised). */
  readonly initial: Literal | undefined;
}

/** Declarations whose `self::` is a class of their own (a trait's is the class using it). */
const CLASS_LIKE = new Set(['class_declaration', 'anonymous_class', 'trait_declaration', 'interface_declaration', 'enum_declaration']);

/** The named class declaration around a node, if that is what `self::` means there (a closure in a method is still in it). */
export function enclosingClass(node: SyntaxNode): SyntaxNode | undefined {
  for (let current: SyntaxNode | null = node.parent; current; current = current.parent) {
    if (CLASS_LIKE.has(current.type)) return current.type === 'class_declaration' ? current : undefined;
  }
  return undefined;
}

/** The `private static` and `protected static` properties a class declares, by `$name`. */
export function classStatics(classNode: SyntaxNode | undefined): ReadonlyMap<string, ClassStatic> {
  const found = new Map<string, ClassStatic>();
  for (const member of classNode?.childForFieldName('body')?.namedChildren ?? []) {
    if (member?.type !== 'property_declaration') continue;
    const modifiers = member.namedChildren.filter((c): c is SyntaxNode => c !== null);
    const isStatic = modifiers.some((c) => c.type === 'static_modifier');
    const written = modifiers.find((c) => c.type === 'visibility_modifier')?.text.toLowerCase();
    if (!isStatic || (written !== 'private' && written !== 'protected')) continue;
    const typed = member.childForFieldName('type') !== null;
    for (const element of modifiers.filter((c) => c.type === 'property_element')) {
      const name = element.childForFieldName('name')?.text;
      if (!name) continue;
      const value = element.childForFieldName('default_value');
      // An untyped property without a default is null; a typed one is uninitialised.
      const initial = value ? literalOf(value) : typed ? undefined : null;
      found.set(name, { visibility: written, initial });
    }
  }
  return found;
}

/**
 * The subject of a static property access in class `selfClass` when it names one of the
 * class's own private or protected statics (`self::$x`, `static::$x`, or the class's own
 * name), else undefined.
 */
export function ownStaticSubject(
  node: SyntaxNode,
  selfClass: string | undefined,
  statics: ReadonlyMap<string, ClassStatic> | undefined,
): string | undefined {
  if (node.type !== 'scoped_property_access_expression' || !selfClass || !statics) return undefined;
  const scope = node.childForFieldName('scope');
  const name = node.childForFieldName('name');
  const declared = name?.type === 'variable_name' ? statics.get(name.text) : undefined;
  if (!scope || !name || !declared) return undefined;
  const written = stripLeadingBackslash(scope.text).toLowerCase();
  const own = written === 'self' || written === 'static' || written === selfClass || selfClass.endsWith(`\\${written}`);
  return own ? classStaticSubject(name.text, selfClass, declared.visibility) : undefined;
}
