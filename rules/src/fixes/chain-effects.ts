import { type Effect, type RuleContext, type Step, type Unit } from '../../../core/src';

/**
 * The effect at the end of a chain of steps that starts in `unit` (an open site's chain: the
 * include of `common.php`, then the `session_start()` inside it), found by following each
 * call or include of the chain into the units it runs (`RuleContext.resolveCall`), so an open
 * or close made in another file is known by what it is, not only by where it is. Undefined
 * when a step cannot be followed (calls are not resolved, or the chain leaves the project).
 */
export function effectAtEndOf<K extends Effect['kind']>(context: RuleContext, unit: Unit, chain: readonly Step[], kind: K): Extract<Effect, { kind: K }> | undefined {
  return endOf(context, unit, chain, kind)?.effect;
}

/**
 * The unit that makes the effect at the end of a chain (the helper whose `$_SESSION` write a
 * call leads to), found as `effectAtEndOf` finds the effect. Undefined when a step cannot be followed.
 */
export function unitAtEndOf(context: RuleContext, unit: Unit, chain: readonly Step[], kind: Effect['kind']): Unit | undefined {
  return endOf(context, unit, chain, kind)?.unit;
}

/** The chain followed call by call from `unit`: the effect at its last step and the unit that has it. */
function endOf<K extends Effect['kind']>(context: RuleContext, unit: Unit, chain: readonly Step[], kind: K): { effect: Extract<Effect, { kind: K }>; unit: Unit } | undefined {
  let units: readonly Unit[] = [unit];
  for (const [index, step] of chain.entries()) {
    if (index === chain.length - 1) return effectAt(units, step, kind);
    const call = effectAt(units, step, 'call');
    if (!call || !context.resolveCall) return undefined;
    units = context.resolveCall(call.effect.target, call.unit, call.effect.span);
  }
  return undefined;
}

/** The effect of that kind one of `units` has at the step's span (a call and the release it makes share one). */
function effectAt<K extends Effect['kind']>(units: readonly Unit[], step: Step, kind: K): { effect: Extract<Effect, { kind: K }>; unit: Unit } | undefined {
  for (const unit of units) {
    for (const node of unit.cfg.nodes) {
      const effect = node.effect;
      if (effect?.kind === kind && effect.span.file === step.span.file && effect.span.start === step.span.start && effect.span.end === step.span.end) {
        return { effect: effect as Extract<Effect, { kind: K }>, unit };
      }
    }
  }
  return undefined;
}


/**
 * Where each step of a chain below its first runs: the unit and its node (a call for the inner
 * steps, the effect of `kind` for the last), followed as `effectAtEndOf` follows the chain.
 * Undefined when a step cannot be followed.
 */
export function nodesAlong(context: RuleContext, unit: Unit, chain: readonly Step[], kind: Effect['kind']): { unit: Unit; node: number }[] | undefined {
  const along: { unit: Unit; node: number }[] = [];
  let units: readonly Unit[] = [unit];
  for (const [index, step] of chain.entries()) {
    const last = index === chain.length - 1;
    const found = nodeAt(units, step, last ? kind : 'call');
    if (!found) return undefined;
    if (index > 0) along.push(found);
    if (last) return along;
    const call = found.unit.cfg.nodes[found.node]!.effect;
    if (call?.kind !== 'call' || !context.resolveCall) return undefined;
    units = context.resolveCall(call.target, found.unit, call.span);
  }
  return undefined;
}

/** The node of one of `units` whose effect of that kind is at the step's span. */
function nodeAt(units: readonly Unit[], step: Step, kind: Effect['kind']): { unit: Unit; node: number } | undefined {
  for (const unit of units) {
    const node = unit.cfg.nodes.find(({ effect }) => effect?.kind === kind && effect.span.file === step.span.file && effect.span.start === step.span.start && effect.span.end === step.span.end);
    if (node) return { unit, node: node.id };
  }
  return undefined;
}
