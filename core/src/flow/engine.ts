import type { CallEffect, Effect, ResourceId, SlowKind } from '../ir/effects';
import type { Unit } from '../ir/unit';
import type { CallResolver } from './resolver';
import { heldOperations } from './held';
import { solve } from './solver';
import {
  CLOSED,
  OPEN_AT_ENTRY,
  RELEASED,
  joinStates,
  siteFromChain,
  unionSites,
  withOptional,
  type OpenSite,
  type ResourceState,
  type Step,
} from './state';

/** Slow work reached through a call, seen from the caller: chain[0] is the call. */
export interface SlowOccurrence {
  readonly kind: SlowKind;
  /** The operation's name for messages: `sleep()`, `PDO::query()`. */
  readonly callee: string;
  readonly detail?: string;
  readonly chain: readonly Step[];
  /** Set when the operation is a loop that repeats slow work or polls. */
  readonly loop?: 'repeats' | 'polls' | 'streams';
}

/** What a call to project code does while the resource is held. */
export interface CallOutcome {
  readonly units: readonly Unit[];
  /** Slow work the callee does while the caller's lock is still held. */
  readonly slowUnderLock: readonly SlowOccurrence[];
  /** Where the callee releases the caller's lock, as chains from the call. */
  readonly releases: readonly (readonly Step[])[];
}

/** The state before one effect, and for calls what the callee does. */
export interface Observation {
  readonly node: number;
  readonly effect: Effect;
  readonly before: ResourceState;
  readonly call?: CallOutcome;
}

export interface UnitFlow {
  readonly unit: Unit;
  readonly resource: ResourceId;
  /** In-state of every node (undefined: unreachable). */
  readonly states: readonly (ResourceState | undefined)[];
  readonly observations: readonly Observation[];
  /** At the normal end of the unit (end of body or `return`). */
  readonly exit: ResourceState | undefined;
  /** At `exit`/`die`. */
  readonly terminate: ResourceState | undefined;
  /** At an exception that leaves the unit. */
  readonly throwExit: ResourceState | undefined;
}

/** How a unit behaves, from one entry state, as its callers see it. */
interface Summary {
  readonly exit: ResourceState | undefined;
  readonly slowUnderLock: readonly SlowOccurrence[];
  readonly releases: readonly (readonly Step[])[];
}

/** Occurrences kept per call: the first few are enough to explain a finding. */
const MAX_OCCURRENCES = 4;

/**
 * Runs the session dataflow over units and summarises callees on demand, memoised per
 * (unit, entry state). A unit that is being summarised when it is called again (recursion)
 * is assumed to change nothing for that inner call.
 */
export class FlowEngine {
  private readonly summaries = new Map<string, Summary | 'in-progress'>();

  constructor(
    private readonly resolver: CallResolver,
    private readonly lineOf: (unit: Unit, offset: number) => number,
  ) {}

  /** The unit on its own, entered with the resource closed, as the rules see it. */
  analyze(unit: Unit, resource: ResourceId, entry: 'closed' | 'open' = 'closed'): UnitFlow {
    return this.run(unit, resource, entry === 'closed' ? CLOSED : OPEN_AT_ENTRY);
  }

  private run(unit: Unit, resource: ResourceId, entry: ResourceState): UnitFlow {
    const cfg = unit.cfg;
    const calls = new Map<number, CallOutcome>();
    const states = solve(cfg, resource, entry, (effect, node, before) => {
      if (effect.kind === 'call') {
        const { after, outcome } = this.applyCall(effect, unit, resource, before);
        if (outcome) calls.set(node, outcome);
        return after;
      }
      return transferEffect(effect, resource, before, this.openStep(effect));
    });
    const observations: Observation[] = [];
    for (const node of cfg.nodes) {
      const before = states[node.id];
      if (!node.effect || !before) continue;
      const call = calls.get(node.id);
      observations.push(call ? { node: node.id, effect: node.effect, before, call } : { node: node.id, effect: node.effect, before });
    }
    return {
      unit,
      resource,
      states,
      observations,
      exit: states[cfg.exit],
      terminate: states[cfg.terminate],
      throwExit: states[cfg.throwExit],
    };
  }

  private openStep(effect: Effect): Step | undefined {
    if (effect.kind !== 'open') return undefined;
    return { span: effect.span, label: `session opened here by \`${effect.api}\`` };
  }

