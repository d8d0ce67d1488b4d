import { shippedNote } from './setting-note';
import {
  READ_AND_CLOSE_LABEL,
  compareSpans,
  spanKey,
  type Finding,
  type FindingCause,
  type Observation,
  type Rule,
  type RuleContext,
  type Span,
  type SettingMark,
  type Step,
  type AccessEffect,
  type CloseEffect,
  type Unit,
  type UnitFlow,
} from '../../../core/src';
import { effectAtEndOf, unitAtEndOf } from '../fixes/chain-effects';
import { carriedLater } from './carried-changes';
import { ReadBack } from './read-back';
import { reopenLostWritesFix } from '../fixes/reopen-lost-writes';
import { RelatedList, describeChange, isSessionChange, lineList } from './session-facts';

/**
 * `write-after-close`: a change to `$_SESSION` (or `session_regenerate_id()`, …) made while the
 * session is closed after this unit had it started. PHP keeps `$_SESSION` as a plain array
 * after `session_write_close()` and never saves it again, so the change is dropped silently.
 *
 * "After it was started" is what `ResourceState.released` says. A function entered with the
 * session closed that writes `$_SESSION` is not reported: its callers open the session for it
 * (the engine reports such writes to callers as `CallOutcome.writesWhileClosed`, and a caller
 * whose own session is released at the call is reported here, at the call).
 *
 * One finding per close: the first lost change after it is reported, the others are related
 * locations, because one fix (moving the close, or one brief reopen) covers them all.
 */
export const writeAfterClose: Rule = {
  meta: {
    id: 'write-after-close',
    description: 'A session write while the session is closed: PHP drops it silently',
    languages: ['php'],
    defaultSeverity: 'warning',
    fixAvailability: 'sometimes',
  },
  check(context) {
    const findings: Finding[] = [];
    const readBack = new ReadBack(context);
    for (const unit of context.file.units) {
      const closes = closesOf(context, unit);
      const causeOf = writingUnitOf(context, unit);
      const alone = context.flowOf(unit);
      const lostAlone = [...lostChanges(alone, closes)];
      if (lostAlone.length === 0) continue;
      // Judged as its callers enter it, when every one has the session open: entered closed, a
      // helper that reopens only a closed session (and closes only what it reopened) would
      // close it before a write no caller ever loses. (Asked only where the unit on its own
      // loses a change: that flow is one more analysis of the unit.)
      const asRun = context.flowAsRun?.(unit);
      const flow = asRun ?? alone;
      const groups = new Map<string, LostChange[]>();
      // A `finally` block is copied onto every path through it: each change counts once.
      const seen = new Set<string>();
      const keptKeys = keysPutBackWhileClosed(flow);
      for (const lost of asRun ? lostChanges(asRun, closes) : lostAlone) {
        if (clearsAfterDestroy(lost) || removesAfterDestroy(context, unit, lost) || seen.has(spanKey(lost.span))) continue;
        if (lost.observation.effect.kind === 'write' && lost.observation.effect.temporary && keptKeys.has(lost.observation.effect.key ?? '')) continue;
        // Saved later by code that reads the in-memory array and reopens (snapshot helpers).
        if (carriedLater(context, flow, lost.observation.node)) continue;
        // Read back by this request before it ends without sending the page on: nothing later needed it.
        if (readBack.onlyThisRequest(flow, lost.observation, lost.chains, lost.destroyed)) continue;
        seen.add(spanKey(lost.span));
        const key = lost.closedBy.map((step) => spanKey(step.span)).sort().join('|');
        const group = groups.get(key) ?? [];
        group.push(lost);
        groups.set(key, group);
      }
      for (const group of groups.values()) {
        // Told from the first change that is lost whatever the configuration, if there is one.
        group.sort((a, b) => Number(settingOf(a) !== undefined) - Number(settingOf(b) !== undefined) || compareSpans(a.span, b.span));
        const destroyed = group.some((lost) => lost.closedBy.some((step) => closes(step)?.how === 'destroy'));
        const fixes = reopenLostWritesFix(context, flow, group.map((lost) => lost.observation.node), destroyed, group[0]!.closedBy);
        findings.push(withOtherCauses(group, causeOf, (told) => ({ ...buildFinding(context, told), fixes })));
      }
    }
    return findings;
  },
};

