import { spanKey, type CloseEffect, type FileIR, type Fix, type HeldOperation, type Observation, type RuleContext, type Span, type UnitFlow } from '../../../core/src';

/**
 * `held-across-slow-call` (PHP session): close the session right before the statement that
 * does the slow work (the loop, for work repeated in a loop), in the block that holds that
 * statement, so the close runs on every path to it. The handler's own statement is changed,
 * never a helper or a bootstrap it calls: the finding is in the unit whose statement this is.
 *
 * Offered, as `safe`, only when closing there keeps the request's meaning:
 * - nothing from that statement on (in this unit, and in anything it calls or includes) writes
 *   the session, uses an API that needs it open, destroys or aborts it, or opens it again: a
 *   write after the close would be lost (the reopen-around-writes fix, which is `unsafe`, is
 *   not built yet, so no fix is offered then);
 * - no include there is left unfollowed (an included file may write the session);
 * - a function or method closes the session itself before it returns on every path, so no
 *   caller gets it back open (and may write it) after the call; a script's top level may keep
 *   it open to its end;
 * - the session is not opened by a framework's bootstrap include (Moodle's `config.php`),
 *   whose close is the framework's own API, unless the unit already calls its own close.
 *
 * The close is the one the unit already writes (`$session->save()`, `session()->close()`),
 * else `session_write_close();`.
 */
export function earlyCloseFix(context: RuleContext, flow: UnitFlow, operation: HeldOperation): Fix[] {
  const sites = context.editSites?.();
  if (!sites || context.file.language !== 'php') return [];
  const unit = flow.unit;
  const statement = sites.statementAround(operation.span);
  if (!statement || !within(statement.span, unit.span)) return [];
  if (unit.kind !== 'script' && [flow.exit, flow.throwExit, flow.terminate].some((state) => state !== undefined && state.open.length > 0)) return [];
  if (operation.sites.some((site) => site.entry || site.chain.length === 0)) return [];
  const ownClose = unitClose(flow);
  if (!ownClose && openedByBootstrap(context, operation)) return [];
  if (!nothingNeedsTheSessionFrom(context, flow, statement.span)) return [];
  const close = ownClose ? `${sites.text.slice(ownClose.span.start, ownClose.span.end)};` : 'session_write_close();';
  return [
    {
      title: `Close the session before the slow work: insert \`${close}\` (nothing after it writes the session)`,
      applicability: 'safe',
      edits: [{ span: { file: sites.file, start: statement.lineStart, end: statement.lineStart }, newText: `${statement.indent}${close}\n` }],
      // One close per function and pass: the first may make the others moot.
      isolation: `early-close:${spanKey(unit.span)}`,
    },
  ];
}

/** The first plain write-back close this unit calls itself (its framework's API, or the native one). */
function unitClose(flow: UnitFlow): CloseEffect | undefined {
  for (const node of flow.unit.cfg.nodes) {
    const effect = node.effect;
    if (effect?.kind === 'close' && effect.resource === flow.resource && effect.how === 'write') return effect;
  }
  return undefined;
}

/** An open site of the region is a framework's bootstrap include in this file. */
function openedByBootstrap(context: RuleContext, operation: HeldOperation): boolean {
  const { bootstraps } = effectsOf(context.file);
  return operation.sites.some((site) => site.chain.some((step) => bootstraps.has(spanKey(step.span))));
}

interface FileEffects {
  /** Spans of opens by a framework's bootstrap include. */
  readonly bootstraps: ReadonlySet<string>;
  readonly closes: ReadonlyMap<string, CloseEffect>;
}

/** Per file, once: a file with thousands of findings must not be scanned once per finding. */
const fileEffects = new WeakMap<FileIR, FileEffects>();

function effectsOf(file: FileIR): FileEffects {
  let effects = fileEffects.get(file);
  if (!effects) {
    const bootstraps = new Set<string>();
    const closes = new Map<string, CloseEffect>();
    for (const unit of file.units) {
      for (const node of unit.cfg.nodes) {
        if (node.effect?.kind === 'open' && node.effect.bootstrap) bootstraps.add(spanKey(node.effect.span));
        if (node.effect?.kind === 'close') closes.set(spanKey(node.effect.span), node.effect);
      }
    }
    effects = { bootstraps, closes };
    fileEffects.set(file, effects);
  }
  return effects;
}

/**
 * Whether everything that may run from `from` on (the nodes inside it and every node they
 * reach) leaves the session alone but for reads and slow work.
 */
function nothingNeedsTheSessionFrom(context: RuleContext, flow: UnitFlow, from: Span): boolean {
  const cfg = flow.unit.cfg;
  const start = cfg.nodes.filter((node) => node.effect !== undefined && within(node.effect.span, from)).map((node) => node.id);
  if (start.length === 0) return false;
  const reached = new Set(start);
  const stack = [...start];
  while (stack.length > 0) {
    for (const edge of cfg.nodes[stack.pop()!]!.succs) {
      if (!reached.has(edge.to)) {
        reached.add(edge.to);
        stack.push(edge.to);
      }
    }
  }
  const observed = new Map<number, Observation[]>();
  for (const observation of flow.observations) observed.set(observation.node, [...(observed.get(observation.node) ?? []), observation]);
  for (const id of reached) {
    const effect = cfg.nodes[id]!.effect;
    if (!effect) continue;
    if (needsSession(context, flow, effect, observed.get(id) ?? [])) return false;
  }
  return true;
}

function needsSession(context: RuleContext, flow: UnitFlow, effect: NonNullable<UnitFlow['unit']['cfg']['nodes'][number]['effect']>, observations: readonly Observation[]): boolean {
  switch (effect.kind) {
    case 'write':
    case 'use':
    case 'open':
      return effect.resource === flow.resource;
    case 'close':
      return effect.resource === flow.resource && effect.how !== 'write';
    case 'call': {
      const outcomes = observations.map((o) => o.call).filter((call) => call !== undefined);
      // An include the analysis cannot follow may write the session (bootstraps often do).
      if (outcomes.length === 0) return effect.target.type === 'include';
      return outcomes.some((call) => call.writesUnderLock.length > 0 || call.opens.length > 0 || call.writesWhileClosed.length > 0 || releasesOtherThanWrite(context, call.releases));
    }
    default:
      return false;
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

function within(inner: Span, outer: Span): boolean {
  return inner.file === outer.file && inner.start >= outer.start && inner.end <= outer.end;
}
