import { shippedNote } from './setting-note';
import {
  quoteCode,
  type Fix,
  type Finding,
  type FindingCause,
  type HeldOperation,
  type HeldResourceInfo,
  type OpenSite,
  type PassedToHelper,
  type ResourceState,
  type RelatedLocation,
  type Rule,
  type RuleContext,
  type Severity,
  type SlowOccurrence,
  type Span,
  type Step,
  type Unit,
  type UnitFlow,
  compareHeld,
  compareSpans,
  heldOperations,
  spanKey,
  verdict,
} from '../../../core/src';
import { duration, holdCost, upTo } from './hold-cost';
import { addedWaits, byEvidence, doubtOf, type Doubt } from './hold-strength';
import { groupByRegion, heldToEndFrom, keptFrom, releasesAfter, stillOpenAtEnd } from './regions';
import { storeVerdict, type StoreVerdict } from './session-store';
import { earlyCloseFix } from '../fixes/early-close';
import { seesOnlyShortWorkAfter } from './seen-work';
import { moveSlowWorkFix } from '../fixes/move-slow-work';
import { reacquireClientFix } from '../fixes/reacquire-client';
import { oneFindingPerCall } from './same-call-resources';
import { SEVERITY_RANK } from '../severity';


/**
 * `held-across-slow-call`: one finding per open region, at the first slow operation of the
 * highest severity reached while the lock is held; the rest of the region's slow work,
 * where the lock was taken and where (or whether) it is released are related locations.
 * The finding also carries the region told from each of its other causes (`otherCauses`), for
 * the grouping: a region that ends up as one of many places of another region's cause must not
 * hide its own other slow work.
 */
export const heldAcrossSlowCall: Rule = {
  meta: {
    id: 'held-across-slow-call',
    description: 'A session lock (or other lock-bearing resource) is held while slow work runs',
    languages: ['php', 'typescript'],
    defaultSeverity: 'warning',
    fixAvailability: 'sometimes',
  },
  check(context) {
    const findings: Finding[] = [];
    if (context.file.language !== 'php') return checkHeldResources(context);
    // A store that does not lock blocks no one (the lost-update rules still apply).
    if (context.sessionLocks === false) return findings;
    for (const unit of context.file.units) {
      const flow = context.flowOf(unit);
      const operations = heldOperationsWithSeverity(context, flow, true);
      for (const region of groupByRegion(operations.map((o) => o.operation))) {
        const members = withAddedWaits(flow, operations.filter((o) => region.includes(o.operation)));
        if (onlyUnheldSigns(flow, members) || onlyContradictedSigns(context, flow, members)) continue;
        // The early close goes before the region's first slow work, whichever place the region
        // is told from: built once for the finding and all its other tellings (a long top
        // level with many writes after it made each telling cost as much as the finding).
        let closeFixes: Fix[] | undefined;
        const fixes = () => (closeFixes ??= earlyCloseFix(context, flow, [...members].sort((a, b) => compareSpans(a.operation.span, b.operation.span))[0]!.operation));
        const told = (primary?: RatedOperation): Finding => {
          const { node, ...finding } = buildFinding(context, unit, flow, members, undefined, primary, fixes);
          return withStore(finding, storeVerdict(context, unit, node));
        };
        findings.push(withOtherCauses(told(), members, told));
      }
    }
    return findings;
  },
};

/**
 * The region's finding with the same region told from its other places (`Finding.otherCauses`):
 * slow work of the finding's severity, and of a kind not told yet, at another call or statement
 * of this unit (one helper that spawns a process and waits for it is one place) that comes down
 * to another cause. They
 * are chained (each telling carries the next), so the grouping adds one at a time, only while
 * the region is still hidden. Lower-severity work and `set_time_limit()` signs are left to the
 * related locations, as the finding itself does.
 */
