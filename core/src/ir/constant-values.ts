import type { PredicateValue } from './effects';
import { shapeValue, type Literal } from './predicate-shape';

/**
 * A constant's value as one fact: `define('PAGE_NAME', 'search')` in an entry script decides
 * every comparison of `PAGE_NAME` in the files it includes (`switch (PAGE_NAME) { case 'style':
 * … }` in the bootstrap), although no unit remembers those comparisons. PHP never defines a
 * constant twice, so the first value fact on a path is the one that holds (a later `define()`
 * fails and changes nothing).
 */
export function constantValueFact(subject: string, literal: Literal): PredicateValue {
  // The literal is in the key: paths that defined different values are not the same fact at a join.
  return { predicate: `value(${subject})=${JSON.stringify(literal)}`, subject, value: true, literal };
}

/**
 * What the known value of its constant says of a comparison (`fact.shape`): undefined when the
 * facts hold no value for that constant or the shape cannot tell.
 */
export function decidedByConstantValue(fact: PredicateValue, facts: readonly PredicateValue[]): boolean | undefined {
  if (!fact.shape) return undefined;
  const known = facts.find((other) => other.subject === fact.subject && other.literal !== undefined && other.predicate.startsWith(`value(${fact.subject})=`));
  return known ? shapeValue(fact.shape, known.literal!) : undefined;
}
