import type { CallTarget } from '../../ir/effects';
import type { StaticString } from '../../ir/static-string';
import type { SyntaxNode } from '../../parse/php';
import { NESTED_DECLARATIONS } from './unit-scope';
import type { UnitContext } from './context';
import { literalString } from './session-access';
import { evaluateStatic } from './static-string';

const INCLUDES = new Set(['include_expression', 'include_once_expression', 'require_expression', 'require_once_expression']);

/**
 * The class `new $class()` creates, when the unit says: `$class` assigned once a literal
 * (`'Poller'`, `Poller::class`); a name built from a variable that also picks the file of a
 * pattern include in the unit (`include "modules/$m.php"; $class = $m . 'Module';`), whose
 * candidates are the classes those files declare; or a name with a literal start (also when
 * the include built from that variable has no written part to pick files by)
 * (`"rcube_session_{$storage}"`), whose candidates are the project's classes that fit. The
 * flow resolves the candidates, as it sees every file.
 */
export function dynamicClassTarget(ctx: UnitContext, classExpression: SyntaxNode): CallTarget | undefined {
  if (classExpression.type !== 'variable_name') return undefined;
  const value = ctx.singleAssignments.get(classExpression.text);
  if (!value) return undefined;
  const literal = literalString(value);
  if (literal !== undefined) return constructorOf(ctx.names.resolveClass(literal.startsWith('\\') ? literal : `\\${literal}`));
  if (value.type === 'class_constant_access_expression') {
    const [scope, constant] = value.namedChildren;
    if (constant?.text !== 'class' || !scope) return undefined;
    const keyword = scope.text.toLowerCase();
    const className = keyword === 'self' || keyword === 'static' ? ctx.className : ctx.names.resolveClass(scope.text);
    return className ? constructorOf(className) : undefined;
  }
  return includedClass(ctx, value);
}

function constructorOf(className: string): CallTarget {
  return { type: 'method', className, method: '__construct' };
}

/** `$m . 'Module'` with `include "modules/$m.php"` in the same unit, or a name with a literal start. */
function includedClass(ctx: UnitContext, value: SyntaxNode): CallTarget | undefined {
  const variables = new Set(variablesIn(value));
  if (variables.size === 0 || !ctx.unitNode) return undefined;
  const className = lowerCasePattern(evaluateStatic(value, ctx.facts.file));
  // Nothing of the name is written: any class at all would fit, which tells nothing.
  if (!className.some((part) => 'text' in part && part.text !== '')) return undefined;
  const includes = includesIn(ctx.unitNode).filter((include) => {
    const argument = include.namedChild(0);
    return argument !== null && variablesIn(argument).some((name) => variables.has(name));
  });
  // Several includes built from the same variable: which one declared the class is not known.
  if (includes.length > 1) return undefined;
  // An include whose path has nothing written (`require $cmdFile;` over a `glob()` the
  // analysis cannot read) names no file: the class's literal start is all there is to go on.
  const path = includes[0] && evaluateStatic(includes[0].namedChild(0), ctx.facts.file);
  const pathTellsNothing = path !== undefined && !path.some((part) => 'text' in part && part.text !== '');
  if (includes.length === 0 || pathTellsNothing) {
    // Autoloaded: the project's classes whose names start with the literal part.
    const first = className[0];
    return first && 'text' in first && first.text !== '' ? { type: 'dynamic-class', className, method: '__construct' } : undefined;
  }
  if (!path || !path.some((part) => 'unknown' in part)) return undefined;
  return { type: 'dynamic-class', include: { type: 'include', path, from: ctx.facts.file }, className, method: '__construct' };
}

/** The variables an expression reads (`$m` in `ucfirst($m) . 'Module'`). */
function variablesIn(node: SyntaxNode): string[] {
  if (node.type === 'variable_name') return [node.text];
  return node.descendantsOfType('variable_name').flatMap((variable) => (variable ? [variable.text] : []));
}

/** The includes of a unit's own body (not of functions declared in it). */
function includesIn(unitNode: SyntaxNode): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  const stack: SyntaxNode[] = [unitNode];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node !== unitNode && NESTED_DECLARATIONS.has(node.type)) continue;
    if (INCLUDES.has(node.type)) found.push(node);
    for (const child of node.namedChildren) if (child) stack.push(child);
  }
  return found;
}

/** Class names compare case-insensitively, without a leading backslash. */
function lowerCasePattern(value: StaticString): StaticString {
  return value.map((part, index) => {
    if (!('text' in part)) return part;
    const text = part.text.toLowerCase();
    return { text: index === 0 && text.startsWith('\\') ? text.slice(1) : text };
  });
}