function withOtherCauses(finding: Finding, members: readonly RatedOperation[], told: (primary: RatedOperation) => Finding): Finding {
  // The severity the region's slow work was rated (before a session store lowers the finding).
  const top = Math.max(...members.map((m) => SEVERITY_RANK[m.severity]));
  const causeOf = (m: RatedOperation): string => spanKey(m.operation.occurrence.chain[m.operation.occurrence.chain.length - 1]!.span);
  const byPlace = new Map<string, RatedOperation[]>();
  for (const member of [...members].sort((a, b) => compareHeld(a.operation, b.operation))) {
    if (SEVERITY_RANK[member.severity] !== top || member.operation.occurrence.kind === 'long-running') continue;
    const place = spanKey(member.operation.span);
    byPlace.set(place, [...(byPlace.get(place) ?? []), member]);
  }
  // The finding's own place is told from its cause's kind. Slow work of another kind that the
  // same call reaches and that may hold the lock longer (a remote fetch with no timeout after
  // the bounded wait the finding is told from) is told on its own: when the finding is one of
  // many places of that wait's group, which shows the first place's explanation only, nothing
  // else would show the longer hold.
  const here = spanKey(finding.span);
  const atFinding = byPlace.get(here) ?? [];
  const headline = atFinding.find((m) => finding.cause && causeOf(m) === spanKey(finding.cause.span));
  const toldKind = headline?.operation.occurrence.kind;
  const toldHere = atFinding.filter((m) => toldKind === undefined || m.operation.occurrence.kind === toldKind);
  const causes = new Set(toldHere.map(causeOf));
  if (finding.cause) causes.add(spanKey(finding.cause.span));
  // Slow work of a kind already told (an `ldap_search()` after the `ldap_bind()` the region is
  // told from) asks the same question of the reader, and the same early close answers it: only
  // another kind of slow work needs a telling of its own.
  const kinds = new Set(toldHere.map((m) => m.operation.occurrence.kind));
  const others: RatedOperation[] = [];
  for (const [place, atPlace] of byPlace) {
    // At another place, one that reaches a cause already told (a helper that spawns a process and
    // sleeps a little while it waits) is a place of that cause's group: no telling of its own.
    const untold =
      place === here
        ? atPlace.filter((m) => !causes.has(causeOf(m)) && headline !== undefined && outlasts(m.operation.occurrence.hold, headline.operation.occurrence.hold))
        : atPlace.some((m) => causes.has(causeOf(m)))
          ? []
          : atPlace;
    const fresh = untold.filter((m) => !kinds.has(m.operation.occurrence.kind));
    if (fresh.length === 0) continue;
    (place === here ? fresh : untold).forEach((m) => {
      causes.add(causeOf(m));
      kinds.add(m.operation.occurrence.kind);
    });
    others.push(place === here ? fresh[0]! : untold[0]!);
  }
  let next: Finding | undefined;
  for (const member of others.reverse()) {
    const telling = told(member);
    next = next ? { ...telling, otherCauses: [next] } : telling;
  }
  return next ? { ...finding, otherCauses: [next] } : finding;
}

/** Whether a hold may last longer than a bounded one: unbounded, or bounded by more seconds. */
function outlasts(hold: SlowOccurrence['hold'], than: SlowOccurrence['hold']): boolean {
  if (!than || !('seconds' in than)) return false;
  return !hold || !('seconds' in hold) || hold.seconds > than.seconds;
}

/** Resources held per variable (a pooled client): one finding per region, as for the session. */
function checkHeldResources(context: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const unit of context.file.units) {
    const unitFindings: Finding[] = [];
    for (const resource of context.resourcesOf(unit)) {
      const flow = context.flowOf(unit, resource.id);
      // A mutex guards database work: queries under it are what it is for.
      const operations = heldOperationsWithSeverity(context, flow)
        .filter((o) => !(resource.lock && o.operation.occurrence.kind === 'database'))
        // A lock that others only try to take (Redis `SET NX`) turns them away instead of stalling them.
        .map((o) => (resource.tryLock && o.severity !== 'info' ? { ...o, severity: 'info' as const } : o))
        .flatMap((rated) => inCallback(context, flow, rated));
      for (const region of groupByRegion(operations.map((o) => o.operation))) {
        const members = operations.filter((o) => region.includes(o.operation));
        const told = (primary?: RatedOperation): Finding => {
          const { node: _node, ...finding } = buildFinding(context, unit, flow, members, resource, primary);
          return finding;
        };
        unitFindings.push(withOtherCauses(told(), members, told));
      }
    }
    findings.push(...oneFindingPerCall(unitFindings));
  }
  return findings;
}

/**
 * A region whose only "slow work" is a sign that the request will run long (`set_time_limit(0)`)
 * and whose lock is released on every path from each sign before the request ends (an
 * `exception` aside): the long work the sign announces runs without the lock. Real slow work
 * held after the sign is reported on its own.
 */
function onlyUnheldSigns(flow: UnitFlow, members: readonly RatedOperation[]): boolean {
  return members.every(
    (m) =>
      m.operation.occurrence.kind === 'long-running' &&
      !m.operation.occurrence.viaCallback &&
      (!heldToEndFrom(flow, m.operation.node, m.operation.sites) || keptOnlyForShortWork(flow, m.operation.node, m.operation.sites)),
  );
}

/**
 * A region whose only "slow work" is a sign that the request will run long (`set_time_limit(0)`
 * copied at the top of every endpoint) while all the work after each sign is seen and short
 * (`seesOnlyShortWorkAfter`): the sign is there for work the analysis cannot see, and here
 * there is none. Not lowered to `info`: nothing in the request is slow, so there is nothing to
 * tell.
 */
function onlyContradictedSigns(context: RuleContext, flow: UnitFlow, members: readonly RatedOperation[]): boolean {
  return members.every(
    (m) => m.operation.occurrence.kind === 'long-running' && !m.operation.occurrence.viaCallback && m.operation.occurrence.chain.length === 1 && seesOnlyShortWorkAfter(context, flow, m.operation.node),
  );
}

/**
 * True when some path from the sign releases the lock, and the paths that keep it to the end
 * do no work after they part from those (an early `return` when the cron ran too recently):
 * the author released the lock before the long work the sign announces. Work is project code
 * or a call the analysis cannot follow (a method, an include); PHP's own functions that the
 * catalog does not list as slow are not.
 */
