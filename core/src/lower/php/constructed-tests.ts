import { shapeValue, type Literal, type PredicateShape } from '../../ir/predicate-shape';
import type { SyntaxNode } from '../../parse/php';
import type { UnitContext } from './context';
import { literalOf } from './literals';
import { literalString } from './session-access';

/**
 * Conditions on `$this->prop` or `$this->options['key']` in a method, decided by the values
 * the project's constructions give the property (`project/constructed-values.ts`): with
 * `'image_library' => 1` set by the constructor and kept by every `new`,
 * `if ($this->options['image_library'] === 2)` never takes its branch.
 */

function named(node: SyntaxNode | null | undefined): SyntaxNode[] {
  return (node?.namedChildren ?? []).filter((c): c is SyntaxNode => c !== null && c.type !== 'comment');
}

/** The values `$this->prop` / `$this->prop['key']` can hold here, when the project fixes them. */
export function constructedValuesOf(ctx: UnitContext, node: SyntaxNode): readonly Literal[] | undefined {
  if (ctx.objectClass === undefined) return undefined;
  let bare = node;
  while ((bare.type === 'parenthesized_expression' || bare.type === 'error_suppression_expression') && named(bare)[0]) bare = named(bare)[0]!;
  let key: string | undefined;
  if (bare.type === 'subscript_expression') {
    const index = bare.namedChild(1);
    key = index ? literalString(index) : undefined;
    if (key === undefined || !bare.namedChild(0)) return undefined;
    bare = bare.namedChild(0)!;
  }
  if (bare.type !== 'member_access_expression') return undefined;
  const object = bare.childForFieldName('object');
  const name = bare.childForFieldName('name');
  if (object?.type !== 'variable_name' || object.text !== '$this' || name?.type !== 'name') return undefined;
  return ctx.facts.symbols.constructedValues(ctx.objectClass, name.text, key);
}

/** A condition leaf over such a property: its shape and whether it is negated. */
function propertyTest(ctx: UnitContext, node: SyntaxNode): { values: readonly Literal[]; shape: PredicateShape; negated: boolean } | undefined {
  if (node.type === 'parenthesized_expression' && named(node)[0]) return propertyTest(ctx, named(node)[0]!);
  if (node.type === 'unary_op_expression' && node.children.some((c) => c !== null && !c.isNamed && c.text === '!')) {
    const argument = node.childForFieldName('argument') ?? node.namedChild(0);
    const inner = argument ? propertyTest(ctx, argument) : undefined;
    return inner && { ...inner, negated: !inner.negated };
  }
  const direct = constructedValuesOf(ctx, node);
  if (direct) return { values: direct, shape: { kind: 'truthy' }, negated: false };
  if (node.type === 'function_call_expression') {
    const called = node.childForFieldName('function')?.text.toLowerCase();
    const args = named(node.childForFieldName('arguments')).filter((c) => c.type === 'argument');
    const argument = args.length === 1 ? named(args[0])[0] : undefined;
    const values = argument ? constructedValuesOf(ctx, argument) : undefined;
    if (!values) return undefined;
    if (called === 'empty') return { values, shape: { kind: 'truthy' }, negated: true };
    if (called === 'isset') return { values, shape: { kind: 'isset' }, negated: false };
    if (called === 'is_null') return { values, shape: { kind: 'compare', strict: true, literal: null }, negated: false };
    return undefined;
  }
  if (node.type === 'binary_expression') {
    const operator = node.childForFieldName('operator')?.text.toLowerCase() ?? '';
    const strict = operator === '===' || operator === '!==';
    if (!strict && operator !== '==' && operator !== '!=' && operator !== '<>') return undefined;
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    for (const [side, other] of [[left, right], [right, left]] as const) {
      const values = side ? constructedValuesOf(ctx, side) : undefined;
      const literal = literalOf(other);
      if (values && literal !== undefined) return { values, shape: { kind: 'compare', strict, literal }, negated: operator.startsWith('!') || operator === '<>' };
    }
  }
  return undefined;
}

/** The condition's value when every value the property can hold gives the same one. */
export function constructedTruth(ctx: UnitContext, node: SyntaxNode): boolean | undefined {
  const test = propertyTest(ctx, node);
  if (!test || test.values.length === 0) return undefined;
  const results = test.values.map((value) => shapeValue(test.shape, value));
  const first = results[0];
  if (first === undefined || results.some((result) => result !== first)) return undefined;
  return test.negated ? !first : first;
}

/** Whether `switch` on these values can enter `case literal:` (undefined: cannot tell). */
export function caseMatches(values: readonly Literal[], literal: Literal): boolean | undefined {
  const results = values.map((value) => shapeValue({ kind: 'compare', strict: false, literal }, value));
  if (results.some((result) => result === undefined)) return undefined;
  return results.some((result) => result === true);
}
