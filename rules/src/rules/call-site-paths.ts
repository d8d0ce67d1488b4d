import { shapeValue, type CallEffect, type CfgNode, type Edge, type Literal, type Unit } from '../../../core/src';

/**
 * What one call passes to its callee, as far as literals written at the call tell: the
 * arguments' values by position, and how many it passes (a parameter past them keeps its
 * default). A callee walked for this call follows only the paths these values allow.
 */
export interface CallArguments {
  readonly values: ReadonlyMap<number, Literal>;
  /** How many positional arguments it passes; undefined when a spread or a name hides it. */
  readonly count?: number;
  /** Identifies the arguments, for memoising a walk per call shape. */
  readonly key: string;
}

/** Nothing known of the arguments: every path of the callee may run. */
export const UNKNOWN_ARGUMENTS: CallArguments = { values: new Map(), key: '?' };

/** The literal arguments of a call (`CallEffect.literalArguments`, `argumentCount`). */
export function argumentsOf(effect: CallEffect): CallArguments {
  const values = new Map<number, Literal>();
  for (const passed of effect.literalArguments ?? []) {
    const value = literalOfKey(passed.value);
    if (value !== undefined) values.set(passed.index, value);
  }
  if (values.size === 0 && effect.argumentCount === undefined) return UNKNOWN_ARGUMENTS;
  const key = `${effect.argumentCount ?? '?'}|${[...values].map(([index, value]) => `${index}=${JSON.stringify(value)}`).join(',')}`;
  return { values, ...(effect.argumentCount === undefined ? {} : { count: effect.argumentCount }), key };
}

/**
 * Whether the callee can take `edge` for this call: the edge needs a parameter's test to have
 * an outcome (`Edge.parameterTest`) that the argument written at the call (or the default of
 * an argument left out) does not give.
 */
export function takes(edge: Edge, args: CallArguments): boolean {
  const mark = edge.parameterTest;
  if (!mark) return true;
  const outcome = outcomeOf(mark.index, args, (value) => shapeValue(mark.shape, value), mark.whenOmitted);
  return outcome === undefined || outcome === mark.value;
}

/**
 * Whether a path of the callee can pass `node` for this call: a `fact` the node sets about a
 * parameter the unit remembers (a `switch ($type)` arm, a test made twice: `Unit.parameterTests`,
 * `omittedArguments`) that the call's argument contradicts rules the path out.
 */
export function passes(unit: Unit, node: CfgNode, args: CallArguments): boolean {
  const effect = node.effect;
  if (effect?.kind !== 'fact' || !effect.set || args === UNKNOWN_ARGUMENTS) return true;
  for (const fact of effect.set) {
    const parameter = unit.parameterTests?.find((tested) => tested.subject === fact.subject);
    if (!parameter) continue;
    const shape = parameter.tests.find((test) => test.predicate === fact.predicate)?.shape;
    const omitted = unit.omittedArguments?.find((left) => left.index === parameter.index)?.facts.find((known) => known.predicate === fact.predicate)?.value;
    const outcome = outcomeOf(parameter.index, args, (value) => (shape ? shapeValue(shape, value) : undefined), omitted);
    if (outcome !== undefined && outcome !== fact.value) return false;
  }
  return true;
}

/** A test's outcome for the argument at `index`: from its literal value, or its default when left out. */
function outcomeOf(index: number, args: CallArguments, evaluate: (value: Literal) => boolean | undefined, whenOmitted: boolean | undefined): boolean | undefined {
  if (args.values.has(index)) return evaluate(args.values.get(index) as Literal);
  if (args.count !== undefined && index >= args.count) return whenOmitted;
  return undefined;
}

/** A literal argument's key (`predicates.ts` `literalKey`: `"text"`, `1`, `true`, `null`) as its value. */
function literalOfKey(key: string): Literal | undefined {
  if (key === 'true') return true;
  if (key === 'false') return false;
  if (key === 'null') return null;
  if (key.startsWith('"')) {
    try {
      const value: unknown = JSON.parse(key);
      return typeof value === 'string' ? value : undefined;
    } catch {
      return undefined;
    }
  }
  const number = Number(key);
  return key !== '' && Number.isFinite(number) ? number : undefined;
}