function keptOnlyForShortWork(flow: UnitFlow, node: number, sites: readonly OpenSite[]): boolean {
  const kept = keptFrom(flow, node, sites);
  if (!kept) return false;
  const work = (id: number): boolean => {
    const effect = flow.unit.cfg.nodes[id]?.effect;
    if (!effect) return false;
    if (effect.kind === 'slow') return true;
    if (effect.kind !== 'call') return false;
    const units = flow.observations.find((o) => o.node === id)?.call?.units ?? [];
    return units.length > 0 || effect.target.type !== 'function';
  };
  return ![...kept].some(work);
}

interface RatedOperation {
  readonly operation: HeldOperation;
  readonly severity: Severity;
  /** Why `severity` is below the kind's (`unlowered`), if it is: the order of evidence. */
  readonly doubt: Doubt;
  readonly unlowered: Severity;
  /** A short wait that others on the same path add to: their sum in seconds. */
  readonly addedTo?: number;
  /**
   * Slow work in a closure written at the call of a helper that runs it with the helper's
   * own resource held (`withClient(async (client) => { … await fetch(url) … })`): the
   * operation points into the closure, at `chain[step]`; `call` is the helper's call.
   */
  readonly callback?: { readonly step: number; readonly call: Step };
}

/**
 * Moves an operation that a helper runs in a callback into the callback, when the callback
 * is a closure written at this call: the user wrote the slow code there. A callback passed by
 * name stays reported at the call (it may be passed to several helpers). When the resource is
 * taken inside the closure itself (it calls another helper that holds one), the closure's own
 * analysis reports it: it is left out here (none, so no second finding for one region).
 */
function inCallback(context: RuleContext, flow: UnitFlow, rated: RatedOperation): RatedOperation[] {
  const { occurrence } = rated.operation;
  if (!occurrence.viaCallback || !occurrence.sites) return [rated];
  const effect = flow.unit.cfg.nodes[rated.operation.node]?.effect;
  if (effect?.kind !== 'call' || !effect.callables) return [rated];
  const closures: Span[] = [];
  for (const { target } of effect.callables) {
    if (target.type !== 'closure' || target.file !== effect.span.file) continue;
    const unit = context.file.units.find((u) => u.id === `closure@${target.start}`);
    if (unit && within(unit.span, effect.span)) closures.push(unit.span);
  }
  const inClosure = (span: Span): boolean => closures.some((closure) => within(span, closure));
  if (rated.operation.sites.some((site) => site.chain.some((s, index) => index > 0 && inClosure(s.span)))) return [];
  const step = occurrence.chain.findIndex((s, index) => index > 0 && inClosure(s.span));
  if (step < 0) return [rated];
  return [{ ...rated, operation: { ...rated.operation, span: occurrence.chain[step]!.span }, callback: { step, call: occurrence.chain[0]! } }];
}

function within(inner: Span, outer: Span): boolean {
  return inner.file === outer.file && inner.start >= outer.start && inner.end <= outer.end;
}

/**
 * A PHP session held for at most this many seconds, as the code bounds it (one `sleep(1)`, a
 * deliberate throttling pause of up to 2 s), slows this user's other requests down for a
 * moment without leaving them stuck: such work is `info`, and its message says how long. Only
 * for the session, a lock of one user's: a pooled client or a mutex held that long makes every
 * user wait.
 */
export const SHORT_HOLD_SECONDS = 2;

function heldOperationsWithSeverity(context: RuleContext, flow: UnitFlow, sessionLock = false): RatedOperation[] {
  const rated: RatedOperation[] = [];
  for (const operation of heldOperations(flow)) {
    const { occurrence } = operation;
    // A file read on a path its callers give is slow work only once a caller passes a URL.
    if (occurrence.pathParameter !== undefined) continue;
    const setting = context.slowKindSeverity(occurrence.kind);
    if (setting === 'off') continue;
    // Only after an exception was caught: the request's usual path does not wait for it.
    // A hold bounded to a few seconds: the user waits, but not for long.
    const short = sessionLock && occurrence.kind !== 'long-running' && occurrence.hold !== undefined && 'seconds' in occurrence.hold && occurrence.hold.seconds <= SHORT_HOLD_SECONDS;
    // Behind a setting shipped off: it runs only where the installation turned it on; or in a
    // branch for one database dialect (TypeScript): only where the installation runs that database.
    // A command line whose programs the analysis cannot judge may well be short.
    // A pause of milliseconds repeated by a loop over data (not a poll) waits for nothing.
    // A file sent as an image: a page's picture, a short transfer.
    // A connection to a service on this machine: no remote server, usually quick.
    // Reached only where an I/O call failed and the request then ends: error reporting.
    // Only in one of an interface's implementations, which configuration picks.
    const unsure = occurrence.errorPath || occurrence.failureReport || occurrence.setting || short || occurrence.unjudged || occurrence.pause || occurrence.image || occurrence.thisMachine || occurrence.configured;
    const lowered = unsure && setting !== 'info';
    rated.push({ operation, severity: lowered ? 'info' : setting, doubt: lowered ? doubtOf(occurrence, short) : 'sure', unlowered: setting });
  }
  return rated;
}

