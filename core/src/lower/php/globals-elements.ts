import type { SyntaxNode } from '../../parse/php';
import type { UnitContext } from './context';
import { literalString } from './session-access';

/**
 * `$GLOBALS['shop']` is the global variable `$shop` (CubeCart's `$GLOBALS['cubecart'] =
 * Cubecart::getInstance(); … $GLOBALS['cubecart']->loadPage();`). Its class is the global's:
 * at a file's top level, and in a function that declares `global $shop;`, it is the unit's own
 * `$shop`; in another function, what the unit assigns to `$GLOBALS['shop']`, or else the class
 * the project's top level builds into `$shop` (`ProjectSymbols.globalClass`), as for `global $shop;`.
 */

/** `$GLOBALS['name']` with a literal key → `$name`. */
export function globalsElementVariable(node: SyntaxNode): string | undefined {
  if (node.type !== 'subscript_expression') return undefined;
  const [base, index] = node.namedChildren;
  if (base?.type !== 'variable_name' || base.text !== '$GLOBALS' || !index) return undefined;
  const key = literalString(index);
  return key === undefined || key === '' ? undefined : `$${key}`;
}

/** The key of `ctx.variableTypes` that holds the global `$name`'s class in this unit. */
export function globalTypeKey(ctx: UnitContext, variable: string): string {
  return ctx.unitNode?.type === 'program' || ctx.declaredGlobals.has(variable) ? variable : `$GLOBALS['${variable.slice(1)}']`;
}

/** The class of `$GLOBALS['name']` in this unit, when the code says it. */
export function globalsElementType(ctx: UnitContext, node: SyntaxNode): string | undefined {
  const variable = globalsElementVariable(node);
  if (variable === undefined) return undefined;
  const own = ctx.variableTypes.get(globalTypeKey(ctx, variable));
  if (own !== undefined || ctx.unitNode?.type === 'program') return own;
  return ctx.facts.symbols.globalClass(variable);
}
