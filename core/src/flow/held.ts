import type { Cfg } from '../ir/cfg';
import type { HoldEstimate, SlowKind } from '../ir/effects';
import { compareSpans, type Span } from '../model/span';
import type { Observation, SlowOccurrence, UnitFlow } from './engine';
import type { OpenSite, ResourceState, Step } from './state';
import { nodesThatContinue } from './continuing';

/**
 * Slow work done while the resource is open or maybe open, each with the place a finding
 * would point at: the operation itself, or the header of the outermost loop that repeats
 * it while still holding the lock.
 */
export interface HeldOperation {
  /** The observation (in this unit) that holds the operation. */
  readonly node: number;
  /** Where a finding points: the call, or a loop header. */
  readonly span: Span;
  readonly occurrence: SlowOccurrence;
  /** The open sites of the region holding it. */
  readonly sites: readonly OpenSite[];
  readonly state: ResourceState;
  /** A clock read or a flush that only marks its loop as polling or streaming. */
  readonly marker: boolean;
}

interface RawOperation {
  readonly observation: Observation;
  readonly occurrence: SlowOccurrence;
  /** A clock read or a flush: only slow as part of a loop. */
  readonly onlyInLoop: boolean;
}

export function heldOperations(flow: UnitFlow): HeldOperation[] {
  const cfg = flow.unit.cfg;
  const loopsWithChunkReads = loopsContaining(flow, 'chunk-read');
  const loopsWithCloses = loopsContaining(flow, 'close');
  const loopsWithYields = loopsContaining(flow, 'yield');
  const result: HeldOperation[] = [];
  for (const raw of [...rawOperations(flow, loopsWithChunkReads, loopsWithCloses, loopsWithYields), ...callbackOperations(flow)]) {
    const { observation } = raw;
    // Lifting a time limit in a loop sets it again each round: it repeats no work.
    const loop =
      raw.occurrence.kind === 'long-running' ? undefined : outermostHeldLoop(cfg, flow, observation.node, observation.before.open);
    if (loop === undefined) {
      if (raw.onlyInLoop) continue;
      result.push({
        node: observation.node,
        span: raw.occurrence.chain[0]!.span,
        occurrence: raw.occurrence,
        sites: observation.before.open,
        state: observation.before,
        marker: false,
      });
      continue;
    }
    const info = cfg.loops[loop]!;
    const polls = info.infinite || raw.occurrence.kind === 'polling';
    const loopStep: Step = {
      span: info.header,
      label: polls ? 'this loop polls while the lock is held' : 'this loop repeats it while the lock is held',
    };
    const hold = heldThroughLoops(cfg, observation.node, loop, raw.occurrence.hold);
    // Only a `foreach` goes over data for sure: a `while` that sleeps may be waiting for its test.
    const pause = !polls && isPause(raw.occurrence) && loopsUpTo(cfg, observation.node, loop).every((l) => cfg.loops[l]!.kind === 'foreach');
    const occurrence: SlowOccurrence = {
      ...raw.occurrence,
      ...(pause ? { pause: true as const } : {}),
      chain: [loopStep, ...raw.occurrence.chain],
      loop: raw.occurrence.loop ?? (polls ? 'polls' : 'repeats'),
      ...(hold ? { hold } : {}),
    };
    result.push({
      node: observation.node,
      span: info.header,
      occurrence,
      sites: observation.before.open,
      state: observation.before,
      marker: raw.onlyInLoop,
    });
  }
  return result.sort(compareHeld);
}

/**
 * Source order; at the same place, real slow work before the markers of its loop, then the
 * slow work reached first: the chains compared step by step from the outermost call, so two
 * pieces of work behind one call are ordered where they part (line 240 of the callee before its
 * line 368). Comparing only the innermost steps ordered them by their files' paths, which are
 * relative to where the run started: a monorepo told the same region from another slow call
 * when checked from a package's folder.
 */
