import {
  compareSpans,
  spanKey,
  type Cfg,
  type Finding,
  type RelatedLocation,
  type Rule,
  type RuleContext,
  type CallTarget,
  type FileIR,
  type Span,
  type SlowKind,
  type Unit,
} from '../../../core/src';
import { opensStaleWindow } from '../severity';
import { reloadSessionFix } from '../fixes/reload-session';
import { code } from './held-across-slow-call';

/**
 * `stale-write-after-await`: a session object that its store saves as a whole at the end of
 * the request (express-session `req.session`, koa-session, `@fastify/session`,
 * express-openid-connect `req.appSession`, iron-session) is written after a slow `await`
 * without being re-read after it. A concurrent request of the same user that changed the
 * session meanwhile has its change overwritten by this request's stale copy: a lost update.
 *
 * A forward "may" analysis per session object over the unit's graph: the state is the first
 * slow operation since the object was last loaded (and the read before it), or none. A
 * `fresh` read (`req.session.reload()`, a new `getIronSession()`) resets it.
 */
export const staleWriteAfterAwait: Rule = {
  meta: {
    id: 'stale-write-after-await',
    description: 'A session object saved as a whole is written after a slow await without a re-read: a lost update',
    languages: ['typescript'],
    defaultSeverity: 'warning',
    fixAvailability: 'sometimes',
  },
  check(context) {
    const findings: Finding[] = [];
    const helpers = new HelperSlowness(context);
    for (const unit of context.file.units) {
      for (const resource of sessionObjects(unit.cfg)) {
        if (resource.startsWith(PREFIX)) {
          findings.push(...checkObject(context, unit, resource, helpers));
          continue;
        }
        // What a project function returned: a session object when the function loads one.
        const load = loadingCall(context, unit, resource);
        if (load !== undefined) findings.push(...checkObject(context, unit, resource, helpers, load));
      }
    }
    return findings;
  },
};

const PREFIX = 'session-object:';
/** `session-candidate:<unit>:<variable>@<start of the call that returned it>`. */
const CANDIDATE = 'session-candidate:';
/** A read on `session-returned:<unit>` marks a unit that returns a loaded session object. */
const RETURNED = 'session-returned:';

function sessionObjects(cfg: Cfg): string[] {
  const found = new Set<string>();
  for (const node of cfg.nodes) {
    const effect = node.effect;
    if (effect && (effect.kind === 'read' || effect.kind === 'write') && (effect.resource.startsWith(PREFIX) || effect.resource.startsWith(CANDIDATE))) found.add(effect.resource);
  }
  return [...found].sort();
}

/**
 * The node of the call that returned a candidate object (`await getSession()`), when that call
 * reaches a function returning a loaded session object (`return getIronSession(…)`).
 */
function loadingCall(context: RuleContext, unit: Unit, resource: string): number | undefined {
  const start = Number(resource.slice(resource.lastIndexOf('@') + 1));
  for (const node of unit.cfg.nodes) {
    const effect = node.effect;
    if (effect?.kind !== 'call' || effect.span.start !== start) continue;
    const callees = context.resolveCall ? context.resolveCall(effect.target, unit, effect.span) : unitsOf(context.file, effect.target);
    const loads = callees.some((callee) => callee.cfg.nodes.some((n) => n.effect?.kind === 'read' && n.effect.resource === `${RETURNED}${callee.id}`));
    return loads ? node.id : undefined;
  }
  return undefined;
}

/** Slow work at a node of the unit: a slow call, or a call of a helper of this file that does some. */
interface SlowHere {
  readonly span: Span;
  readonly callee: string;
  readonly detail?: string;
  /** The helper's slow call, when reached through a helper: `fetch()`. */
  readonly reaches?: string;
}

/** The first slow operation since the object was loaded, and the object's first read before it. */
interface Stale {
  readonly slow: SlowHere;
  readonly read: Span | undefined;
  /** The read is where the object was loaded (`getIronSession()`, `reload()`). */
  readonly loaded?: boolean;
}

const MAX_HELPER_DEPTH = 8;

/**
 * Which functions of this file do slow work (directly, or through other functions of the
 * file), so that `await refreshPrices(cart)` counts as a slow await. Memoised; recursion and
 * long chains count as not slow.
 */
