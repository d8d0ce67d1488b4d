import {
  spanKey,
  type Finding,
  type Observation,
  type OpenEffect,
  type OpenSite,
  type ResourceState,
  type Rule,
  type RuleContext,
  type SlowKind,
  type Span,
  type UnitFlow,
} from '../../../core/src';
import { RelatedList, closeEffectsBySpan, type CloseEffects } from './session-facts';
import { storeVerdict, type StoreVerdict } from './session-store';
import { readAndCloseFix } from '../fixes/read-and-close';
import { changesHeldValueIn, earlyCloseIsolation, heldValueCaveat } from '../fixes/early-close';
import { callersLeaveSessionAlone } from '../fixes/callers-after';
import { judgedInIncluders } from './includer-contexts';
import { lockRetakenBeforeWork } from './retaken-lock';

/**
 * `prefer-read-and-close`: a `session_start()` that takes the lock, after which nothing in
 * this file needs it, while slow work or output runs under it. `read_and_close` reads the data
 * and releases the lock at once, so the user's other requests stop queueing behind this one.
 *
 * "Needs the lock" is decided from the open site's point of view: every observation, in every
 * unit of the file, whose state still holds this site (through the open's own unit or through
 * the callers of a helper that opens it). Any of these means the lock is needed:
 * - a `$_SESSION` write or a `use` API (`session_regenerate_id()`, `session_reset()`);
 * - a close other than a plain write-back (`session_destroy()`, `session_abort()`), directly or
 *   inside a callee (a release whose API cannot be found in this file counts too);
 * - a call whose callee writes under the caller's lock (`CallOutcome.writesUnderLock`);
 * - an include the analysis cannot follow yet: an included file runs at the top level with the
 *   lock held, and bootstrap files commonly write the session (flash messages, last-activity
 *   stamps, CSRF tokens).
 *
 * Opens by a framework's bootstrap include (Moodle's `config.php`) are not reported: there is
 * no `session_start()` call to change (Moodle's own read-only switch is `READ_ONLY_SESSION`).
 *
 * Unresolved function and method calls (`$user->save()`, `do_login()` from another file) do not
 * count. They could write `$_SESSION`, but every builtin (`htmlspecialchars()`, `json_encode()`)
 * is an unresolved call too: counting them would silence the rule on nearly every handler.
 * Code that writes `$_SESSION` inside helpers of other files is the exception, and the finding
 * is an `info` suggestion a person applies after reading the handler; the doc says so.
 *
 * Nor when every path from the start meets another start first, in this unit or in a call or an
 * include that returns with the session open (`retaken-lock.ts`): those starts do nothing while
 * this one holds the lock, but after a `read_and_close` start they take it again.
 *
 * And the lock must be held across something that matters, since a lock released right after
 * reading (`session_start(); $id = $_SESSION['id']; session_write_close();`) costs nothing worth
 * a finding:
 * - slow work or output under the lock, anywhere in the file (the lock then waits on a remote
 *   service, or on the page being rendered and sent); slow work of a kind turned off in the
 *   `slowKinds` option does not count;
 * - except when the unit may hand the open session back: a function returning with it open, or
 *   a script's top level reaching its end with it open (it may be a bootstrap file included by
 *   pages that write). Then it is reported only if output is sent under the lock on a path that
 *   goes on to that normal end: the code is the handler rendering its response, not a helper
 *   such as `ensure_session()`, or an `auth.php` that only prints an error before `exit`.
 */
