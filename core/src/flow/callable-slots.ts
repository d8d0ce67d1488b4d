import type { CallEffect, CallTarget } from '../ir/effects';
import type { Unit } from '../ir/unit';

/**
 * Which of a unit's parameters can run what its callers bind to them. A caller binds every
 * argument that may be a callable (any string literal may name a function: `$log->debug('lock
 * held too long')`), and the bindings are part of the callee's summary key; but only a
 * parameter the unit calls (`$callback()`), passes on to code that calls it, or lets a closure
 * written in it call (`use ($callback)`, TypeScript's captured parameters) ever reads its binding. The
 * others change nothing the flow computes, so they are dropped before the key is built: without
 * that, MediaWiki's loggers (every `LoggerInterface` implementation, entered for each message
 * string written at a `->debug()` call) were summarised once per message, and the run did not
 * end.
 */

/** A parameter slot as the engine keys bindings: the position, or `position.property`. */
export type CallableSlot = number | string;

export function callableSlotOf(index: number, property: string | undefined): CallableSlot {
  return property === undefined ? index : `${index}.${property}`;
}

/** How the search sees the project: the units a call runs (with the overrides a virtual call may run). */
export type CalleesOfCall = (effect: CallEffect, from: Unit) => readonly Unit[];

/**
 * The slots of parameters whose bindings the unit may read: those it calls, and those it passes
 * as callables to a call whose callee (any of them) reads the slot it receives them in, or to a
 * call of a callable (its callee is not known here); in it and in the closures written inside it
 * (which reach its parameters as captured ones: any level is kept, a superset, so nothing read is
 * dropped). Passing on goes round in cycles (`ContextSource::msg()` calls `msg()` on an
 * `IContextSource`, whose implementations include itself), so the answer is a least fixpoint over
 * the units a query reaches by passing callables on, computed once for all of them.
 */
export class SlotsRead {
  private readonly known = new WeakMap<Unit, ReadonlySet<CallableSlot>>();

  constructor(
    private readonly calleesOfCall: CalleesOfCall,
    private readonly closureUnits: (target: Extract<CallTarget, { type: 'closure' }>, from: Unit, effect: CallEffect) => readonly Unit[],
  ) {}

  of(unit: Unit): ReadonlySet<CallableSlot> {
    const known = this.known.get(unit);
    if (known) return known;
    // The units whose answers this one depends on, not known yet.
    const region: Unit[] = [];
    const inRegion = new Set<Unit>();
    const stack = [unit];
    while (stack.length > 0) {
      const current = stack.pop()!;
      if (inRegion.has(current) || this.known.has(current)) continue;
      inRegion.add(current);
      region.push(current);
      this.forEachPassedOn(current, (effect, from) => stack.push(...this.calleesOfCall(effect, from)));
    }
    const sets = new Map<Unit, Set<CallableSlot>>(region.map((one) => [one, new Set()]));
    const lookup = (one: Unit): ReadonlySet<CallableSlot> => this.known.get(one) ?? sets.get(one)!;
    // Sets only grow, and are bounded by the slots written in the region: this ends.
    for (let changed = true; changed; ) {
      changed = false;
      for (const one of region) {
        const slots = sets.get(one)!;
        const before = slots.size;
        this.collect(one, slots, lookup);
        if (slots.size > before) changed = true;
      }
    }
    for (const one of region) this.known.set(one, sets.get(one)!);
    return sets.get(unit)!;
  }

  /** Adds to `slots` what `unit` reads, given what its callees read (`lookup`). */
  private collect(unit: Unit, slots: Set<CallableSlot>, lookup: (callee: Unit) => ReadonlySet<CallableSlot>): void {
    this.forEachCall(unit, (effect, from) => {
      if (effect.target.type === 'parameter') slots.add(callableSlotOf(effect.target.index, effect.target.property));
      for (const callable of effect.callables ?? []) {
        const target = callable.target;
        if (target.type !== 'parameter') continue;
        const slot = callableSlotOf(target.index, target.property);
        if (slots.has(slot)) continue;
        const received = callableSlotOf(callable.index, callable.property);
        if (effect.target.type === 'parameter' || this.calleesOfCall(effect, from).some((callee) => lookup(callee).has(received))) slots.add(slot);
      }
    });
  }

  /** The calls that pass one of the parameters on as a callable to a callee the search can see. */
  private forEachPassedOn(unit: Unit, visit: (effect: CallEffect, from: Unit) => void): void {
    this.forEachCall(unit, (effect, from) => {
      if (effect.target.type !== 'parameter' && (effect.callables ?? []).some((callable) => callable.target.type === 'parameter')) visit(effect, from);
    });
  }

  /** Every call of the unit and of the closures written inside it. */
  private forEachCall(unit: Unit, visit: (effect: CallEffect, from: Unit) => void): void {
    const seen = new Set<Unit>();
    const walk = (current: Unit): void => {
      if (seen.has(current)) return;
      seen.add(current);
      for (const node of current.cfg.nodes) {
        const effect = node.effect;
        if (effect?.kind !== 'call') continue;
        visit(effect, current);
        for (const target of [effect.target, ...(effect.callables ?? []).map((callable) => callable.target)]) {
          if (target.type === 'closure' && writtenIn(target, unit)) for (const closure of this.closureUnits(target, current, effect)) walk(closure);
        }
      }
    };
    walk(unit);
  }
}

/** A closure target inside the unit's own text. */
function writtenIn(target: Extract<CallTarget, { type: 'closure' }>, unit: Unit): boolean {
  return target.file === unit.span.file && target.start > unit.span.start && target.start < unit.span.end;
}
