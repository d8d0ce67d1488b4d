import { spanKey, type Finding, type Observation, type OpenEffect, type OpenSite, type Rule, type RuleContext } from '../../../core/src';
import { RelatedList, lineList } from './session-facts';
import { guardStartFix } from '../fixes/guard-start';

/**
 * `session-already-open`: a `session_start()` reached with the session open on every path.
 * PHP ignores it with a notice ("Ignoring session_start() because a session is already
 * active") and ignores its options too, so a `read_and_close` there does not release the lock.
 *
 * Guards (`if (session_status() === PHP_SESSION_NONE) session_start();`) are understood by the
 * flow: the guarded start is unreachable when the session is open, or reached closed only.
 * A start that is open on some paths only (maybe open) is not reported.
 */
export const sessionAlreadyOpen: Rule = {
  meta: {
    id: 'session-already-open',
    description: '`session_start()` while the session is already open: PHP ignores it with a notice',
    languages: ['php'],
    defaultSeverity: 'info',
    fixAvailability: 'sometimes',
  },
  check(context) {
    const findings: Finding[] = [];
    for (const unit of context.file.units) {
      const flow = context.flowOf(unit);
      // A `finally` block is copied onto every path through it: a start there is reported only
      // when every reachable copy finds the session open.
      const copies = new Map<string, Observation[]>();
      for (const observation of flow.observations) {
        if (observation.effect.kind !== 'open' || observation.effect.resource !== flow.resource) continue;
        // A framework's start on first access (`$session->get()`) is meant to be repeated.
        if (observation.effect.lazy) continue;
        const key = spanKey(observation.effect.span);
        copies.set(key, [...(copies.get(key) ?? []), observation]);
      }
      for (const group of copies.values()) {
        if (group.some(({ before }) => before.closed || before.open.length === 0)) continue;
        findings.push(buildFinding(context, group));
      }
    }
    return findings;
  },
};

function buildFinding(context: RuleContext, group: readonly Observation[]): Finding {
  const effect = group[0]!.effect as OpenEffect;
  const sites: OpenSite[] = [];
  for (const { before } of group) {
    for (const site of before.open) if (!sites.some((s) => s.key === site.key)) sites.push(site);
  }
  const related = new RelatedList(effect.span);
  for (const site of sites) related.addChain(site.chain);
  const firstSteps = sites.map((site) => site.chain[0]).filter((step) => step !== undefined);
  const options =
    effect.mode === 'read-and-close'
      ? ' Its options are ignored too, so `read_and_close` does not release the lock here: call `session_write_close()` instead.'
      : ' Remove it, or guard it with `session_status() === PHP_SESSION_NONE`.';
  return {
    rule: sessionAlreadyOpen.meta.id,
    severity: context.severity,
    message:
      `\`${effect.api}\` while the session is already open (opened on ${lineList(context, firstSteps.map((step) => step.span))}): ` +
      `PHP ignores it with the notice "Ignoring session_start() because a session is already active".${options}`,
    span: effect.span,
    related: related.items,
    // A guarded `read_and_close` start would still leave the lock held: no fix hides that.
    fixes: effect.mode === 'lock' ? guardStartFix(effect.span, context.editSites?.()) : [],
  };
}
