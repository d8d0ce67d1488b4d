import { spanKey, type CloseEffect, type EditSites, type Fix, type HeldOperation, type RuleContext, type StatementSite, type Unit, type UnitFlow } from '../../../core/src';
import { callersLeaveSessionAlone, includersLeaveSessionAlone, returnsOpen } from './callers-after';
import { someReachableUnit } from './reachable-units';
import { effectAtEndOf } from './chain-effects';
import { nativeName, reopenAroundWritesFix } from './reopen-around-writes';
import { effectsOf, nodesWithin, observationsByNode, reachedFrom, sessionNeedOf, within } from './session-after';

/**
 * `held-across-slow-call` (PHP session): close the session right before the statement that
 * does the slow work (the loop, for work repeated in a loop), in the block that holds that
 * statement, so the close runs on every path to it. The handler's own statement is changed,
 * never a helper or a bootstrap it calls: the finding is in the unit whose statement this is.
 *
 * Offered only when closing there keeps the request working:
 * - from that statement on (in this unit, and in anything it calls or includes) nothing
 *   uses an API that needs the session open, destroys or aborts it, or opens it again, and no
 *   include is left unfollowed;
 * - a function or method that may return with the session open is called only where nothing
 *   after the call needs the session (`callersLeaveSessionAlone`); a script's top level may
 *   keep it open to its end, and an included file's top level only where nothing after each
 *   include of it needs the session (`includersLeaveSessionAlone`: a module action a module's
 *   `include` runs returns to code that may write it);
 * - a session opened by a framework's bootstrap include (Moodle's `config.php`) is closed with
 *   the close its catalog entry names (`BootstrapInclude.closeCall`), or the unit's own; with
 *   neither, no fix.
 *
 * When nothing after the statement writes the session the close is `safe`, unless an open says
 * the analysis cannot see every write of its session (`closeCaveat`: Moodle's `$SESSION`): then
 * `unsafe`, with the caveat in the title. When writes follow, the close comes with a reopen
 * around each later write (`reopenAroundWritesFix`), `unsafe`.
 *
 * The close is the one the unit already writes (`$session->save()`, `session()->close()`),
 * else the framework's close written with the expression the unit reached the session
 * through, else, in a controller action that never names the session (the framework opened it
 * before the action), the close its preset writes for any action of the controller class
 * (`ControllerModel.sessionClose`), else `session_write_close();`.
 */
export function earlyCloseFix(context: RuleContext, flow: UnitFlow, operation: HeldOperation): Fix[] {
  const sites = context.editSites?.();
  if (!sites || context.file.language !== 'php') return [];
  const unit = flow.unit;
  const statement = sites.statementAround(operation.span);
  if (!statement || !within(statement.span, unit.span)) return [];
  if (operation.sites.some((site) => site.entry || site.chain.length === 0)) return [];
  const ownClose = unitClose(flow);
  const frameworkClose = ownClose ? undefined : frameworkCloseOf(flow, operation);
  // A bootstrap's session (Moodle's `config.php`) is closed with its framework's own call, which
  // its catalog entry names; without one, no close can be written.
  if (!ownClose && frameworkClose === undefined && openedByBootstrap(context, operation)) return [];
  const after = whatFollows(context, flow, statement);
  if (after === undefined) return [];
  // A controller action is entered by the framework alone, once per request: no caller of the
  // project can need the session after it returns, so its callers need not be seen.
  const action = context.isFrameworkAction?.(unit) === true;
  // No close of its own can be written from what the action names (the framework opened the
  // session before it, or through an expression that cannot be evaluated again): the close the
  // preset writes for any action of its controller class (`\Yii::$app->session->close()`).
  const unnamed = action && !ownClose && frameworkClose === undefined && !opensNatively(context, flow, operation);
  const presetClose = unnamed ? context.frameworkActionClose?.(unit) : undefined;
  if (unnamed && presetClose === undefined) return [];
  if (returnsOpen(flow) && !action && !callersLeaveSessionAlone(context, unit)) return [];
  if (unit.kind === 'script' && !includersLeaveSessionAlone(context, unit)) return [];
  const close = ownClose
    ? `${sites.slice(ownClose.span.start, ownClose.span.end)};`
    : frameworkClose
      ? `${frameworkClose};`
      : presetClose
        ? `${presetClose};`
        : 'session_write_close();';
  const isolation = earlyCloseIsolation(unit);
  if (after.writes.length > 0) return reopenAroundWritesFix(context, flow, operation, { sites, statement, close, ownClose, writes: after.writes, isolation });
  const caveat = closeCaveatOf(flow, operation) ?? heldValueCaveatOf(context, flow, after.heldChanges) ?? objectsCaveatOf(context, flow);
  return [
    {
      title: caveat
        ? `Close the session before the slow work: insert \`${close}\` (check first: ${caveat})`
        : `Close the session before the slow work: insert \`${close}\` (nothing after it writes the session)`,
      applicability: caveat ? 'unsafe' : 'safe',
      edits: [closeBefore(sites, statement, close)],
      isolation,
    },
  ];
}

