import { indexByEffectStart, indexedNodesWithin, type EffectSpanIndex } from './effect-span-index';
import { spanKey, type CloseEffect, type Effect, type FileIR, type Observation, type RuleContext, type Span, type UnitFlow } from '../../../core/src';

/**
 * What the code after a point does with the session, for the fixes that close it early:
 * - `none`: nothing (reads of `$_SESSION` keep working on the copy PHP leaves after a close);
 * - `write`: a write that can be wrapped in a reopen (a `$_SESSION` write, or a call of project
 *   code that writes the session and does nothing else with it: no slow work, no flush, no
 *   open or close of its own);
 * - `blocking`: something no early close can keep working (an API that needs the session open
 *   such as `session_regenerate_id()`, a destroy or abort, an open, a callee that closes it or
 *   writes it after closing it, an include the analysis cannot follow).
 */
export type SessionNeed = 'none' | 'write' | 'blocking';

export function sessionNeedOf(context: RuleContext, flow: UnitFlow, effect: Effect, observations: readonly Observation[]): SessionNeed {
  switch (effect.kind) {
    case 'write':
      return effect.resource === flow.resource ? 'write' : 'none';
    case 'use':
    case 'open':
      return effect.resource === flow.resource ? 'blocking' : 'none';
    case 'close':
      // A later plain close is moot once the session is closed; a destroy or abort is not.
      return effect.resource === flow.resource && effect.how !== 'write' ? 'blocking' : 'none';
    case 'call': {
      const outcomes = observations.map((o) => o.call).filter((call) => call !== undefined);
      // An include the analysis cannot follow may write the session (bootstraps often do).
      if (outcomes.length === 0) return effect.target.type === 'include' ? 'blocking' : 'none';
      if (outcomes.some((call) => call.opens.length > 0 || call.writesWhileClosed.length > 0 || releasesOtherThanWrite(context, call.releases))) return 'blocking';
      if (!outcomes.some((call) => call.writesUnderLock.length > 0)) return 'none';
      // A callee that writes may be wrapped only when it has nothing slow or flushed to hold the lock across.
      return outcomes.every((call) => call.slowUnderLock.length === 0 && call.flushes.length === 0 && call.releases.length === 0) ? 'write' : 'blocking';
    }
    default:
      return 'none';
  }
}

/** A release inside a callee that is not a plain write-back (`session_destroy()`), or one that cannot be told. */
function releasesOtherThanWrite(context: RuleContext, releases: readonly (readonly { span: Span }[])[]): boolean {
  if (releases.length === 0) return false;
  const { closes } = effectsOf(context.file);
  return releases.some((chain) => {
    const last = chain[chain.length - 1];
    const close = last ? closes.get(spanKey(last.span)) : undefined;
    // A release in another file: its kind is not known here, so it counts against the fix.
    return close === undefined || close.how !== 'write';
  });
}

/**
 * The observations of a flow by node (a node observed on several paths has several). Built once
 * per flow: the fixes ask it for every statement they check, and a top level with hundreds of
 * session writes would otherwise rebuild it hundreds of times.
 */
export function observationsByNode(flow: UnitFlow): ReadonlyMap<number, readonly Observation[]> {
  let observed = observationsOf.get(flow.observations);
  if (!observed) {
    const built = new Map<number, Observation[]>();
    for (const observation of flow.observations) {
      const list = built.get(observation.node);
      if (list) list.push(observation);
      else built.set(observation.node, [observation]);
    }
    observed = built;
    observationsOf.set(flow.observations, observed);
  }
  return observed;
}

/** Keyed by the observations themselves: a flow's list never changes once computed. */
const observationsOf = new WeakMap<readonly Observation[], ReadonlyMap<number, readonly Observation[]>>();

/** The nodes reachable from `start` (included). */
export function reachedFrom(flow: UnitFlow, start: readonly number[]): Set<number> {
  const reached = new Set(start);
  const stack = [...start];
  while (stack.length > 0) {
    for (const edge of flow.unit.cfg.nodes[stack.pop()!]!.succs) {
      if (!reached.has(edge.to)) {
        reached.add(edge.to);
        stack.push(edge.to);
      }
    }
  }
  return reached;
}

/** The nodes from which one of `targets` can be reached (included). */
export function reaching(flow: UnitFlow, targets: Iterable<number>): Set<number> {
  const preds = new Map<number, number[]>();
  for (const node of flow.unit.cfg.nodes) {
    for (const edge of node.succs) {
      const list = preds.get(edge.to);
      if (list) list.push(node.id);
      else preds.set(edge.to, [node.id]);
    }
  }
  const seen = new Set(targets);
  const stack = [...seen];
  while (stack.length > 0) {
    for (const pred of preds.get(stack.pop()!) ?? []) {
      if (!seen.has(pred)) {
        seen.add(pred);
        stack.push(pred);
      }
    }
  }
  return seen;
}

/** The nodes whose effect lies inside `span`, in node order. */
export function nodesWithin(flow: UnitFlow, span: Span): number[] {
  return indexedNodesWithin(effectNodesByStart(flow), flow, span).sort((a, b) => a - b);
}

/** The unit's nodes with an effect, indexed by where the effect starts (once per unit). */
function effectNodesByStart(flow: UnitFlow): EffectSpanIndex {
  const cfg = flow.unit.cfg;
  let index = effectIndexes.get(cfg);
  if (!index) {
    index = indexByEffectStart(cfg.nodes.filter((node) => node.effect !== undefined), flow.unit);
    effectIndexes.set(cfg, index);
  }
  return index;
}

const effectIndexes = new WeakMap<UnitFlow['unit']['cfg'], EffectSpanIndex>();

/**
 * Output that may reach the client at `effect`: printed output, a download, or a callee that
 * flushes. (Output buffering may hold printed output back; a fix cannot count on it.)
 */
export function mayOutput(effect: Effect, observations: readonly Observation[]): boolean {
  if (effect.kind === 'output') return true;
  if (effect.kind === 'slow' && effect.slowKind === 'download') return true;
  return effect.kind === 'call' && observations.some((o) => (o.call?.flushes.length ?? 0) > 0);
}

export interface FileEffects {
  /** Spans of opens by a framework's bootstrap include. */
  readonly bootstraps: ReadonlySet<string>;
  readonly closes: ReadonlyMap<string, CloseEffect>;
  /** The opens of the file by span. */
  readonly opens: ReadonlyMap<string, Extract<Effect, { kind: 'open' }>>;
}

/** Per file, once: a file with thousands of findings must not be scanned once per finding. */
const fileEffects = new WeakMap<FileIR, FileEffects>();

export function effectsOf(file: FileIR): FileEffects {
  let effects = fileEffects.get(file);
  if (!effects) {
    const bootstraps = new Set<string>();
    const closes = new Map<string, CloseEffect>();
    const opens = new Map<string, Extract<Effect, { kind: 'open' }>>();
    for (const unit of file.units) {
      for (const node of unit.cfg.nodes) {
        if (node.effect?.kind === 'open') {
          opens.set(spanKey(node.effect.span), node.effect);
          if (node.effect.bootstrap) bootstraps.add(spanKey(node.effect.span));
        }
        if (node.effect?.kind === 'close') closes.set(spanKey(node.effect.span), node.effect);
      }
    }
    effects = { bootstraps, closes, opens };
    fileEffects.set(file, effects);
  }
  return effects;
}

export { within } from './effect-span-index';