/**
 * The close's finding with the same close told from its later lost changes that come down to
 * another cause (`Finding.otherCauses`; `told(group)`: told from the group's first change). A
 * finding told from a call whose lost write is a helper's, shared by many callers, becomes one
 * place of that helper's group, which shows the first place's explanation only; the other
 * changes lost after the same close (a page's own writes after the header closed the session)
 * must not vanish with it. A call that reaches a told write and one not told yet (a function
 * that opens the database, which may write the shared helper's key, then writes its own) is
 * told from the write not told yet. Chained (each telling carries the next), so the grouping
 * adds one at a time, only while the finding is still hidden; a telling from a change of the
 * unit's own is never grouped, so none follows it.
 */
function withOtherCauses(group: readonly LostChange[], causeOf: (chain: readonly Step[]) => string, told: (group: readonly LostChange[]) => Finding): Finding {
  const first = group[0]!.chains[0];
  if (!first || first.length === 0) return told(group);
  const causes = new Set([causeOf(first)]);
  const others: LostChange[][] = [];
  for (let i = 1; i < group.length; i++) {
    const lost = group[i]!;
    const chains = lost.chains.filter((chain) => chain.length > 0);
    const untold = chains.filter((chain) => !causes.has(causeOf(chain)));
    if (chains.length > 0 && untold.length === 0) continue;
    // Told from its first write not told yet: that write is the telling's cause.
    const reordered = { ...lost, chains: [...untold, ...chains.filter((chain) => causes.has(causeOf(chain)))] };
    others.push([reordered, ...group.slice(i + 1)]);
    if (chains.length === 0) break;
    for (const chain of untold) causes.add(causeOf(chain));
  }
  let next: Finding | undefined;
  for (const from of others.reverse()) {
    const telling = told(from);
    next = next ? { ...telling, otherCauses: [next] } : telling;
  }
  const finding = told(group);
  return next ? { ...finding, otherCauses: [next] } : finding;
}

interface LostChange {
  readonly span: Span;
  readonly observation: Observation;
  /** Where the session was closed before this change (the engine's `closedBy`, or a read_and_close). */
  readonly closedBy: readonly Step[];
  /** The session was closed by opening it with `read_and_close`. */
  readonly byReadAndClose: boolean;
  /** Every close before it is a `session_destroy()`. */
  readonly destroyed: boolean;
  /** Chains from the call down to the writes in the callee, for calls. */
  readonly chains: readonly (readonly Step[])[];
  /** The change (or call) itself runs only when a setting is changed from its shipped value. */
  readonly ownSetting: SettingMark | undefined;
}

/**
 * The close a step of `closedBy` stands for: the close itself, or for a call that closed the
 * session inside (`Session::destroy()`), the API at the end of its inner steps, in whatever
 * file that is. Memoised per step.
 */
function closesOf(context: RuleContext, unit: Unit): (step: Step) => CloseEffect | undefined {
  const known = new Map<string, CloseEffect | undefined>();
  return (step) => {
    const key = spanKey(step.span);
    if (!known.has(key)) known.set(key, effectAtEndOf(context, unit, [step, ...(step.inner ?? [])], 'close'));
    return known.get(key);
  };
}

/**
 * What a chain down to a lost write comes down to, for telling the close's finding from its
 * other causes (`withOtherCauses`): the function (or file) that writes, so that two writes one
 * helper makes next to each other (`$_SESSION['user']` and `$_SESSION['uid']` defaults) are one
 * cause; the write itself where the chain cannot be followed. Memoised per chain end.
 */
function writingUnitOf(context: RuleContext, unit: Unit): (chain: readonly Step[]) => string {
  const known = new Map<string, string>();
  return (chain) => {
    const end = spanKey(chain[chain.length - 1]!.span);
    let cause = known.get(end);
    if (cause === undefined) {
      const writer = unitAtEndOf(context, unit, chain, 'write') ?? unitAtEndOf(context, unit, chain, 'use');
      cause = writer ? `${writer.span.file}#${writer.id}` : end;
      known.set(end, cause);
    }
    return cause;
  };
}

