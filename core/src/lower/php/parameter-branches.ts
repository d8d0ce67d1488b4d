import { CfgBuilder } from '../../ir/cfg-builder';
import type { ParameterTestMark } from '../../ir/cfg';
import { shapeValue } from '../../ir/predicate-shape';
import type { SyntaxNode } from '../../parse/php';
import type { Branches } from './conditions';
import type { UnitContext } from './context';
import { byReferenceCaptures, parameterIndexes, predicateTest, unstableVariables } from './predicates';
import { NESTED_DECLARATIONS } from './unit-scope';

/**
 * Marks the two ways out of a condition that tests one of the unit's parameters
 * (`if ($redirect_to == 'NOREDIRECT') return TRUE;`, `if (!$url)`, `empty($p)`, `isset($p)`)
 * with the test's outcome each needs (`Edge.parameterTest`), so that a rule walking the callee
 * for one call site can follow only the paths the call's literal argument allows:
 * `hesk_process_messages($msg, 'NOREDIRECT')` never reaches the function's
 * `header('Location: …'); exit;`.
 *
 * Only parameters taken by value that the unit never changes (no assignment, `++`, reference,
 * `global`, `unset`, …, anywhere in its body): the test then reads what the caller passed.
 * The flow does not read the marks (a parameter tested once is not remembered there, and
 * remembering it would key every summary by it); they cost nothing to a unit's analysis.
 */
export function markParameterBranches(ctx: UnitContext, condition: SyntaxNode, branches: Branches): Branches {
  const test = predicateTest(condition, ctx.predicateScope);
  if (!test || test.predicate.shape.kind === 'opaque') return branches;
  const index = fixedParameters(ctx).get(test.predicate.subject);
  if (index === undefined) return branches;
  const { shape } = test.predicate;
  const fallback = ctx.parameterDefaults.get(test.predicate.subject);
  const omitted = fallback && fallback.index === index ? shapeValue(shape, fallback.value) : undefined;
  const mark = (outcome: boolean): ParameterTestMark => ({
    index,
    shape,
    value: outcome,
    ...(omitted === undefined ? {} : { whenOmitted: omitted }),
  });
  return {
    whenTrue: CfgBuilder.withParameterTest(branches.whenTrue, mark(!test.negated)),
    whenFalse: CfgBuilder.withParameterTest(branches.whenFalse, mark(test.negated)),
  };
}

/** The unit's by-value parameters its body never changes, by `$name` (worked out once per unit). */
function fixedParameters(ctx: UnitContext): ReadonlyMap<string, number> {
  if (ctx.fixedParameters) return ctx.fixedParameters;
  const unit = ctx.unitNode;
  const body = unit?.childForFieldName('body');
  const fixed = unit && body && unit.type !== 'program' ? parameterIndexes(unit) : new Map<string, number>();
  if (fixed.size > 0 && changesParameters(body!, fixed, ctx)) fixed.clear();
  ctx.fixedParameters = fixed;
  return fixed;
}

/**
 * Removes from `parameters` those the body may change; true when it may change any variable
 * (`extract()`, `$$name`).
 */
function changesParameters(body: SyntaxNode, parameters: Map<string, number>, ctx: UnitContext): boolean {
  const changed = new Set<string>();
  const stack: SyntaxNode[] = [body];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node !== body && NESTED_DECLARATIONS.has(node.type)) {
      // A closure's `use (&$x)` changes `$x` whenever it runs; an arrow function cannot.
      for (const ref of byReferenceCaptures(node)) if (unstableVariables(ref, changed, ctx.predicateScope)) return true;
      continue;
    }
    if (unstableVariables(node, changed, ctx.predicateScope)) return true;
    // Plain assignments too (the flow sees them; a caller's value no longer holds after one).
    if (node.type === 'assignment_expression' || node.type === 'augmented_assignment_expression') {
      const left = node.childForFieldName('left');
      if (left?.type === 'variable_name') changed.add(left.text);
    }
    for (const child of node.namedChildren) if (child) stack.push(child);
  }
  for (const name of changed) parameters.delete(name);
  return false;
}