/**
 * What to check before closing, when an open of the region says the analysis cannot see every
 * later write of its session (Moodle's `$SESSION` and `$USER`: `OpenEffect.closeCaveat`).
 */
function closeCaveatOf(flow: UnitFlow, operation: HeldOperation): string | undefined {
  for (const site of operation.sites) {
    for (const step of site.chain) {
      const open = flow.unit.cfg.nodes.find((node) => node.effect?.kind === 'open' && spanKey(node.effect.span) === spanKey(step.span))?.effect;
      if (open?.kind === 'open' && open.closeCaveat) return open.closeCaveat;
    }
  }
  return undefined;
}

/**
 * The session holds an object this request may store (`AccessEffect.storesObject`), in this
 * unit or in anything it calls or includes: a change made to such an object through its
 * methods after the close is not seen by the analysis, and PHP does not save it (the session is
 * serialised at the close). Admidio keeps its navigation stack so: `common.php` stores
 * `$_SESSION['gCurrentSession']`, pages call `$gNavigation->addUrl()`.
 */
function objectsCaveatOf(context: RuleContext, flow: UnitFlow): string | undefined {
  const stores = (unit: Unit): boolean => unit.cfg.nodes.some((node) => node.effect?.kind === 'write' && node.effect.resource === flow.resource && node.effect.storesObject === true);
  if (!someReachableUnit(context, [flow.unit], stores, storingUnits)) return undefined;
  return 'the session may hold objects this request stores in it, whose changes the analysis does not follow; one changed after the close is not saved, so move the close after any call that changes it';
}

const storingUnits = new WeakMap<Unit, boolean>();

/**
 * After the close, code changes a value the session holds without writing `$_SESSION`
 * (`AccessEffect.changesHeldValue`: `$nav->addUrl()` on `$nav = $_SESSION['navigation']`, an
 * object an earlier request stored), here or in a callee: PHP saved the session at the close,
 * so the change is lost. The first such change is named.
 */
function heldValueCaveatOf(context: RuleContext, flow: UnitFlow, changes: readonly number[]): string | undefined {
  const [first] = changes;
  if (first === undefined) return undefined;
  const span = flow.unit.cfg.nodes[first]!.effect!.span;
  const line = span.file === context.file.file ? ` on line ${lineOf(context, span.start)}` : '';
  return heldValueCaveat(line);
}

/** The caveat of a close before a change to a value the session holds (`where`: " on line N", or empty). */
export function heldValueCaveat(where: string): string {
  return `a value read from the session is changed after the close${where} (a method called on it, a property set, or a call that may change it), and PHP saves such a change only while the session is open: move the close after it`;
}

/**
 * Whether the unit, or anything it calls or includes, changes a value the session holds
 * (`AccessEffect.changesHeldValue`): `read_and_close` closes before any of it.
 */
export function changesHeldValueIn(context: RuleContext, flow: UnitFlow): boolean {
  return someReachableUnit(context, [flow.unit], (unit) => changesHeldValue(flow, unit), changingUnits);
}

function lineOf(context: RuleContext, offset: number): number {
  return context.editSites?.()?.lineNumberAt(offset) ?? 1;
}