export function compareHeld(a: HeldOperation, b: HeldOperation): number {
  return compareSpans(a.span, b.span) || Number(a.marker) - Number(b.marker) || compareChains(a.occurrence.chain, b.occurrence.chain);
}

function compareChains(a: readonly { readonly span: Span }[], b: readonly { readonly span: Span }[]): number {
  for (let index = 0; index < a.length && index < b.length; index++) {
    const order = compareSpans(a[index]!.span, b[index]!.span);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

function* rawOperations(
  flow: UnitFlow,
  loopsWithChunkReads: ReadonlySet<number>,
  loopsWithCloses: ReadonlySet<number>,
  loopsWithYields: ReadonlySet<number>,
): Generator<RawOperation> {
  const cfg = flow.unit.cfg;
  const reportsFailure = failureReports(flow);
  for (const observation of flow.observations) {
    if (observation.before.open.length === 0) continue;
    const effect = observation.effect;
    const loop = cfg.nodes[observation.node]!.loop;
    switch (effect.kind) {
      case 'slow':
        yield {
          observation,
          onlyInLoop: false,
          occurrence: {
            kind: effect.slowKind,
            callee: effect.callee,
            ...(effect.detail !== undefined ? { detail: effect.detail } : {}),
            ...(effect.hold !== undefined ? { hold: effect.hold } : {}),
            ...(effect.pathParameter !== undefined ? { pathParameter: effect.pathParameter } : urlPending(cfg.nodes[observation.node]!.urlParameter, effect.slowKind)),
            ...(effect.unjudged ? { unjudged: true as const } : {}),
            ...(effect.commandParameter !== undefined ? { commandParameter: effect.commandParameter } : {}),
            ...(effect.image ? { image: true as const } : {}),
            ...(effect.thisMachine ? { thisMachine: effect.thisMachine } : {}),
            ...(cfg.nodes[observation.node]!.errorPath ? { errorPath: cfg.nodes[observation.node]!.errorPath } : {}),
            ...(reportsFailure(observation.node) ? { failureReport: true as const } : {}),
            ...(cfg.nodes[observation.node]!.setting ? { setting: cfg.nodes[observation.node]!.setting } : {}),
            chain: [{ span: effect.span, label: slowLabel(effect.callee, effect.slowKind, effect.detail) }],
          },
        };
        break;
      case 'call': {
        // A call in a `catch` block puts everything it reaches on the error path; one that runs
        // only when a setting is changed from its shipped value, behind that setting (unless a
        // test nearer the work already names one).
        const { errorPath, setting, urlParameter } = cfg.nodes[observation.node]!;
        for (const found of observation.call?.slowUnderLock ?? []) {
          let occurrence = errorPath && !found.errorPath ? { ...found, errorPath } : found;
          if (!occurrence.failureReport && reportsFailure(observation.node)) occurrence = { ...occurrence, failureReport: true };
          if (occurrence.pathParameter === undefined) occurrence = { ...occurrence, ...urlPending(urlParameter, occurrence.kind) };
          if (setting && !occurrence.setting) occurrence = { ...occurrence, setting };
          yield { observation, occurrence, onlyInLoop: false };
        }
        break;
      }
      case 'time-check':
        // A clock read in a condition marks a polling loop, unless the loop releases the lock
        // each round (close, wait, reopen is the recommended shape, not a problem), or only
        // yields the CPU between rounds (`usleep(50)`): it spins on a local condition, such as
        // a lock directory another request holds for a moment, not on a remote service. A loop
        // that goes round again only when a call that fails only on an error failed (a retry
        // around a blocking `flock()`) polls only after that error.
        if (
          loop !== undefined &&
          effect.decidesLoop &&
          cfg.loops[loop]!.kind !== 'foreach' &&
          !enclosingLoops(cfg, loop).some((l) => loopsWithCloses.has(l)) &&
          !loopsWithYields.has(loop)
        ) {
          const failedCall = cfg.loops[loop]!.repeatsOnFailureOf;
          const errorPath = cfg.nodes[observation.node]!.errorPath ?? (failedCall !== undefined ? { failedCall } : undefined);
          yield {
            observation,
            onlyInLoop: true,
            occurrence: {
              kind: 'polling',
              callee: effect.callee,
              loop: 'polls',
              ...(errorPath ? { errorPath } : {}),
              chain: [{ span: effect.span, label: `waits on the clock with \`${effect.callee}\`` }],
            },
          };
        }
        break;
      case 'output':
        // Streaming is output of the data a loop reads in chunks from a file or socket (`echo
        // fread($fh, 8192); flush();`), where the loop can go round again after it. A loop that
        // echoes (and flushes) a handful of lines it already has, or a status it chose for a
        // line it read, is not a download, however many `flush()` calls it makes; nor is the
        // line echoed on the way out of the loop (`echo $line; exit;`).
        if (
          loop !== undefined &&
          effect.sendsReadData &&
          enclosingLoops(cfg, loop).some((l) => loopsWithChunkReads.has(l) && reaches(cfg, observation.node, cfg.loops[l]!.headerNode))
        ) {
          yield {
            observation,
            onlyInLoop: true,
            occurrence: {
              kind: 'download',
              callee: effect.callee,
              loop: 'streams',
              chain: [{ span: effect.span, label: `streams output with \`${effect.callee}\`` }],
            },
          };
        }
        break;
      default:
        break;
    }
  }
}

/** Callbacks the callee runs under a lock it took itself: held whatever the caller's state. */
function* callbackOperations(flow: UnitFlow): Generator<RawOperation> {
  for (const observation of flow.observations) {
    for (const occurrence of observation.call?.slowUnderOwnLock ?? []) {
      const sites = occurrence.sites ?? [];
      yield { observation: { ...observation, before: { closed: false, open: sites } }, occurrence, onlyInLoop: false };
    }
  }
}

function slowLabel(callee: string, kind: SlowKind, detail: string | undefined): string {
  const quoted = callee.includes(' ') ? callee : `\`${callee}\``;
  return detail ? `${quoted} runs here ${detail}` : `${quoted} ${KIND_VERBS[kind]}`;
}

/** How a related location describes each kind of slow work. */
const KIND_VERBS: Record<SlowKind, string> = {
  sleep: 'sleeps here',
  http: 'makes an HTTP request here',
  'remote-io': 'does remote I/O here',
  'file-io': 'reads here',
  mail: 'talks to a mail server here',
  ldap: 'connects to the directory server here',
  download: 'streams a file here',
  process: 'runs an external process here',
  database: 'queries the database here',
  polling: 'polls here',
  'long-running': 'says here that the request is expected to run long',
};

/**
 * How long the work of one round keeps the lock once the loops from the node's innermost one
 * out to `outermost` repeat it: a loop that ends at a deadline bounds everything inside it;
 * a loop of N literal rounds multiplies a known duration by N; any other loop has no bound
 * the code shows ("until the loop ends").
 */
/**
 * A sleep of at most this long is a pause (`usleep(1000)` between two writes to a pipe): a
 * `foreach` that repeats it waits for nothing, and the time it adds grows with the data the
 * loop goes over, not with a wait.
 */
const PAUSE_SECONDS = 0.01;

function isPause(occurrence: SlowOccurrence): boolean {
  return occurrence.kind === 'sleep' && occurrence.hold !== undefined && 'seconds' in occurrence.hold && occurrence.hold.seconds <= PAUSE_SECONDS;
}

function heldThroughLoops(cfg: Cfg, node: number, outermost: number, inner: HoldEstimate | undefined): HoldEstimate | undefined {
  let hold = inner;
  for (const loop of enclosingLoops(cfg, cfg.nodes[node]!.loop!)) {
    const bound = cfg.loops[loop]!.bound;
    if (bound && 'seconds' in bound) hold = { seconds: bound.seconds, bound: 'deadline' };
    else if (bound && hold && 'seconds' in hold) hold = { seconds: hold.seconds * bound.iterations, bound: 'iterations' };
    else if (!bound || !hold) hold = { unknown: 'loop' };
    if (loop === outermost) break;
  }
  return hold;
}

/** The loops around `node`, innermost first, up to `outermost`. */
function loopsUpTo(cfg: Cfg, node: number, outermost: number): number[] {
  const loops = enclosingLoops(cfg, cfg.nodes[node]!.loop!);
  return loops.slice(0, loops.indexOf(outermost) + 1);
}

function enclosingLoops(cfg: Cfg, loop: number): number[] {
  const loops: number[] = [];
  for (let current: number | undefined = loop; current !== undefined; current = cfg.loops[current]!.parent) loops.push(current);
  return loops;
}

/** Loops with an effect of this kind anywhere in their body (nested loops included). */
function loopsContaining(flow: UnitFlow, kind: 'chunk-read' | 'close' | 'yield'): Set<number> {
  const cfg = flow.unit.cfg;
  const loops = new Set<number>();
  for (const node of cfg.nodes) {
    if (node.effect?.kind === kind && node.loop !== undefined) for (const loop of enclosingLoops(cfg, node.loop)) loops.add(loop);
  }
  return loops;
}

/**
 * The outermost enclosing loop whose header is reached with one of `sites` open. Loops around
 * one-time initialisation do not repeat it: only loops inside the guard count.
 */
function outermostHeldLoop(cfg: Cfg, flow: UnitFlow, node: number, sites: readonly OpenSite[]): number | undefined {
  const innermost = cfg.nodes[node]!.loop;
  if (innermost === undefined) return undefined;
  const once = cfg.nodes[node]!.once;
  let found: number | undefined;
  for (const loop of enclosingLoops(cfg, innermost)) {
    if (once && loop === once.outsideLoop) break;
    const atHeader = flow.states[cfg.loops[loop]!.headerNode];
    if (atHeader?.open.some((site) => sites.some((s) => s.key === site.key))) found = loop;
  }
  return found;
}

/**
 * Remote I/O inside an `if` that runs only when the unit's parameter is a URL
 * (`CfgNode.urlParameter`): pending on that parameter, as a read of a path parameter is, so
 * each caller's argument decides (a local path: not slow; a URL: remote I/O).
 */
function urlPending(urlParameter: number | undefined, kind: SlowKind): { pathParameter?: number } {
  return urlParameter !== undefined && (kind === 'http' || kind === 'remote-io') ? { pathParameter: urlParameter } : {};
}

/**
 * Whether a node reports a failure: it is on a branch taken only when an I/O call failed
 * (`CfgNode.failureBranch`) and no path from it returns to the unit's normal end or throws:
 * the request ends there (`die()` after mailing the error, or a handler that never returns).
 */
function failureReports(flow: UnitFlow): (node: number) => boolean {
  const cfg = flow.unit.cfg;
  if (!cfg.nodes.some((node) => node.failureBranch)) return () => false;
  let continuing: ReadonlySet<number> | undefined;
  return (node) => {
    if (!cfg.nodes[node]?.failureBranch) return false;
    continuing ??= nodesThatContinue(flow, true);
    return !continuing.has(node);
  };
}

/** Whether a path leads from node `from` to node `to` (a loop's header: the loop goes round again). */
function reaches(cfg: Cfg, from: number, to: number): boolean {
  const seen = new Set<number>([from]);
  const stack = [from];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const edge of cfg.nodes[node]!.succs) {
      if (edge.to === to) return true;
      if (!seen.has(edge.to)) {
        seen.add(edge.to);
        stack.push(edge.to);
      }
    }
  }
  return false;
}