/**
 * Short waits that one path of the region runs one after the other, adding up past what
 * counts as short (`sleep(1)` between service restarts, twice): each is rated as its kind
 * is, and remembers the sum for the message.
 */
function withAddedWaits(flow: UnitFlow, members: RatedOperation[]): RatedOperation[] {
  const added = addedWaits(flow, members, SHORT_HOLD_SECONDS);
  if (!added) return members;
  return members.map((m) => (added.waits.includes(m) ? { ...m, severity: m.unlowered, doubt: 'sure' as const, addedTo: added.seconds } : m));
}

/**
 * A session finding where the project's own store is installed (`storeVerdict`): left out
 * (counted in the summary) where a store that takes no lock is on every path, `info` where
 * one may be used, saying so where a store whose code is not in the project may be.
 */
function withStore(finding: Finding, verdict: StoreVerdict): Finding {
  if (verdict.kind === 'locks' || verdict.kind === 'off') return finding;
  if (verdict.kind === 'unreported') return { ...finding, unreported: verdict.reason };
  const lowered = verdict.kind === 'lowered' && finding.severity !== 'info';
  return {
    ...finding,
    message: finding.message + verdict.note,
    // A group of findings told at their shared cause says it too, from the cause's file.
    ...(finding.cause ? { cause: { ...finding.cause, summary: finding.cause.summary + verdict.noteIn(finding.cause.span.file) } } : {}),
    related: [...finding.related, ...verdict.related],
    ...(verdict.kind === 'lowered' || verdict.kind === 'conditional' ? { severity: 'info' as const } : {}),
    ...(lowered ? { lowered: verdict.reason } : {}),
  };
}