function* lostChanges(flow: UnitFlow, closes: (step: Step) => CloseEffect | undefined): Generator<LostChange> {
  for (const observation of flow.observations) {
    const { effect, before, call } = observation;
    const changes = isSessionChange(effect, flow.resource);
    const callWrites = effect.kind === 'call' && call !== undefined && call.writesWhileClosed.length > 0;
    if ((!changes && !callWrites) || !before.closed || !before.released) continue;
    // Writes lost whatever the configuration first: the finding and its cause are told from them.
    const chains = callWrites ? [...call!.writesWhileClosed].sort((a, b) => Number(chainSetting(a) !== undefined) - Number(chainSetting(b) !== undefined)) : [];
    const closedBy = before.closedBy ?? [];
    const destroyed = closedBy.length > 0 && closedBy.every((step) => closes(step)?.how === 'destroy');
    // The engine records a `read_and_close` open as the place the session was released.
    const byReadAndClose = closedBy.length > 0 && closedBy.every((step) => step.label === READ_AND_CLOSE_LABEL);
    const ownSetting = flow.unit.cfg.nodes[observation.node]?.setting;
    yield { span: effect.span, observation, closedBy, byReadAndClose, destroyed, chains, ownSetting };
  }
}

/**
 * `$_SESSION = [];` (or `session_unset()` after a destroy) empties the in-memory copy for the
 * rest of the request, and `$_SESSION = $saved;` puts back a copy the unit kept: nothing was
 * meant to be saved, so they are not reported. A keyed write
 * after a close (a "you are signed out" flash message) is lost like any other and is.
 */
function clearsAfterDestroy(lost: LostChange): boolean {
  const effect = lost.observation.effect;
  if (effect.kind !== 'write') return false;
  return effect.clearsAll === true || effect.restoresCopy === true || (lost.destroyed && effect.key === undefined);
}


/**
 * The keys set for this request only (`AccessEffect.temporary`) whose every such write is made
 * with the session closed: the key ends as it was saved, so nothing is lost. Where the session
 * was still open at the first write and closed before the put-back, the value set was saved
 * and the put-back is lost: that key is not here.
 */
function keysPutBackWhileClosed(flow: UnitFlow): ReadonlySet<string> {
  const closed = new Set<string>();
  const open = new Set<string>();
  for (const { effect, before } of flow.observations) {
    if (effect.kind !== 'write' || !effect.temporary || effect.key === undefined || effect.resource !== flow.resource) continue;
    (before.closed && before.open.length === 0 ? closed : open).add(effect.key);
  }
  return new Set([...closed].filter((key) => !open.has(key)));
}

/**
 * `unset($_SESSION['k'])` after `session_destroy()`, in the unit or in the callee it calls:
 * the stored session is gone (a later start loads an empty one), so removing a key from it
 * loses nothing.
 */
function removesAfterDestroy(context: RuleContext, unit: Unit, lost: LostChange): boolean {
  if (!lost.destroyed) return false;
  const effect = lost.observation.effect;
  if (effect.kind === 'write') return effect.removes === true;
  if (effect.kind !== 'call' || lost.chains.length === 0) return false;
  return lost.chains.every((chain) => (effectAtEndOf(context, unit, chain, 'write') as AccessEffect | undefined)?.removes === true);
}

/** A call whose callee writes while closed only on paths where it did not open the session itself. */
function calleeWritesSometimes(lost: LostChange): boolean {
  return lost.observation.effect.kind === 'call' && lost.observation.call?.writesWhileClosedSometimes === true;
}

function buildFinding(context: RuleContext, group: readonly LostChange[]): Finding {
  const primary = group[0]!;
  const related = new RelatedList(primary.span);
  for (const step of primary.closedBy) {
    related.add(step.label, step.span);
    // Closed inside a callee: down to the API that closed, not just the call that led there.
    related.addChain(step.inner ?? []);
  }
  for (const chain of primary.chains) related.addChain(chain.slice(1));
  for (const other of group.slice(1)) {
    const what = other.observation.effect.kind === 'call' ? 'this call writes the session too' : 'this change is lost too';
    related.add(`also after the close: ${what}`, other.span);
  }
  // Lost on some paths only: whether those paths run together depends on conditions the
  // analysis does not correlate (the corpus review's `!defined('TESTSUITE')` pairs), so it is
  // a lead to check, not a failure: `info`, below whatever the rule is set to. So is a write
  // that runs only when a setting is changed from its shipped value.
  const maybe = primary.observation.before.open.length > 0 || calleeWritesSometimes(primary);
  const setting = settingOf(primary);
  return {
    rule: writeAfterClose.meta.id,
    severity: maybe || setting ? 'info' : context.severity,
    message: message(context, primary) + settingNote(setting),
    span: primary.span,
    related: related.items,
    fixes: [],
    ...(primary.chains.length > 0 ? { cause: causeOf(primary, maybe, setting) } : {}),
  };
}

