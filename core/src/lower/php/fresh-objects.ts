import type { SyntaxNode } from '../../parse/php';

/**
 * The subject prefix of a property of an object a unit builds itself from a class whose every
 * construction in one request is alike (`project/alike-constructions.ts`): `new:cfg->noAuth`.
 * Its value is the same in every unit and every call of one request, so it is a global subject
 * (`flow/facts.ts`): two calls of `session_init()` that each do `$settings = new Cfg();
 * if ($settings->noAuth) …` take the same branch.
 */
export const FRESH_PROPERTY_PREFIX = 'new:';

/** The units whose local variables are their own: a script's top level shares its variables with the files it includes. */
const FUNCTION_UNITS = new Set(['function_definition', 'method_declaration', 'anonymous_function']);

const NESTED = new Set(['function_definition', 'anonymous_function', 'arrow_function', 'class_declaration', 'method_declaration', 'anonymous_class']);

/** Calls that read or write local variables by name. */
const BY_NAME = new Set(['extract', 'compact', 'get_defined_vars', 'parse_str']);

/** Ways from a property read up to what a write would change (`$o->a['k']->b`). */
const ACCESS_CHAIN = new Set(['member_access_expression', 'nullsafe_member_access_expression', 'subscript_expression']);

/**
 * `$cfg->noAuth` (or `@$cfg->noAuth`) in a function whose one assignment of `$cfg` is a
 * statement of its body before the test, `$cfg = new Cfg();` (a named class, no arguments),
 * and which otherwise only reads `$cfg`'s properties (no method of it called, no property
 * written, never handed to other code): the property holds what Cfg's construction gave it.
 * `alike` says whether the class builds the same object every time.
 */
export function freshObjectProperty(
  node: SyntaxNode,
  unit: SyntaxNode | undefined,
  resolveClass: (written: string) => string,
  alike: (className: string) => boolean,
  cache: Map<string, { className: string; after: number } | null>,
): { key: string; subject: string } | undefined {
  let access = node;
  while ((access.type === 'error_suppression_expression' || access.type === 'parenthesized_expression') && access.namedChild(0)) access = access.namedChild(0)!;
  if (access.type !== 'member_access_expression') return undefined;
  const object = access.childForFieldName('object');
  const property = access.childForFieldName('name');
  if (object?.type !== 'variable_name' || object.text === '$this' || property?.type !== 'name' || !unit || !FUNCTION_UNITS.has(unit.type)) return undefined;
  let fresh = cache.get(object.text);
  if (fresh === undefined) cache.set(object.text, (fresh = freshClass(unit, object.text, resolveClass) ?? null));
  if (!fresh || access.startIndex < fresh.after || !alike(fresh.className)) return undefined;
  const subject = `${FRESH_PROPERTY_PREFIX}${fresh.className}->${property.text}`;
  return { key: subject, subject };
}

/** The class `variable` is built from in `unit`, and where that statement ends; undefined when it is not such a fresh object. */
function freshClass(unit: SyntaxNode, variable: string, resolveClass: (written: string) => string): { className: string; after: number } | undefined {
  const body = unit.childForFieldName('body');
  if (!body) return undefined;
  let built: { className: string; after: number } | undefined;
  const stack: SyntaxNode[] = [body];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node !== body && NESTED.has(node.type)) {
      // A closure's `use ($cfg)` (by reference, it could change it).
      if (node.type === 'anonymous_function' && node.descendantsOfType('variable_name').some((v) => v?.text === variable && v.parent?.type !== 'member_access_expression')) return undefined;
      continue;
    }
    if (node.type === 'function_call_expression' && BY_NAME.has(node.childForFieldName('function')?.text.toLowerCase() ?? '')) return undefined;
    if (node.type === 'variable_name' && node.text === variable) {
      const parent = node.parent;
      if (parent?.type === 'assignment_expression' && parent.childForFieldName('left')?.id === node.id) {
        const className = builtClass(parent.childForFieldName('right'));
        // Once, as a statement of the body itself: it runs before everything after it.
        if (built || !className || parent.parent?.type !== 'expression_statement' || parent.parent.parent?.id !== body.id) return undefined;
        built = { className: resolveClass(className), after: parent.endIndex };
      } else if (parent?.type === 'member_access_expression' && parent.childForFieldName('object')?.id === node.id) {
        if (isWritten(parent)) return undefined;
      } else return undefined;
    }
    for (const child of node.namedChildren) if (child) stack.push(child);
  }
  return built;
}

/** `new Cfg()` or `new Cfg`: the class as written; undefined for anything else. */
function builtClass(node: SyntaxNode | null): string | undefined {
  if (node?.type !== 'object_creation_expression') return undefined;
  const [target, ...rest] = node.namedChildren.filter((c): c is SyntaxNode => c !== null && c.type !== 'comment');
  if (target?.type !== 'name' && target?.type !== 'qualified_name') return undefined;
  if (['self', 'static', 'parent'].includes(target.text.toLowerCase())) return undefined;
  const args = rest.find((c) => c.type === 'arguments');
  return args && args.namedChildren.some((c) => c?.type === 'argument') ? undefined : target.text;
}

/** Whether the property read, or an element or property of it, is written (assigned, unset, taken by reference). */
function isWritten(access: SyntaxNode): boolean {
  let top = access;
  while (top.parent && ACCESS_CHAIN.has(top.parent.type) && top.parent.namedChild(0)?.id === top.id) top = top.parent;
  const parent = top.parent;
  if (!parent) return false;
  if (parent.type.endsWith('assignment_expression') && parent.childForFieldName('left')?.id === top.id) return true;
  return ['unset_statement', 'by_ref', 'update_expression', 'list_literal', 'foreach_statement'].includes(parent.type) && !(parent.type === 'foreach_statement' && parent.namedChild(0)?.id === top.id);
}