function buildFinding(
  context: RuleContext,
  unit: Unit,
  flow: UnitFlow,
  members: readonly RatedOperation[],
  resource?: HeldResourceInfo,
  /** The operation to tell the region from (one of `members`); else the first of the worst. */
  chosen?: RatedOperation,
  /** The session's early close for the region (built once for all its tellings). */
  sessionFixes?: () => Fix[],
): Finding & { node: number } {
  const top = Math.max(...members.map((m) => SEVERITY_RANK[m.severity]));
  // Real slow work is what to point at; `set_time_limit(0)` only says some may follow.
  const declaration = (m: RatedOperation): number => Number(m.operation.occurrence.kind === 'long-running');
  const primary =
    chosen ??
    members
      .filter((m) => SEVERITY_RANK[m.severity] === top)
      .sort((a, b) => declaration(a) - declaration(b) || byEvidence(a, b) || compareHeld(a.operation, b.operation))[0]!;
  // Slow work and clock reads lifted to the same loop header are one loop: a polling one
  // if any of them polls.
  const sameLoop = members.filter((m) => sameSpan(m.operation.span, primary.operation.span));
  const polls = sameLoop.some((m) => m.operation.occurrence.loop === 'polls');
  const operation =
    polls && primary.operation.occurrence.loop === 'repeats'
      ? { ...primary.operation, occurrence: { ...primary.operation.occurrence, loop: 'polls' as const } }
      : primary.operation;
  const state = verdict(operation.state);
  const sites = [...new Set(members.flatMap((m) => m.operation.sites))];

  const related: RelatedLocation[] = [];
  const seen = new Set<string>();
  const add = (message: string, span: RelatedLocation['span'], otherWork = false): void => {
    const key = `${span.file}:${span.start}:${span.end}:${message}`;
    if (seen.has(key) || (span.start === operation.span.start && span.end === operation.span.end && span.file === operation.span.file && message === '')) return;
    seen.add(key);
    related.push({ message, span, ...(otherWork ? { otherWork: true as const } : {}) });
  };
  const callback = primary.callback;
  const helper = callback ? callName(callback.call) : undefined;
  for (const site of sites) {
    site.chain.forEach((step, index) => {
      if (callback && resource && sameSpan(step.span, callback.call.span)) {
        add(`${helper ?? code('the helper')} runs this callback with \`${resource.variable}\` held`, step.span);
      } else if (callback && index > 0 && index === site.chain.length - 1) {
        // The acquire, inside the helper whose call leads to it (the outer one, or one it calls).
        const holder = callName(site.chain[index - 1]!) ?? helper;
        add(holder ? acquiredIn(step.label, holder) : step.label, step.span);
      } else {
        add(step.label, step.span);
      }
    });
  }
  // Held through an interceptor's helper: where that helper acquires it.
  if (resource?.acquiredAt) add(resource.acquiredAt.label, resource.acquiredAt.span);
  // The chain from the reported place down to the slow work itself (loop, calls); for a
  // callback, also the helper's steps that run it (`fn()` is called here).
  const chain = operation.occurrence.chain;
  for (const [index, step] of chain.entries()) {
    if (index === 0 && !callback) continue;
    if (callback && (index === 0 || index === callback.step)) continue;
    add(step.label, step.span);
  }
  for (const other of members) {
    if (other === primary || sameLoop.includes(other)) continue;
    // Work that runs only after an error (a deadlock retry's `sleep()` in every query helper) is
    // not what holds the lock where the headline's work runs on the normal path: listing it at
    // each call that may reach it buries the lines that matter.
    if (other.operation.occurrence.errorPath && !primary.operation.occurrence.errorPath) continue;
    // Pointed at in this unit (the call or include that leads to it), named in full.
    const occurrence = other.callback ? { ...other.operation.occurrence, chain: other.operation.occurrence.chain.slice(other.callback.step) } : other.operation.occurrence;
    add(`also while ${resource ? `\`${resource.variable}\` is held` : 'the lock is held'}: ${describe(occurrence)}`, other.operation.span, true);
  }
  // The same call may reach other kinds of slow work further in (a settings helper that fetches
  // a token, then the mail it sends): named where they are, one per kind (a loop here is told
  // as one loop).
  const kinds = new Set([operation.occurrence.kind]);
  for (const other of sameLoop) {
    const { kind, chain: otherChain } = other.operation.occurrence;
    if (other === primary || kinds.has(kind) || kind === 'long-running' || otherChain.length < 2 || loopIsHere(other.operation.occurrence)) continue;
    if (other.operation.occurrence.errorPath && !primary.operation.occurrence.errorPath) continue;
    kinds.add(kind);
    add(`also while ${resource ? `\`${resource.variable}\` is held` : 'the lock is held'}: ${describeAtSink(other.operation.occurrence)}`, otherChain[otherChain.length - 1]!.span, true);
  }
  const releases = releasesAfter(flow, operation, sites);
  for (const release of releases) add(release.label, release.span);
  const end = stillOpenAtEnd(flow, sites);
  const leak = resource && !resource.releasedAtEnd ? leakOf(flow, sites) : undefined;
  if (end) {
    add(
      resource?.releasedAtEnd
        ? resource.releasedAtEnd
        : resource
        ? leak?.how === 'exception'
          ? `\`${resource.variable}\` is not released when an exception is thrown while it is held (no \`finally\` releases it): it is still held when ${unit.displayName} ends`
          : `\`${resource.variable}\` is never released on this path: it is still held when ${unit.displayName} ends`
        : unit.kind === 'script'
          ? 'the session stays locked until the script ends'
          : `the session is still open when ${unit.displayName} returns`,
      unit.endSpan,
    );
  }
  // Released on some paths only: the message says so, unless it already said why it may be held.
  const leakNote =
    leak && !(state === 'maybe-open' && leak.how === 'path' && leak.why === operation.state.whyMaybe)
      ? leak.how === 'exception'
        ? ` It may also never be released: ${leak.why ? `when ${leak.why} throws, ` : 'an exception thrown while it is held skips the release: '}no \`finally\` releases it.`
        : ` It may also never be released: ${leak.why ? `there is no release when ${leak.why}` : 'some paths end without releasing it'}.`
      : '';

  return {
    node: operation.node,
    rule: heldAcrossSlowCall.meta.id,
    severity: primary.severity,
    message: resource
      ? resourceMessage(resource, operation.occurrence, state === 'maybe-open', operation.state.whyMaybe, unit.handler, callback?.step) + leakNote + errorPathNote(operation.occurrence)
      : message(withoutOwnBound(operation.occurrence, primary), state === 'maybe-open', operation.state.whyMaybe, regionTimeLimit(members)) + addedWaitsNote(primary) + errorPathNote(operation.occurrence),
    span: operation.span,
    related,
    // Before the region's first slow work (`set_time_limit(0)` before the download), not its worst.
    fixes: resource
      ? callback
        ? []
        : heldResourceFixes(context, unit, resource, operation, members.map((m) => m.operation), sites, state === 'maybe-open')
      : (sessionFixes?.() ?? earlyCloseFix(context, flow, [...members].sort((a, b) => compareSpans(a.operation.span, b.operation.span))[0]!.operation)),
    cause: causeOf(operation.occurrence, state === 'maybe-open', resource),
    ...(resource ? passedToHelperOf(unit, operation.occurrence, resource, sites) : {}),
    // A comment above the slow call inside the reported loop suppresses it too, and one above
    // the helper's call for a callback (where the finding used to be).
    anchors: [
      ...members.map((m) => m.operation.occurrence.chain[m.operation.occurrence.chain.length - 1]!.span),
      ...(callback ? [callback.call.span] : []),
    ],
  };
}

/**
 * The slow operation itself (the innermost step of the chain): every handler that reaches the
 * same slow call inside a shared helper with the same kind of lock held is one problem.
 */
/**
 * Slow work passed to a helper that runs it with its own resource held: what the project
 * analysis needs to report the helper's call of the callback once, naming its callers.
 */