  private summary(unit: Unit, resource: ResourceId, entry: 'closed' | 'open'): Summary | undefined {
    const key = `${unit.span.file}#${unit.id}#${resource}#${entry}`;
    const known = this.summaries.get(key);
    if (known === 'in-progress') return undefined;
    if (known) return known;
    this.summaries.set(key, 'in-progress');
    const flow = this.analyze(unit, resource, entry);
    const held = heldOperations(flow).filter((op) => op.sites.some((site) => site.entry));
    const slowUnderLock = held.slice(0, MAX_OCCURRENCES).map((op) => op.occurrence);
    const releases: Step[][] = [];
    for (const observation of flow.observations) {
      if (!observation.before.open.some((site) => site.entry)) continue;
      if (observation.effect.kind === 'close' && observation.effect.resource === resource) {
        releases.push([{ span: observation.effect.span, label: `released here by \`${observation.effect.api}\`` }]);
      } else if (observation.call) {
        releases.push(...observation.call.releases.map((chain) => [...chain]));
      }
    }
    const summary: Summary = { exit: flow.exit, slowUnderLock, releases: releases.slice(0, MAX_OCCURRENCES) };
    this.summaries.set(key, summary);
    return summary;
  }

  private applyCall(
    effect: CallEffect,
    from: Unit,
    resource: ResourceId,
    before: ResourceState,
  ): { after: ResourceState | undefined; outcome?: CallOutcome } {
    const units = this.resolver.resolve(effect.target, from);
    if (units.length === 0) return { after: before };
    const callStep: Step = { span: effect.span, label: `\`${effect.display}\` is called here` };
    const results: ResourceState[] = [];
    const slowUnderLock: SlowOccurrence[] = [];
    const releases: Step[][] = [];
    for (const unit of units) {
      if (before.closed) {
        const summary = this.summary(unit, resource, 'closed');
        if (!summary) results.push({ closed: true, open: [] });
        else if (summary.exit) results.push(prefixSites(summary.exit, callStep, []));
      }
      if (before.open.length > 0) {
        const summary = this.summary(unit, resource, 'open');
        if (!summary) {
          results.push({ closed: false, open: before.open });
        } else {
          if (summary.exit) results.push(prefixSites(summary.exit, callStep, before.open));
          for (const occurrence of summary.slowUnderLock) {
            slowUnderLock.push({ ...occurrence, chain: [callStep, ...occurrence.chain] });
          }
          for (const chain of summary.releases) releases.push([callStep, ...chain]);
        }
      }
    }
    let after = joinStates(results);
    if (after && after.open.length > 0 && after.closed && !before.closed) {
      const line = this.lineOf(from, effect.span.start);
      after = withOptional(after, after.via, after.whyMaybe ?? `\`${effect.display}\` leaves it open (line ${line})`);
    } else if (after && after.open.length > 0 && after.closed && before.open.length === 0) {
      const line = this.lineOf(from, effect.span.start);
      after = withOptional(after, after.via, `\`${effect.display}\` opens it (line ${line})`);
    }
    const outcome: CallOutcome = { units, slowUnderLock: slowUnderLock.slice(0, MAX_OCCURRENCES), releases };
    return { after, outcome };
  }
}

/** Re-roots a callee's exit state in the caller: its own sites get the call in front. */
function prefixSites(state: ResourceState, call: Step, callerSites: readonly OpenSite[]): ResourceState {
  let open: readonly OpenSite[] = [];
  for (const site of state.open) {
    open = site.entry ? unionSites(open, callerSites) : unionSites(open, [siteFromChain([call, ...site.chain])]);
  }
  return withOptional({ closed: state.closed, open }, undefined, undefined);
}

/** The effect of everything but calls. */
export function transferEffect(
  effect: Effect,
  resource: ResourceId,
  before: ResourceState,
  openStep: Step | undefined,
): ResourceState | undefined {
  if (!('resource' in effect) || effect.resource !== resource) return before;
  switch (effect.kind) {
    case 'open': {
      if (effect.mode === 'read-and-close' || !openStep) return before;
      // Already open on every path: PHP ignores the second start (with a notice).
      if (!before.closed) return before;
      return withOptional({ closed: false, open: unionSites(before.open, [siteFromChain([openStep])]) }, before.via, undefined);
    }
    case 'close':
      return RELEASED;
    case 'assume':
      switch (effect.state) {
        case 'open':
          return before.open.length > 0 ? withOptional({ closed: false, open: before.open }, before.via, undefined) : undefined;
        case 'closed':
          return before.closed ? withOptional({ closed: true, open: [], released: before.released === true }, undefined, undefined) : undefined;
        case 'started': {
          // Open, or closed after a start: the closed part survives only if it was released.
          const closed = before.released === true;
          if (before.open.length === 0 && !closed) return undefined;
          return withOptional({ closed, open: before.open, released: closed }, before.via, closed ? before.whyMaybe : undefined);
        }
      }
    default:
      return before;
  }
}