/**
 * A write inside a helper that its callers run after closing the session: the write itself
 * (the end of the first chain) is the cause every such caller shares.
 */
/**
 * The setting (shipped off) the lost change runs behind: its own node's, or the innermost on
 * the first chain down to the write.
 */
function settingOf(lost: LostChange): SettingMark | undefined {
  if (lost.ownSetting) return lost.ownSetting;
  // A call is behind a setting only when every write it leads to is (`lostChanges` puts the others first).
  const first = lost.chains[0];
  return first && lost.chains.every((chain) => chainSetting(chain) !== undefined) ? chainSetting(first) : undefined;
}

/** The innermost setting shipped off on a chain down to a write. */
function chainSetting(chain: readonly Step[]): SettingMark | undefined {
  return [...chain].reverse().find((step) => step.setting)?.setting;
}

function settingNote(setting: SettingMark | undefined): string {
  if (!setting) return '';
  return ` This write runs only when \`${setting.test}\` holds${shippedNote(setting)}.`;
}

function causeOf(lost: LostChange, maybe: boolean, setting: SettingMark | undefined): FindingCause {
  const chain = lost.chains[0]!;
  const write = chain[chain.length - 1]!;
  return {
    span: write.span,
    resource: 'session',
    summary:
      `This session write ${maybe ? 'may be' : 'is'} lost: callers run it after they closed the session, ` +
      'and PHP does not save changes made while no session is active. Move the close after these calls, or ' +
      `${REOPEN}.${settingNote(setting)}`,
    reachedHere: 'called here after the session was closed',
  };
}

const REOPEN = 'reopen the session briefly (`session_start()` … `session_write_close()`) before any output is sent';

function message(context: RuleContext, lost: LostChange): string {
  const { effect, before } = lost.observation;
  const closedLines = lineList(context, lost.closedBy.map((step) => step.span));
  const when = lost.byReadAndClose
    ? `after the session was opened with \`read_and_close\` (${closedLines}), which closes it at once,`
    : `after the session was ${lost.destroyed ? 'destroyed' : 'closed'}${closedLines ? ` (${closedLines})` : ''}`;
  const maybe = before.open.length > 0;
  const openOnlyWhen = before.whyMaybe ? `the session is open here only when ${before.whyMaybe}` : 'the session is open here on some paths only';
  const move = effect.kind === 'write' ? 'Move it' : 'Call it';
  // A reopen rebuilds `$_SESSION`: a reference bound before it still points into the old array.
  const throughReference = effect.kind === 'write' && effect.throughReference === true;
  const advice = lost.byReadAndClose
    ? 'If this request writes the session, open it with a lock (`session_start()`) and close it after the write.'
    : throughReference
      ? `The write goes through a reference into \`$_SESSION\` bound before: move it before the close, or reopen the session and write \`$_SESSION\` itself (a reopen rebuilds the array; the reference still points into the old one).`
      : `${move} before the close, or ${REOPEN}.`;

  if (effect.kind === 'call') {
    const verdict = maybe
      ? `, and the write may be lost: ${openOnlyWhen}, and on the other paths PHP drops it without a warning`
      : calleeWritesSometimes(lost)
        ? `, and the write may be lost: \`${effect.display}\` opens the session itself on some of its paths only, and on the others PHP drops the write without a warning`
        : ': the write is lost, because PHP does not save changes made while no session is active';
    return `\`${effect.display}\` writes the session ${when.replace('the session was', 'it was').replace(/,$/, '')}${verdict}. ${advice}`;
  }
  if (effect.kind === 'use') {
    const verdict = maybe
      ? `may do nothing: ${openOnlyWhen}, and on the other paths PHP refuses it and returns false`
      : 'does nothing: PHP refuses it while no session is active and returns false';
    return `${describeChange(effect)} ${when} ${verdict}. ${advice}`;
  }
  if (effect.kind !== 'write') return '';
  const what = describeChange(effect);
  const verdict = maybe
    ? `may be lost: ${openOnlyWhen}, and on the other paths PHP drops the change without a warning`
    : 'is lost: PHP does not save changes made while no session is active, and drops it without a warning';
  return `${what.charAt(0).toUpperCase()}${what.slice(1)} ${when} ${verdict}. ${advice}`;
}