function passedToHelperOf(unit: Unit, occurrence: SlowOccurrence, resource: HeldResourceInfo, sites: readonly OpenSite[]): { passedToHelper?: PassedToHelper } {
  const call = occurrence.callbackCall;
  if (!occurrence.viaCallback || !call) return {};
  const acquire = sites.map((site) => site.chain[site.chain.length - 1]).find((step) => step !== undefined);
  return {
    passedToHelper: {
      call: call.span,
      callee: callName(call) ?? code('the callback'),
      // A route callback is named by its route, not as "the anonymous function".
      caller: unit.handler !== undefined ? `the ${unit.handler}` : code(unit.displayName),
      work: occurrence.detail ? `${code(occurrence.callee)} ${occurrence.detail}` : code(occurrence.callee),
      resource: `${resource.noun} \`${resource.variable}\``,
      consequence: resource.consequence,
      ...(acquire ? { acquired: { span: acquire.span, label: acquire.label } } : {}),
    },
  };
}

/** A wait that others add to is not bounded by its own seconds: the note says the sum. */
function withoutOwnBound(occurrence: SlowOccurrence, primary: RatedOperation): SlowOccurrence {
  if (primary.addedTo === undefined) return occurrence;
  const { hold: _own, ...rest } = occurrence;
  return rest;
}

/** Said of a short wait that others on the same path add to. */
function addedWaitsNote(primary: RatedOperation): string {
  return primary.addedTo === undefined
    ? ''
    : ` With the other waits that run on the same path (see the also-lines), the session stays locked for at least ${duration(primary.addedTo)}, plus the work between them.`;
}

/**
 * Said of slow work that runs only after an exception was caught, or only where an I/O call
 * failed and the request then ends, or only where a
 * setting changed from its shipped value turns it on (it is `info`, not a warning).
 */
function errorPathNote(occurrence: SlowOccurrence): string {
  const failed = typeof occurrence.errorPath === 'object' && 'failedCall' in occurrence.errorPath ? occurrence.errorPath.failedCall : undefined;
  const reported = typeof occurrence.errorPath === 'object' && 'reportedBy' in occurrence.errorPath ? occurrence.errorPath.reportedBy : undefined;
  const error = failed !== undefined
    ? ` This happens only when \`${failed}\` fails, which it does only on an error (it waits until it succeeds).`
    : reported !== undefined
    ? ` This happens only when \`${reported}\` reports an error of the call before it: a retry or error handling, not the request's normal work.`
    : occurrence.errorPath
    ? ' This happens only on an error path, after an exception is caught.'
    : occurrence.failureReport
      ? ' This happens only when a query or I/O call has failed, on a path that then ends the request: it reports the error, it is not the request\'s normal work.'
      : '';
  return error + settingNote(occurrence) + configuredNote(occurrence);
}

/** Slow only in some implementations of an interface: which one runs is configuration. */
function configuredNote(occurrence: SlowOccurrence): string {
  const configured = occurrence.configured;
  if (!configured) return '';
  return ` This happens only if the configured implementation is \`${configured.implementation}\` (${configured.of} implementations in the project, not all of them slow): which one runs is set by configuration the analysis does not follow.`;
}

function settingNote(occurrence: SlowOccurrence): string {
  const setting = occurrence.setting;
  if (!setting) return '';
  // An installation runs on one database: a branch for another one is not its main path.
  if (setting.dialect) return ` This runs only on a ${setting.dialect} database (\`${setting.test}\`).`;
  return ` This runs only when \`${setting.test}\` holds${shippedNote(setting)}.`;
}

function causeOf(occurrence: SlowOccurrence, maybe: boolean, resource: HeldResourceInfo | undefined): FindingCause {
  const root = occurrence.chain[occurrence.chain.length - 1]!;
  const op = occurrence.detail ? `${code(occurrence.callee)} ${occurrence.detail}` : code(occurrence.callee);
  // Told from the cause, a resource is named without the variable each place holds it in; one
  // held through an interceptor is named by the decorator (its noun ends in "of"), the same at
  // every place: "TypeORM query runner of `@Transaction()`".
  const noun = resource?.heldThrough ? `${resource.noun} \`${resource.variable}\`` : resource?.noun;
  return resource
    ? {
        span: root.span,
        resource: noun!,
        summary: `${noun} ${maybe ? 'may be held' : 'held'} across ${op}: ${resource.consequence}${errorPathNote(occurrence)}`,
        reachedHere: `reached from here with \`${resource.variable}\` held`,
      }
    : {
        span: root.span,
        resource: 'session',
        // Told from the slow call itself (what it costs included), not from one caller's loop or
        // chain: a loop of this unit is not the cause's, and neither is what it makes the hold cost.
        summary: message(loopIsHere(occurrence) ? { ...occurrence, chain: [root], loop: undefined, hold: undefined } : { ...occurrence, chain: [root] }, maybe, undefined) + errorPathNote(occurrence),
        reachedHere: 'reached from here with the session lock held',
      };
}

/**
 * "Session lock held across `sleep()`: …", naming loops and helper chains, and saying what it
 * costs: how long the session stays locked when the code bounds it ("for up to 25 s"), or
 * until what ("until the remote server answers"). `timeLimit`: a time limit set in the region.
 */