export const preferReadAndClose: Rule = {
  meta: {
    id: 'prefer-read-and-close',
    description: 'A handler opens the session with a lock but never writes it',
    languages: ['php'],
    defaultSeverity: 'info',
    fixAvailability: 'sometimes',
  },
  check(context) {
    const findings: Finding[] = [];
    // A store that does not lock has no lock to give up early.
    if (context.sessionLocks === false) return findings;
    const flows = context.file.units.map((unit) => context.flowOf(unit));
    let facts: Map<string, SiteFacts> | undefined;
    // A `finally` block is copied onto every path through it: report each start once.
    const reported = new Set<string>();
    for (const flow of flows) {
      for (const observation of flow.observations) {
        const { effect, before } = observation;
        if (effect.kind !== 'open' || effect.resource !== flow.resource || effect.mode !== 'lock') continue;
        // A framework's bootstrap (`require 'config.php'`) has no `read_and_close` to switch to.
        if (effect.bootstrap) continue;
        // Open on every path: PHP ignores this start (`session-already-open` says so).
        if (!before.closed || reported.has(spanKey(effect.span))) continue;
        facts ??= collectSiteFacts(context, flows);
        const site = facts.get(spanKey(effect.span));
        if (!site || site.needsLock) continue;
        // A file other project files include is judged in the requests that include it.
        if (flow.unit.kind === 'script' && !['own-request', 'holds'].includes(judgedInIncluders(context, flow.unit))) continue;
        const handsBack = holds(flow.exit, effect.span) || (flow.unit.kind !== 'script' && holds(flow.throwExit, effect.span));
        const evidence = handsBack ? site.outputBeforeEnd : site.work;
        if (!evidence) continue;
        // What runs next starts the session again: released here by `read_and_close`, the lock
        // is taken back there. (A framework's advice is its close once the data is read, after
        // the reads that start it lazily.)
        if (effect.readAndCloseOption !== undefined && lockRetakenBeforeWork(context, flow, observation.node, effect.span, (o) => isOutput(o) || isSlow(context, o))) continue;
        reported.add(spanKey(effect.span));
        const finding = buildFinding(context, flow, effect, evidence, storeVerdict(context, flow.unit, observation.node));
        // Proven only when the lock is released within this unit: no includer or caller can write after it.
        // An object read back from the session and changed later (`$nav->addUrl()`) is saved only while it is open.
        const changesHeld = changesHeldValueIn(context, flow);
        const why = changesHeld
          ? heldValueCaveat('')
          : flow.unit.kind === 'script'
            ? 'the pages that include this file may write the session after it'
            : `the callers of ${flow.unit.displayName} may write the session after it returns`;
        // A function whose every caller leaves the session alone after the call hands nothing back that matters.
        const proven = !changesHeld && (!handsBack || (flow.unit.kind !== 'script' && callersLeaveSessionAlone(context, flow.unit, { scriptsHandBack: true })));
        findings.push({ ...finding, fixes: readAndCloseFix(effect.span, context.editSites?.(), proven, why, earlyCloseIsolation(flow.unit)) });
      }
    }
    return findings;
  },
};

/** True when `site` (the span of a `session_start()`) is among the state's open sites, directly or via calls. */
function holds(state: ResourceState | undefined, site: Span): boolean {
  return state !== undefined && state.open.some((open) => isFrom(open, site));
}

function isFrom(open: OpenSite, site: Span): boolean {
  const last = open.chain[open.chain.length - 1];
  return last !== undefined && spanKey(last.span) === spanKey(site);
}

/** Where the lock is seen doing something that matters, for the related locations. */
interface Evidence {
  readonly span: Span;
  readonly label: string;
}

function isOutput(observation: Observation): boolean {
  const { effect, call } = observation;
  if (effect.kind === 'output') return true;
  if (effect.kind === 'slow' && effect.slowKind === 'download') return true;
  return effect.kind === 'call' && call !== undefined && call.flushes.length > 0;
}

function isSlow(context: RuleContext, observation: Observation): boolean {
  const { effect, call } = observation;
  const counts = (kind: SlowKind): boolean => context.slowKindSeverity(kind) !== 'off';
  // A file read on a path its callers give is not slow work here (`held-across-slow-call` too).
  if (effect.kind === 'slow') return effect.pathParameter === undefined && counts(effect.slowKind);
  return (
    effect.kind === 'call' &&
    call !== undefined &&
    call.slowUnderLock.some((occurrence) => occurrence.pathParameter === undefined && counts(occurrence.kind))
  );
}

function evidenceOf(observation: Observation): Evidence {
  const label = isOutput(observation) ? 'output is sent here while the lock is held' : 'slow work runs here while the lock is held';
  return { span: observation.effect.span, label };
}

/** What happens under the lock taken at one `session_start()`, over every unit of the file. */
interface SiteFacts {
  needsLock: boolean;
  /** The first slow work or output under the lock. */
  work?: Evidence;
  /** The first output under the lock on a path that goes on to the normal end of its unit. */
  outputBeforeEnd?: Evidence;
}

/**
 * One pass over every observation of the file, filing what it does under each open site of its
 * state (the site's key is the span of the `session_start()` at the end of its chain). Linear
 * in the observations, whatever the number of opens.
 */
