import {
  compareSpans,
  spanKey,
  type Finding,
  type Fix,
  type FindingCause,
  type Observation,
  type OpenEffect,
  type Rule,
  type RuleContext,
  type Step,
  type UnitFlow,
  nodesThatNeverReturn,
  settingFact,
  startsWithoutHeaders,
} from '../../../core/src';
import { cookielessReopen } from '../fixes/cookieless-reopen';
import { moveReopenBeforeOutputFix } from '../fixes/move-reopen';
import { emptyBufferFlushes } from './empty-buffer-flushes';
import { RelatedList, lineList } from './session-facts';

/**
 * `reopen-after-output`: a `session_start()` that may run after output was flushed to the
 * client. With `session.use_cookies=1` (the default) php-src checks `SG(headers_sent)` before
 * doing anything: `session_start()` returns false with a warning, takes no lock, leaves
 * `$_SESSION` as it was, and the writes that follow are never saved.
 *
 * "May have flushed" is a forward reachability over the unit's CFG from every place that may
 * send output: `flush()`-like output, `readfile()`-like downloads, and calls whose callee
 * does either (`CallOutcome.flushes`); a call whose callee cannot return from there ends it
 * (`print_footer(true)` over `if ($and_exit) exit(0);`). Only a start that may actually run is reported: when
 * the session is already open on every path, PHP ignores the call before it looks at headers.
 */
export const reopenAfterOutput: Rule = {
  meta: {
    id: 'reopen-after-output',
    description: '`session_start()` after output may have been flushed: it fails, and later writes are lost',
    languages: ['php'],
    defaultSeverity: 'warning',
    fixAvailability: 'sometimes',
  },
  check(context) {
    const findings: Finding[] = [];
    for (const unit of context.file.units) {
      const flow = context.flowOf(unit);
      const flushedBy = flushReach(context, flow);
      const cookieless = flushedBy.size > 0 ? cookielessNodes(flow, flushedBy) : new Set<number>();
      const settingAfterFlush = flow.observations.some((o) => o.effect.kind === 'setting' && flushedBy.has(o.node));
      // A `finally` block is copied onto every path through it: report each start once.
      const reported = new Set<string>();
      for (const observation of flow.observations) {
        const { effect, before, call } = observation;
        if (!before.closed) continue;
        // A helper that starts the session (`remember_download()` after `readfile()`) counts too.
        const open: OpenEffect | undefined =
          effect.kind === 'open' && effect.resource === flow.resource
            ? effect
            : effect.kind === 'call' && call && call.opens.length > 0
              ? { kind: 'open', resource: flow.resource, mode: 'lock', api: effect.display, span: effect.span }
              : undefined;
        if (!open) continue;
        // The paths here switched the cookie and the cache limiter off (facts, also from callers),
        // unless this unit changes them after a flush, when PHP refuses the change.
        if (effect.kind === 'open' && !settingAfterFlush && startsWithoutHeaders(before)) continue;
        // Every start runs behind a store whose install switched them off (MediaWiki's
        // `if (PHPSessionHandler::isEnabled()) session_start();`), wherever that install ran.
        if (behindHeaderlessStore(context, effect.kind === 'open' ? [[{ span: open.span, label: '' }]] : call!.opens)) continue;
        const flush = flushedBy.get(observation.node);
        if (!flush || reported.has(spanKey(open.span))) continue;
        if (cookieless.has(observation.node)) continue;
        reported.add(spanKey(open.span));
        findings.push({ ...buildFinding(context, observation, open, flush), fixes: reopenFixes(context, flow, observation) });
        if (effect.kind === 'call') {
          for (const chain of call!.opens) findings[findings.length - 1] = withChain(findings[findings.length - 1]!, chain);
          findings[findings.length - 1] = { ...findings[findings.length - 1]!, cause: causeOf(call!.opens[0]!) };
        }
      }
    }
    return findings;
  },
};

/**
 * Whether every start (the last step of each chain) runs only behind the project's own store,
 * installed with the session cookie and the cache limiter off (`SessionStoreInfo.headersOff`).
 */