class HelperSlowness {
  private readonly memo = new Map<string, string | null>();
  constructor(private readonly context: RuleContext) {}

  /** The slow call a target reaches (`fetch()`), or undefined. */
  reaches(target: CallTarget, from: Unit, span: Span, depth = 0): string | undefined {
    if (depth > MAX_HELPER_DEPTH) return undefined;
    // The project's resolver reaches other modules; without it, this file's functions.
    const callees = this.context.resolveCall ? this.context.resolveCall(target, from, span) : unitsOf(this.context.file, target);
    for (const unit of callees) {
      if (unit.generator) continue;
      const key = `${unit.span.file}#${unit.id}`;
      if (this.memo.has(key)) {
        const known = this.memo.get(key);
        if (known) return known;
        continue;
      }
      this.memo.set(key, null);
      let found: string | undefined;
      for (const node of unit.cfg.nodes) {
        const effect = node.effect;
        if (effect?.kind === 'slow' && opensWindow(this.context, effect.slowKind)) found = effect.callee;
        else if (effect?.kind === 'call') found = this.reaches(effect.target, unit, effect.span, depth + 1);
        if (found) break;
      }
      this.memo.set(key, found ?? null);
      if (found) return found;
    }
    return undefined;
  }
}

/** Slow work of this kind makes the object stale (not a database query or file read, unless configured). */
function opensWindow(context: RuleContext, kind: SlowKind): boolean {
  return opensStaleWindow(kind, context.slowKindSeverity(kind));
}

function unitsOf(file: FileIR, target: CallTarget): Unit[] {
  switch (target.type) {
    case 'function':
      return file.units.filter((u) => u.kind === 'function' && u.qualifiedName !== undefined && target.candidates.includes(u.qualifiedName));
    case 'closure':
      return target.file === file.units[0]?.span.file ? file.units.filter((u) => u.id === `closure@${target.start}`) : [];
    case 'method':
      return file.units.filter((u) => u.kind === 'method' && u.className === target.className && u.qualifiedName === target.method);
    default:
      return [];
  }
}

/** Per node: undefined when not reached; `fresh` when nothing slow ran since the last load. */
type State = { readonly read: Span | undefined; readonly loaded?: boolean; readonly stale: Stale | undefined };

function join(a: State | undefined, b: State): State {
  if (!a) return b;
  const stale = !a.stale ? b.stale : !b.stale ? a.stale : compareSpans(a.stale.slow.span, b.stale.slow.span) <= 0 ? a.stale : b.stale;
  const first = !a.read ? b : !b.read ? a : compareSpans(a.read, b.read) <= 0 ? a : b;
  return first.loaded ? { read: first.read, loaded: true, stale } : { read: first.read, stale };
}

function same(a: State | undefined, b: State | undefined): boolean {
  if (!a || !b) return a === b;
  return spanOrNone(a.read) === spanOrNone(b.read) && spanOrNone(a.stale?.slow.span) === spanOrNone(b.stale?.slow.span) && spanOrNone(a.stale?.read) === spanOrNone(b.stale?.read);
}

function spanOrNone(span: Span | undefined): string {
  return span ? spanKey(span) : '';
}

interface LostWrite {
  readonly write: Span;
  readonly key: string | undefined;
  readonly stale: Stale;
}