function collectSiteFacts(context: RuleContext, flows: readonly UnitFlow[]): Map<string, SiteFacts> {
  const closes = closeEffectsBySpan(context.file.units);
  const facts = new Map<string, SiteFacts>();
  for (const flow of flows) {
    let reachesEnd: Set<number> | undefined;
    for (const observation of flow.observations) {
      const sites = observation.before.open;
      if (sites.length === 0) continue;
      const needs = observationNeedsLock(flow, observation, closes);
      const output = isOutput(observation);
      const slow = isSlow(context, observation);
      if (!needs && !output && !slow) continue;
      let beforeEnd = false;
      if (output) {
        reachesEnd ??= nodesReaching(flow, flow.unit.cfg.exit);
        beforeEnd = reachesEnd.has(observation.node);
      }
      for (const site of sites) {
        const last = site.chain[site.chain.length - 1];
        if (!last) continue;
        const key = spanKey(last.span);
        let entry = facts.get(key);
        if (!entry) {
          entry = { needsLock: false };
          facts.set(key, entry);
        }
        if (needs) entry.needsLock = true;
        if ((output || slow) && !entry.work) entry.work = evidenceOf(observation);
        if (beforeEnd && !entry.outputBeforeEnd) entry.outputBeforeEnd = evidenceOf(observation);
      }
    }
  }
  return facts;
}

/** Nodes from which `target` can be reached (including `target`). */
function nodesReaching(flow: UnitFlow, target: number): Set<number> {
  const preds = new Map<number, number[]>();
  for (const node of flow.unit.cfg.nodes) {
    for (const edge of node.succs) {
      const list = preds.get(edge.to) ?? [];
      list.push(node.id);
      preds.set(edge.to, list);
    }
  }
  const seen = new Set<number>([target]);
  const stack = [target];
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

function observationNeedsLock(flow: UnitFlow, { effect, call }: Observation, closes: CloseEffects): boolean {
  switch (effect.kind) {
    case 'write':
    case 'use':
      return effect.resource === flow.resource;
    case 'close':
      return effect.resource === flow.resource && effect.how !== 'write';
    case 'call': {
      // Unresolved: only an include counts (see the policy above).
      if (!call) return effect.target.type === 'include';
      if (call.writesUnderLock.length > 0) return true;
      return call.releases.some((chain) => {
        const last = chain[chain.length - 1];
        const close = last ? closes.get(spanKey(last.span)) : undefined;
        return close === undefined || close.how !== 'write';
      });
    }
    default:
      return false;
  }
}

/**
 * What to do instead, in the API that opened it: PHP's own start has `read_and_close`; a
 * framework's session, started on first access (`$session->get()`) or by its own `start()`, has
 * no such option, but its write-back close releases the lock once the data is read.
 */
function releaseAdvice(open: OpenEffect): string {
  if (open.readAndCloseOption !== undefined) return `use \`session_start(['${open.readAndCloseOption}' => true])\`, which reads the data and releases the lock at once, `;
  return open.closeCall !== undefined
    ? `call \`${open.closeCall}\` as soon as the data is read, which releases the lock, `
    : "save the session as soon as the data is read, which releases the lock, ";
}

function buildFinding(context: RuleContext, flow: UnitFlow, open: OpenEffect, evidence: Evidence, store: StoreVerdict): Finding {
  const related = new RelatedList(open.span);
  related.add(evidence.label, evidence.span);
  const noted = store.kind === 'lowered' || store.kind === 'partly' || store.kind === 'conditional';
  const storeNote = noted ? store.note : '';
  if (noted) for (const item of store.related) related.add(item.message, item.span);
  const unit = flow.unit;
  if ([flow.exit, flow.terminate, flow.throwExit].some((state) => holds(state, open.span))) {
    const until = unit.kind === 'script' ? 'the session stays locked until the script ends' : `the session is still locked when ${unit.displayName} ends`;
    related.add(until, unit.endSpan);
  }
  return {
    rule: preferReadAndClose.meta.id,
    // The rule's severity, but never above `info` where a store that takes no lock may be used.
    severity: store.kind === 'lowered' || store.kind === 'conditional' ? 'info' : context.severity,
    ...(store.kind === 'lowered' && context.severity !== 'info' ? { lowered: store.reason } : {}),
    ...(store.kind === 'unreported' ? { unreported: store.reason } : {}),
    message:
      `\`${open.api}\` takes the session lock, but nothing after it in this file writes the session: ` +
      releaseAdvice(open) +
      "so this user's other requests do not wait for this one." +
      storeNote,
    span: open.span,
    related: related.items,
    fixes: [],
  };
}