function behindHeaderlessStore(context: RuleContext, opens: readonly (readonly Step[])[]): boolean {
  if (!context.storeBehindStart || opens.length === 0) return false;
  return opens.every((chain) => {
    const start = chain[chain.length - 1];
    return start !== undefined && context.storeBehindStart!(start.span)?.headersOff === true;
  });
}

/** A place that may send output to the client, with the chain that explains it. */
interface Flush {
  readonly node: number;
  readonly chains: readonly (readonly Step[])[];
}

function flushOf(observation: Observation): Flush | undefined {
  const { effect, call, node } = observation;
  if (effect.kind === 'output' && effect.flush) {
    return { node, chains: [[{ span: effect.span, label: `\`${effect.callee}\` may send output to the client here` }]] };
  }
  if (effect.kind === 'slow' && effect.slowKind === 'download') {
    return { node, chains: [[{ span: effect.span, label: `\`${effect.callee}\` sends output to the client here` }]] };
  }
  if (effect.kind === 'call' && call && call.flushes.length > 0) return { node, chains: call.flushes };
  return undefined;
}

/**
 * For every node that may run after output was flushed, the first flush (in source order)
 * that reaches it. A flush inside a loop reaches the loop's next iteration, so a start at the
 * top of the loop body is reached by a flush at its bottom.
 */
function flushReach(context: RuleContext, flow: UnitFlow): Map<number, Flush> {
  const empty = emptyBufferFlushes(context, flow);
  const flushes = flow.observations
    .filter((o) => !empty.has(o.node))
    .map(flushOf)
    .filter((f): f is Flush => f !== undefined)
    .sort((a, b) => compareSpans(a.chains[0]![0]!.span, b.chains[0]![0]!.span));
  const reached = new Map<number, Flush>();
  const cfg = flow.unit.cfg;
  // A call that cannot return from here (`print_footer(true)`) ends the paths through it.
  const stops = nodesThatNeverReturn(flow);
  for (const flush of flushes) {
    // A node an earlier flush reached has had everything after it explored already: skipping it
    // keeps the whole pass linear in the size of the graph.
    const stack = [flush.node];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (stops.has(node)) continue;
      for (const edge of cfg.nodes[node]!.succs) {
        if (reached.has(edge.to) || flow.states[edge.to] === undefined) continue;
        reached.set(edge.to, flush);
        stack.push(edge.to);
      }
    }
  }
  return reached;
}

/**
 * The nodes reached only on paths that switched the session cookie and the cache limiter off
 * before any output was flushed (`ini_set('session.use_cookies', '0')` and
 * `ini_set('session.cache_limiter', '')` or `session_cache_limiter('')`). php-src then skips
 * the headers check and sends no headers, so a reopen after output works (domain.md §5.3).
 * A setting changed after a flush does not count: PHP refuses it once headers are sent.
 * A forward "on every path" dataflow over two flags; each pass is linear.
 */
