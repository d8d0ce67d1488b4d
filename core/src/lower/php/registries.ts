import type { CallTarget } from '../../ir/effects';
import type { RegistryStore } from '../../ir/unit';
import type { SyntaxNode } from '../../parse/php';
import type { UnitContext } from './context';
import { callableTarget } from './callables';
import { declaresInUnit, NESTED_DECLARATIONS } from './unit-scope';
import { assignmentsIn } from './variable-value';

/**
 * A registry of callables kept by name in an array: OSSN's page handlers
 * (`function ossn_register_page($handler, $function) { global $Ossn; $Ossn->page[$handler] =
 * $function; }`, run by `call_user_func($Ossn->page[$handler], …)`). The key names the array:
 * a property of a global object or a global array (`global:$Ossn->page`), a private property of
 * the class (`this:app\router->routes`), a static property (`static:app\hooks::$list`). The
 * flow's resolver gathers what the project stores there (`Unit.registryStores`): the callables
 * written at each store, and those every call of a registering function passes.
 */
export function registryKey(ctx: UnitContext, array: SyntaxNode): string | undefined {
  if (array.type === 'variable_name') return isGlobalHere(ctx, array.text) ? `global:${array.text}` : undefined;
  if (array.type === 'member_access_expression') {
    const object = array.childForFieldName('object');
    const property = array.childForFieldName('name');
    if (object?.type !== 'variable_name' || property?.type !== 'name') return undefined;
    if (object.text === '$this') return ctx.className && isPrivateProperty(ctx, property.text) ? `this:${ctx.className}->${property.text}` : undefined;
    return isGlobalHere(ctx, object.text) ? `global:${object.text}->${property.text}` : undefined;
  }
  if (array.type === 'scoped_property_access_expression') {
    const scope = array.childForFieldName('scope');
    const name = array.childForFieldName('name');
    if (!scope || name?.type !== 'variable_name') return undefined;
    const keyword = scope.text.toLowerCase();
    const className = keyword === 'self' || keyword === 'static' ? ctx.className : scope.type === 'name' || scope.type === 'qualified_name' ? ctx.names.resolveClass(scope.text) : undefined;
    return className ? `static:${className}::${name.text}` : undefined;
  }
  return undefined;
}

/** The registry a callable read from one names: `$Ossn->page[$handler]` → its array's key. */
export function registryTarget(ctx: UnitContext, node: SyntaxNode): CallTarget | undefined {
  if (node.type !== 'subscript_expression') return undefined;
  const array = node.namedChild(0);
  const key = array ? registryKey(ctx, array) : undefined;
  return key ? { type: 'registry', key } : undefined;
}

/**
 * What the unit stores into registries (`$Ossn->page[$handler] = $function`): one of its
 * parameters it never reassigns (its callers' arguments decide), a callable the code names, or
 * something the analysis cannot tell.
 */
export function registryStores(ctx: UnitContext, unitNode: SyntaxNode): RegistryStore[] {
  const stores: RegistryStore[] = [];
  const stack: SyntaxNode[] = [unitNode];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node !== unitNode && NESTED_DECLARATIONS.has(node.type)) continue;
    if (node.type === 'assignment_expression') {
      const left = node.childForFieldName('left');
      const array = left?.type === 'subscript_expression' ? left.namedChild(0) : null;
      const key = array ? registryKey(ctx, array) : undefined;
      const right = node.childForFieldName('right');
      if (key && right) stores.push({ key, value: storedValue(ctx, unitNode, right) });
    }
    for (const child of node.namedChildren) if (child) stack.push(child);
  }
  return stores;
}

function storedValue(ctx: UnitContext, unitNode: SyntaxNode, right: SyntaxNode): RegistryStore['value'] {
  const parameter = right.type === 'variable_name' ? ctx.parameters.get(right.text) : undefined;
  if (parameter !== undefined) return assignmentsIn(unitNode, right.text)?.length === 0 ? { parameter } : { unknown: true };
  const target = callableTarget(ctx, right);
  return target && target.type !== 'parameter' ? { target } : { unknown: true };
}

/** `$name` is a global here: at a file's top level, or declared `global` in the function. */
function isGlobalHere(ctx: UnitContext, variable: string): boolean {
  const unit = ctx.unitNode;
  if (!unit) return false;
  return unit.type === 'program' || declaresInUnit(unit, variable, 'global_declaration');
}

/** A private property of the class the unit is in (only its own code can fill it). */
function isPrivateProperty(ctx: UnitContext, property: string): boolean {
  const classBody = ctx.unitNode?.parent;
  if (classBody?.type !== 'declaration_list') return false;
  return classBody.namedChildren.some(
    (member) =>
      member?.type === 'property_declaration' &&
      member.namedChildren.some((c) => c?.type === 'visibility_modifier' && c.text.toLowerCase() === 'private') &&
      member.descendantsOfType('variable_name').some((variable) => variable?.text === `$${property}`),
  );
}
