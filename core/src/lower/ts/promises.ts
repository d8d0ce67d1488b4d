import * as ts from 'typescript';
import { calleeDisplay, shortText } from './display';
import type { SlowKind } from '../../ir/effects';
import type { TsUnitContext } from './context';
import { slowExportOf } from './catalog-entries';
import { eitherModuleExport } from './either-module';
import { resolveRef } from './import-refs';
import { unwrap } from './syntax';

/**
 * Promises built by hand around callback APIs. The executor of `new Promise((resolve) => …)`
 * is a unit of its own, so the slow work it starts is not seen where the promise is awaited;
 * these functions say what awaiting such a promise waits for.
 */

/** Slow work an awaited value waits for: its kind and how messages name it. */
export interface AwaitedWork {
  readonly kind: SlowKind;
  readonly callee: string;
  readonly detail?: string;
}

function isFunctionValue(node: ts.Node): boolean {
  return ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isFunctionDeclaration(node);
}


/**
 * `new Promise((resolve) => setTimeout(resolve, ms))` (a sleep), `new Promise((resolve, reject)
 * => https.get(url, (res) => …))` (a request): the slow API the executor itself starts (its
 * nested callbacks run later and are not looked at). The promise settles after that work.
 */
export function promiseExecutorWork(ctx: TsUnitContext, node: ts.NewExpression): AwaitedWork | undefined {
  const ctor = unwrap(node.expression);
  if (!ts.isIdentifier(ctor) || ctor.text !== 'Promise' || ctx.facts.imports.bindings.has('Promise')) return undefined;
  const executor = node.arguments?.[0] ? unwrap(node.arguments[0]) : undefined;
  if (!executor || !(ts.isArrowFunction(executor) || ts.isFunctionExpression(executor))) return undefined;
  const settle = settlers(executor);
  let found: AwaitedWork | undefined;
  const visit = (child: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(child) && !isDeadline(ctx, child, settle)) found = startedWork(ctx, child);
    if (!found && (!isFunctionValue(child) || child === executor)) ts.forEachChild(child, visit);
  };
  visit(executor);
  return found;
}

/** The executor's `resolve` and `reject` parameter names. */
function settlers(executor: ts.ArrowFunction | ts.FunctionExpression): { resolve?: string; reject?: string } {
  const name = (index: number): string | undefined => {
    const parameter = executor.parameters[index];
    return parameter && ts.isIdentifier(parameter.name) ? parameter.name.text : undefined;
  };
  const resolve = name(0);
  const reject = name(1);
  return { ...(resolve ? { resolve } : {}), ...(reject ? { reject } : {}) };
}

/**
 * `setTimeout(() => reject(new Error('timed out')), ms)`: a deadline, not a sleep. The promise
 * settles when the work next to it ends (or fails at the deadline); it never waits for the
 * timer on the way that succeeds. A timer whose callback resolves (`setTimeout(resolve, ms)`)
 * is the sleep.
 */
function isDeadline(ctx: TsUnitContext, call: ts.CallExpression, settle: { resolve?: string; reject?: string }): boolean {
  const callee = unwrap(call.expression);
  if (!ts.isIdentifier(callee) || !ctx.catalog.timers.includes(callee.text) || settle.reject === undefined) return false;
  const callback = call.arguments[0] ? unwrap(call.arguments[0]) : undefined;
  if (!callback) return false;
  if (ts.isIdentifier(callback)) return callback.text === settle.reject;
  if (!isFunctionValue(callback)) return false;
  let rejects = false;
  let resolves = false;
  const visit = (child: ts.Node): void => {
    if (ts.isCallExpression(child) && ts.isIdentifier(unwrap(child.expression))) {
      const name = (unwrap(child.expression) as ts.Identifier).text;
      if (name === settle.reject) rejects = true;
      if (name === settle.resolve) resolves = true;
    }
    ts.forEachChild(child, visit);
  };
  visit(callback);
  return rejects && !resolves;
}

/** A call that starts slow work: a global timer or `fetch`, or a slow export of the catalog (`https.get`). */
function startedWork(ctx: TsUnitContext, call: ts.CallExpression): AwaitedWork | undefined {
  const callee = unwrap(call.expression);
  const { bindings } = ctx.facts.imports;
  if (ts.isIdentifier(callee) && ctx.catalog.timers.includes(callee.text) && !bindings.has(callee.text)) {
    return { kind: 'sleep', callee: `${callee.text}()` };
  }
  const ref = resolveRef(bindings, callee);
  const global =
    !ref && ts.isIdentifier(callee) && Object.prototype.hasOwnProperty.call(ctx.catalog.globals, callee.text) ? ctx.catalog.globals[callee.text] : undefined;
  const entry = ref ? slowExportOf(ctx.catalog, ref, true) : (global ?? eitherModuleExport(ctx, callee));
  return entry ? { kind: entry.kind, callee: calleeDisplay(callee, ctx.facts.source) } : undefined;
}

/** `await once(req, 'response')` (`events`): waits for an event that arrives after network work. */
export function awaitedEventWork(ctx: TsUnitContext, call: ts.CallExpression): AwaitedWork | undefined {
  const ref = resolveRef(ctx.facts.imports.bindings, call.expression);
  if (!ref) return undefined;
  const entry = ctx.catalog.awaitedEvents?.find((e) => e.name === ref.name && e.modules.includes(ref.module));
  const name = call.arguments[1] ? unwrap(call.arguments[1]) : undefined;
  if (!entry || !name || !ts.isStringLiteralLike(name)) return undefined;
  const kind = Object.prototype.hasOwnProperty.call(entry.events, name.text) ? entry.events[name.text] : undefined;
  return kind ? { kind, callee: `${shortText(ctx.text(call.expression))}()`, detail: `waiting for '${name.text}'` } : undefined;
}