function cookielessNodes(flow: UnitFlow, flushedBy: ReadonlyMap<number, Flush>): Set<number> {
  const cfg = flow.unit.cfg;
  const NO_COOKIE = 1;
  const NO_LIMITER = 2;
  // What each node sets: a setting of its own, or those a called helper leaves changed.
  const settingsAt = new Map<number, readonly { predicate: string; value: boolean }[]>();
  for (const node of cfg.nodes) {
    const effect = node.effect;
    const fact = effect?.kind === 'setting' ? settingFact(effect.name, effect.value) : undefined;
    if (fact) settingsAt.set(node.id, [fact]);
  }
  for (const observation of flow.observations) {
    if (observation.call?.settings) settingsAt.set(observation.node, observation.call.settings);
  }
  if (settingsAt.size === 0) return new Set();
  const settingBits = (node: number): { set: number; clear: number } => {
    const facts = settingsAt.get(node);
    if (!facts || flushedBy.has(node)) return { set: 0, clear: 0 };
    let set = 0;
    let clear = 0;
    for (const fact of facts) {
      const bit = fact.predicate === 'ini:session.use_cookies=off' ? NO_COOKIE : fact.predicate === 'ini:session.cache_limiter=off' ? NO_LIMITER : 0;
      if (fact.value) set |= bit;
      else clear |= bit;
    }
    return { set, clear };
  };
  const ALL = NO_COOKIE | NO_LIMITER;
  const inBits = new Array<number>(cfg.nodes.length).fill(ALL);
  inBits[cfg.entry] = 0;
  const preds: number[][] = cfg.nodes.map(() => []);
  for (const node of cfg.nodes) for (const edge of node.succs) preds[edge.to]!.push(node.id);
  const outOf = (node: number): number => {
    const { set, clear } = settingBits(node);
    return (inBits[node]! | set) & ~clear;
  };
  let changed = true;
  for (let pass = 0; changed && pass < cfg.nodes.length + 2; pass++) {
    changed = false;
    for (const node of cfg.nodes) {
      if (node.id === cfg.entry || flow.states[node.id] === undefined) continue;
      let bits = ALL;
      for (const pred of preds[node.id]!) if (flow.states[pred] !== undefined) bits &= outOf(pred);
      if (bits !== inBits[node.id]) {
        inBits[node.id] = bits;
        changed = true;
      }
    }
  }
  const result = new Set<number>();
  inBits.forEach((bits, node) => {
    if (bits === ALL && flow.states[node] !== undefined) result.add(node);
  });
  return result;
}

/**
 * The `session_start()` inside a helper that callers run after sending output: one cause, however
 * many callers do it.
 */
function causeOf(chain: readonly Step[]): FindingCause {
  return {
    span: chain[chain.length - 1]!.span,
    resource: 'session',
    summary:
      'This `session_start()` may run after its callers sent output to the client. Once headers are sent, PHP refuses ' +
      'to start a session: it returns false with a warning, `$_SESSION` is not (re)loaded, and every write after it is lost. ' +
      'Start the session before the first flush in these callers.',
    reachedHere: 'called here after output may have been sent',
  };
}

/** Adds the way into a helper's `session_start()` to a finding's related locations. */
function withChain(finding: Finding, chain: readonly Step[]): Finding {
  const related = [...finding.related];
  for (const step of chain.slice(1)) {
    if (!related.some((r) => r.span.start === step.span.start && r.span.file === step.span.file)) related.push({ message: step.label, span: step.span });
  }
  return { ...finding, related };
}

function buildFinding(context: RuleContext, observation: Observation, open: OpenEffect, flush: Flush): Finding {
  const related = new RelatedList(open.span);
  for (const chain of flush.chains) related.addChain(chain);
  for (const step of observation.before.closedBy ?? []) {
    related.add(step.label, step.span);
    related.addChain(step.inner ?? []);
  }
  const first = flush.chains[0]![0]!;
  const where = `${context.lineOf(first.span.start) === context.lineOf(open.span.start) ? 'on this line' : lineList(context, [first.span])}`;
  const lost =
    open.mode === 'read-and-close'
      ? '`$_SESSION` is not read, so it keeps whatever it held before'
      : '`$_SESSION` is not (re)loaded, and every write after it is lost';
  const fix =
    open.mode === 'read-and-close'
      ? 'Read the session before the first flush.'
      : 'Reopen the session before the first flush, or make the writes before flushing.';
  return {
    rule: reopenAfterOutput.meta.id,
    severity: context.severity,
    message:
      `\`${open.api}\` may run after output was sent to the client (${where}). Once headers are sent, PHP refuses to start a session: ` +
      `\`${open.api}\` returns false with a warning, ${lost}. ${fix}`,
    span: open.span,
    related: related.items,
    fixes: [],
  };
}

/**
 * The reopen made to work in place (cookie and cache limiter off after the close, `unsafe`), or,
 * where that cannot be done, the start moved before the output, display-only with the reason.
 */
function reopenFixes(context: RuleContext, flow: UnitFlow, observation: Observation): Fix[] {
  const made = cookielessReopen(context, flow, observation);
  if ('fixes' in made) return made.fixes;
  return made.refused === undefined ? [] : moveReopenBeforeOutputFix(context, flow, observation, made.refused);
}