function checkObject(context: RuleContext, unit: Unit, resource: string, helpers: HelperSlowness, loadNode?: number): Finding[] {
  const cfg = unit.cfg;
  const states: (State | undefined)[] = new Array(cfg.nodes.length).fill(undefined);
  states[cfg.entry] = { read: undefined, stale: undefined };
  const work = [cfg.entry];
  const lost = new Map<string, LostWrite>();
  let visits = 0;
  const cap = cfg.nodes.length * 8 + 64;
  while (work.length > 0 && visits++ < cap * 4) {
    const id = work.shift()!;
    const node = cfg.nodes[id]!;
    const before = states[id]!;
    let after = before;
    const effect = node.effect;
    if (id === loadNode && effect) {
      // The call returns the object, loaded: whatever the call did before is behind it.
      after = { read: effect.span, loaded: true, stale: undefined };
    } else if (effect && (effect.kind === 'read' || effect.kind === 'write') && effect.resource === resource) {
      if (effect.kind === 'read' && effect.fresh) after = { read: effect.span, loaded: true, stale: undefined };
      else if (effect.kind === 'read') after = before.stale || before.read ? before : { read: effect.span, stale: undefined };
      else if (before.stale && !lost.has(spanKey(effect.span))) lost.set(spanKey(effect.span), { write: effect.span, key: effect.key, stale: before.stale });
    } else if (effect && effect.kind === 'slow' && !before.stale && opensWindow(context, effect.slowKind)) {
      // A query's detail ("on another connection") is about a held connection, not a session.
      const detail = effect.slowKind === 'database' ? undefined : effect.detail;
      const slow: SlowHere = { span: effect.span, callee: effect.callee, ...(detail ? { detail } : {}) };
      after = { ...before, stale: { slow, read: before.read, ...(before.loaded ? { loaded: true } : {}) } };
    } else if (effect && effect.kind === 'call' && !before.stale) {
      const reaches = helpers.reaches(effect.target, unit, effect.span);
      if (reaches) after = { ...before, stale: { slow: { span: effect.span, callee: effect.display, reaches }, read: before.read, ...(before.loaded ? { loaded: true } : {}) } };
    }
    for (const edge of node.succs) {
      const merged = join(states[edge.to], after);
      if (!same(states[edge.to], merged)) {
        states[edge.to] = merged;
        work.push(edge.to);
      }
    }
  }
  // One finding per slow operation: the first write after it; the other writes are related.
  const bySlow = new Map<string, LostWrite[]>();
  for (const write of lost.values()) {
    const key = spanKey(write.stale.slow.span);
    bySlow.set(key, [...(bySlow.get(key) ?? []), write]);
  }
  const findings: Finding[] = [];
  for (const group of bySlow.values()) {
    group.sort((a, b) => compareSpans(a.write, b.write));
    findings.push(buildFinding(context, unit, resource, group));
  }
  return findings;
}

function buildFinding(context: RuleContext, unit: Unit, resource: string, group: readonly LostWrite[]): Finding {
  const first = group[0]!;
  // `session-object:<unit id>:<expression>`; unit ids have colons of their own.
  const object = resource.startsWith(CANDIDATE)
    ? resource.slice(CANDIDATE.length + unit.id.length + 1, resource.lastIndexOf('@'))
    : resource.slice(PREFIX.length + unit.id.length + 1);
  const slow = first.stale.slow;
  const what = (slow.detail ? `${code(slow.callee)} ${slow.detail}` : code(slow.callee)) + (slow.reaches ? `, which reaches ${code(slow.reaches)},` : '');
  const where = unit.handler ? ` in this request handler (${unit.handler})` : '';
  const related: RelatedLocation[] = [
    { message: `the slow call: ${code(slow.callee)} runs here, and a concurrent request may change the session meanwhile`, span: slow.span },
  ];
  if (first.stale.read) {
    related.push({ message: `\`${object}\` is ${first.stale.loaded ? 'loaded' : 'read'} here, before the slow call`, span: first.stale.read });
  }
  for (const other of group.slice(1)) {
    related.push({ message: `also written after the slow call${other.key ? ` (\`${other.key}\`)` : ''}`, span: other.write });
  }
  const key = first.key ? ` (\`${first.key}\`)` : '';
  return {
    rule: staleWriteAfterAwait.meta.id,
    severity: context.severity,
    message:
      `\`${object}\` is written${key} after ${what}${where} without being re-read: the store saves the whole object at the end ` +
      `of the request, so changes a concurrent request made meanwhile are overwritten. ${advice(object)}`,
    span: first.write,
    related,
    fixes: reloadSessionFix(context.editSites?.(), unit, context.file.units, object, first.write, writtenBefore(unit, resource, slow.span)),
  };
}

/** The object is written somewhere before the slow call (in source order): a reload would drop that change. */
function writtenBefore(unit: Unit, resource: string, slow: Span): boolean {
  return unit.cfg.nodes.some((node) => node.effect?.kind === 'write' && node.effect.resource === resource && node.effect.span.start < slow.start);
}

/** How to fix it for this kind of object. */
function advice(object: string): string {
  if (object.endsWith('.session')) return `Load it again after the await (\`${object}.reload()\`) before writing, or write before the await.`;
  return 'Load it again after the await before writing, or write before the await.';
}