export function message(occurrence: SlowOccurrence, maybe: boolean, maybeBecause: string | undefined, timeLimit?: number): string {
  const declared = occurrence.kind === 'long-running' ? ', a sign that this request is expected to run long' : '';
  const what = `${describe(occurrence)}${declared}`;
  const cost = holdCost(occurrence, loopIsHere(occurrence), timeLimit);
  if (maybe) {
    const path = maybeBecause ? `the session stays open when ${maybeBecause}` : 'the session stays open on some paths';
    return 'seconds' in cost
      ? `Session lock may be held across ${what}: ${path}, and then it stays locked ${upTo(cost)}, so this user's other requests wait that long.`
      : `Session lock may be held across ${what}: ${path}, and every other request from this user waits ${cost.until}.`;
  }
  return 'seconds' in cost
    ? `Session lock held across ${what}: the session stays locked ${upTo(cost)}, so this user's other requests wait that long.`
    : `Session lock held across ${what}: every other request from this user waits ${cost.until}.`;
}

/** The largest time limit `set_time_limit(N)` (or the like) sets in the region, if any. */
function regionTimeLimit(members: readonly RatedOperation[]): number | undefined {
  const limits = members
    .map((m) => m.operation.occurrence)
    .filter((o) => o.kind === 'long-running' && o.hold && 'seconds' in o.hold)
    .map((o) => (o.hold as { seconds: number }).seconds);
  return limits.length > 0 ? Math.max(...limits) : undefined;
}

/** "Pooled client `client` held across `fetch()`: the pool has a fixed number of clients; …". */
export function resourceMessage(
  resource: HeldResourceInfo,
  occurrence: SlowOccurrence,
  maybe: boolean,
  maybeBecause: string | undefined,
  handler?: string,
  callbackStep?: number,
): string {
  // A slow callback a helper runs while it holds its own resource (`withClient(async (c) => …)`).
  const what =
    callbackStep !== undefined
      ? `${inClause(describe({ ...occurrence, chain: occurrence.chain.slice(callbackStep) }))} in the callback that ${callName(occurrence.chain[0]!) ?? 'the helper'} runs with it`
      : occurrence.viaCallback && occurrence.sites
        ? callbackDescription(occurrence)
        : describe(occurrence);
  const name = `${resource.noun} \`${resource.variable}\``;
  // A request handler (TypeScript units only) pays for it on every request: say so.
  const where = handler !== undefined ? ` in this request handler (${handler})` : '';
  if (maybe) {
    const path = maybeBecause ? `it is still held when ${maybeBecause}` : 'it is still held on some paths';
    return `${name} may be held across ${what}${where}: ${path}, and ${resource.consequence}`;
  }
  return `${name} held across ${what}${where}: ${resource.consequence}`;
}

/** "`fetch()` in the callback that `withClient()` runs". */
function callbackDescription(occurrence: SlowOccurrence): string {
  const via = viaStep(occurrence);
  const last = occurrence.chain[occurrence.chain.length - 1];
  const slow = occurrence.detail ? `${code(occurrence.callee)} ${occurrence.detail}` : code(occurrence.callee);
  const calls = occurrence.chain.filter((step) => step.label.endsWith(' is called here')).map((step) => step.label.slice(0, -' is called here'.length));
  // chain: the helper's call, its `fn()`, then what the callback calls on the way.
  const inner = calls[2];
  const what = inner ? `${inner}, which reaches ${slow},` : occurrence.loop ? `a loop that runs ${slow}` : slow;
  return via && last ? `${what} in the callback that ${via} runs with it` : describe(occurrence);
}

/** "`a()`, which reaches `b()`" gets a closing comma before a clause follows it. */
function inClause(description: string): string {
  return description.includes(', which ') ? `${description},` : description;
}

/**
 * How a resource of the region stays held when its unit ends, when it is released on other
 * paths (a resource held on every way out is handed over, e.g. returned): on a path that
 * returns without releasing it (and the branch that leads there), or on an exception.
 */
function leakOf(flow: UnitFlow, sites: readonly OpenSite[]): { how: 'path' | 'exception'; why?: string } | undefined {
  const held = (state: ResourceState | undefined): boolean => state !== undefined && state.open.some((site) => sites.some((s) => s.key === site.key));
  const exit = flow.exit;
  if (held(exit) && exit!.closed) return exit!.whyMaybe ? { how: 'path', why: exit!.whyMaybe } : { how: 'path' };
  if (held(exit) || !held(flow.throwExit)) return undefined;
  const cfg = flow.unit.cfg;
  // The first operation, in source order, that may throw out of the unit while it is held.
  // A call that releases it (`done(client)`: inside it, or by the release recorded at the
  // same call just after it) is not what leaves it held.
  const releasing = new Set(flow.observations.filter((o) => o.call && o.call.releases.length > 0).map((o) => o.node));
  for (const node of cfg.nodes) {
    const effect = node.effect;
    if (effect?.kind !== 'call') continue;
    const closes = node.succs.some((edge) => {
      const next = cfg.nodes[edge.to]?.effect;
      return next?.kind === 'close' && next.resource === flow.resource && sameSpan(next.span, effect.span);
    });
    if (closes) releasing.add(node.id);
  }
  let first: { span: Span; name: string } | undefined;
  for (const node of cfg.nodes) {
    const effect = node.effect;
    if (!effect || (effect.kind !== 'slow' && effect.kind !== 'call') || !held(flow.states[node.id]) || releasing.has(node.id)) continue;
    if (!node.succs.some((edge) => edge.to === cfg.throwExit)) continue;
    const name = effect.kind === 'slow' ? effect.callee : effect.display;
    if (!first || compareSpans(effect.span, first.span) < 0) first = { span: effect.span, name };
  }
  return first ? { how: 'exception', why: code(first.name) } : { how: 'exception' };
}