/** A session read whose effect marks a change to a value the session holds, in this unit or (`changesIn`) a callee. */
function changesHeldValue(flow: UnitFlow, unit: Unit): boolean {
  return unit.cfg.nodes.some((node) => node.effect?.kind === 'read' && node.effect.resource === flow.resource && node.effect.changesHeldValue === true);
}

const changingUnits = new WeakMap<Unit, boolean>();

/**
 * One early close (or `read_and_close`) per function and pass: the first may make the others
 * moot, which the next analysis says.
 */
export function earlyCloseIsolation(unit: Unit): string {
  return `early-close:${spanKey(unit.span)}`;
}

/** The close on its own line before the statement, indented like it. */
export function closeBefore(sites: EditSites, statement: StatementSite, close: string): Fix['edits'][number] {
  return { span: { file: sites.file, start: statement.lineStart, end: statement.lineStart }, newText: `${statement.indent}${close}\n` };
}

/**
 * The session writes that may run from `statement` on (their nodes), or undefined when
 * something there needs the session in a way no reopen can serve.
 */
function whatFollows(context: RuleContext, flow: UnitFlow, statement: StatementSite): { writes: number[]; heldChanges: number[] } | undefined {
  const start = nodesWithin(flow, statement.span);
  if (start.length === 0) return undefined;
  const observed = observationsByNode(flow);
  const writes: number[] = [];
  const heldChanges: number[] = [];
  for (const id of [...reachedFrom(flow, start)].sort((a, b) => a - b)) {
    const effect = flow.unit.cfg.nodes[id]!.effect;
    if (!effect) continue;
    const need = sessionNeedOf(context, flow, effect, observed.get(id) ?? []);
    if (need === 'blocking') return undefined;
    if (need === 'write') writes.push(id);
    const callees = effect.kind === 'call' ? (observed.get(id) ?? []).flatMap((o) => o.call?.units ?? []) : [];
    if (effect.kind === 'read' && effect.resource === flow.resource && effect.changesHeldValue === true) heldChanges.push(id);
    else if (callees.length > 0 && someReachableUnit(context, callees, (unit) => changesHeldValue(flow, unit), changingUnits)) heldChanges.push(id);
  }
  return { writes, heldChanges };
}

/** The first plain write-back close this unit calls itself (its framework's API, or the native one). */
function unitClose(flow: UnitFlow): CloseEffect | undefined {
  for (const node of flow.unit.cfg.nodes) {
    const effect = node.effect;
    if (effect?.kind === 'close' && effect.resource === flow.resource && effect.how === 'write') return effect;
  }
  return undefined;
}

/**
 * The framework's close of the session, as the region's opens in this unit reach it
 * (`$session->get()` → `$session->save()`, `OpenEffect.closeCall`), when every open site of the
 * region is such an open of this unit and they agree on it.
 */
function frameworkCloseOf(flow: UnitFlow, operation: HeldOperation): string | undefined {
  const closes = new Set<string | undefined>();
  for (const site of operation.sites) {
    const step = site.chain.length === 1 ? site.chain[0] : undefined;
    const open = step && flow.unit.cfg.nodes.find((node) => node.effect?.kind === 'open' && spanKey(node.effect.span) === spanKey(step.span))?.effect;
    closes.add(open?.kind === 'open' ? open.closeCall : undefined);
  }
  const [only] = closes;
  return closes.size === 1 ? only : undefined;
}

/** Every open site of the region ends in PHP's own `session_start()` (the native close fits it). */
function opensNatively(context: RuleContext, flow: UnitFlow, operation: HeldOperation): boolean {
  return operation.sites.every((site) => {
    const open = effectAtEndOf(context, flow.unit, site.chain, 'open');
    return open !== undefined && !open.bootstrap && nativeName(open.api) === 'session_start';
  });
}

/** An open site of the region is a framework's bootstrap include in this file. */
function openedByBootstrap(context: RuleContext, operation: HeldOperation): boolean {
  const { bootstraps } = effectsOf(context.file);
  return operation.sites.some((site) => site.chain.some((step) => bootstraps.has(spanKey(step.span))));
}
