import { privateStaticSubject } from '../../ir/predicate-shape';
import type { SyntaxNode } from '../../parse/php';
import { literalOf, stripLeadingBackslash, type Literal } from './literals';

/**
 * `private static` properties. Only the code of the class that declares one can write it, so
 * its facts are the class's own (`privateStaticSubject`: a write to another class's `$instance`
 * does not forget them, and a call the analysis cannot resolve, which cannot be shown to run
 * the class's code, does not either), and before the class's code first writes it in a
 * request it holds its declared default.
 */
export interface PrivateStatic {
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

/** The `private static` properties a class declares, by `$name`. */
export function privateStatics(classNode: SyntaxNode | undefined): ReadonlyMap<string, PrivateStatic> {
  const found = new Map<string, PrivateStatic>();
  for (const member of classNode?.childForFieldName('body')?.namedChildren ?? []) {
    if (member?.type !== 'property_declaration') continue;
    const modifiers = member.namedChildren.filter((c): c is SyntaxNode => c !== null);
    const isStatic = modifiers.some((c) => c.type === 'static_modifier');
    const isPrivate = modifiers.some((c) => c.type === 'visibility_modifier' && c.text.toLowerCase() === 'private');
    if (!isStatic || !isPrivate) continue;
    const typed = member.childForFieldName('type') !== null;
    for (const element of modifiers.filter((c) => c.type === 'property_element')) {
      const name = element.childForFieldName('name')?.text;
      if (!name) continue;
      const written = element.childForFieldName('default_value');
      // An untyped property without a default is null; a typed one is uninitialised.
      const initial = written ? literalOf(written) : typed ? undefined : null;
      found.set(name, { initial });
    }
  }
  return found;
}

/**
 * The subject of a static property access in class `selfClass` when it names one of the
 * class's own private statics (`self::$x`, `static::$x`, or the class's own name), else undefined.
 */
export function ownPrivateStaticSubject(
  node: SyntaxNode,
  selfClass: string | undefined,
  statics: ReadonlyMap<string, PrivateStatic> | undefined,
): string | undefined {
  if (node.type !== 'scoped_property_access_expression' || !selfClass || !statics) return undefined;
  const scope = node.childForFieldName('scope');
  const name = node.childForFieldName('name');
  if (!scope || name?.type !== 'variable_name' || !statics.has(name.text)) return undefined;
  const written = stripLeadingBackslash(scope.text).toLowerCase();
  const own = written === 'self' || written === 'static' || written === selfClass || selfClass.endsWith(`\\${written}`);
  return own ? privateStaticSubject(name.text, selfClass) : undefined;
}