/** "`withClient()`" from the step of a call ("`withClient()` is called here"). */
function callName(step: Step): string | undefined {
  const suffix = ' is called here';
  return step.label.endsWith(suffix) ? step.label.slice(0, -suffix.length) : undefined;
}

/** "`client` is acquired here by `pool.connect()`" → "`client` is acquired in `withClient()` here by `pool.connect()`". */
function acquiredIn(label: string, helper: string): string {
  const here = ' is acquired here';
  const at = label.indexOf(here);
  return at >= 0 ? `${label.slice(0, at)} is acquired in ${helper} here${label.slice(at + here.length)}` : `${label} (in ${helper})`;
}

function sameSpan(a: { file: string; start: number; end: number }, b: { file: string; start: number; end: number }): boolean {
  return a.file === b.file && a.start === b.start && a.end === b.end;
}

/** True when the loop that repeats the slow work is in this unit (not inside a helper). */
function loopIsHere(occurrence: SlowOccurrence): boolean {
  return occurrence.loop !== undefined && occurrence.chain[0]!.label.startsWith('this loop');
}

function describe(occurrence: SlowOccurrence): string {
  const op = occurrence.detail ? `${code(occurrence.callee)} ${occurrence.detail}` : code(occurrence.callee);
  const via = viaStep(occurrence);
  if (via && occurrence.loop && !loopIsHere(occurrence)) {
    const inLoop = { polls: `polls in a loop with ${op}`, repeats: `runs ${op} in a loop`, streams: `streams output in a loop (${op})` };
    return `${via}, which ${inLoop[occurrence.loop]}`;
  }
  const core = via ? `${via}, which reaches ${op}` : op;
  switch (loopIsHere(occurrence) ? occurrence.loop : undefined) {
    case 'polls':
      return `a polling loop (${core} on every iteration)`;
    case 'repeats':
      return `a loop that runs ${core} on every iteration`;
    case 'streams':
      return `a loop that streams output (${core})`;
    default:
      return core;
  }
}

/**
 * Slow work told where it is (the related line points at the sink, not at the call that leads
 * to it): the operation first, then the call of the reported unit it is reached through, so
 * the text names what is on the line it is shown at.
 */
function describeAtSink(occurrence: SlowOccurrence): string {
  const op = occurrence.detail ? `${code(occurrence.callee)} ${occurrence.detail}` : code(occurrence.callee);
  const repeated = occurrence.loop ? ', repeated by a loop' : '';
  const via = viaStep(occurrence);
  return via ? `${op}${repeated}, reached through ${via}` : `${op}${repeated}`;
}

/** The first call or include on the way to the slow work: "`auth()`", "`views/list.php`". */
function viaStep(occurrence: SlowOccurrence): string | undefined {
  for (const step of occurrence.chain) {
    for (const suffix of [' is called here', ' is included here']) {
      if (step.label.endsWith(suffix)) return step.label.slice(0, -suffix.length);

    }
  }
  return undefined;
}

/** Quotes a callee as code, unless it is a description (`a shell command in backticks`). */
export const code = quoteCode;

/**
 * A held TypeScript resource: run the slow work before the acquire where it uses nothing the
 * region computes, else (a pooled client) release the client before it and acquire a new one
 * after it, around the slow call itself (inside a reported loop: each round releases it).
 */
function heldResourceFixes(
  context: RuleContext,
  unit: Unit,
  resource: HeldResourceInfo,
  operation: HeldOperation,
  members: readonly HeldOperation[],
  sites: readonly OpenSite[],
  maybeHeld: boolean,
): Fix[] {
  const moved = moveSlowWorkFix(context, resource, operation.span, members.map((m) => m.span), sites);
  if (moved.length > 0) return moved;
  // The innermost step of the chain written in this unit: for a reported loop, the call in its
  // body; for work inside a helper, the call of the helper.
  const inUnit = (span: Span): boolean => span.file === unit.span.file && span.start >= unit.span.start && span.end <= unit.span.end;
  const slowCall = (held: HeldOperation): Span => [...held.occurrence.chain].reverse().find((step) => inUnit(step.span))?.span ?? held.span;
  return reacquireClientFix(context, unit, resource, slowCall(operation), members.map(slowCall), sites, maybeHeld);
}
