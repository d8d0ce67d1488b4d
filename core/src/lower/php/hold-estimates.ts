import type { ApiEntry } from '../../catalog';
import type { HoldEstimate } from '../../ir/effects';
import type { CallSite } from './calls';
import type { UnitContext } from './context';
import type { SyntaxNode } from '../../parse/php';
import { numericValue, upperBound } from './numbers';
import { timeoutHold } from './timeouts';
import { literalString } from './session-access';
import { NESTED_DECLARATIONS } from './unit-scope';

/**
 * A sleep shorter than this only yields the CPU: `usleep(1)` or `usleep(50)` returns after
 * the scheduler's next turn, well under a millisecond, which no other request notices. The
 * shortest hold the estimates put in words is a millisecond, so anything shorter is not a
 * wait (`YieldEffect`).
 */
export const YIELD_SECONDS = 0.001;

/** A sleep of a duration the code spells out that is shorter than `YIELD_SECONDS`. */
export function isYield(api: Extract<ApiEntry, { effect: 'slow' }>, hold: HoldEstimate | undefined): boolean {
  return api.kind === 'sleep' && hold !== undefined && 'seconds' in hold && hold.bound === 'sleep' && hold.seconds < YIELD_SECONDS;
}

/**
 * How long a slow call may take, from its arguments: a sleep's duration when every part of it
 * is spelled out (`sleep(5)`, `usleep(250000)`) or bounded (`usleep($max - $elapsed)`: at most
 * `$max`), otherwise `computed`; a request's timeout
 * (`CURLOPT_TIMEOUT`, a `'timeout'` option), otherwise `no-timeout`. Calls whose catalog
 * entry says nothing about their duration get no estimate here.
 */
export function holdEstimate(ctx: UnitContext, site: CallSite, api: Extract<ApiEntry, { effect: 'slow' }>): HoldEstimate | undefined {
  if (api.timeoutFrom) return timeoutHold(ctx, site, api.timeoutFrom);
  const parts = api.durationArguments;
  if (!parts || parts.length === 0) return undefined;
  let seconds = 0;
  for (const { index, secondsPerUnit } of parts) {
    const arg = site.args[index];
    // `time_nanosleep(2)` without nanoseconds is a PHP error; a missing later part adds nothing.
    if (!arg) {
      if (index === parts[0]!.index) return { unknown: 'computed' };
      continue;
    }
    // Spelled out, or bounded (`usleep(2 * pow(10, 6) - $elapsed)`: at most 2 s).
    const value = numericValue(ctx, arg) ?? upperBound(ctx, arg);
    if (value === undefined || value < 0) return { unknown: 'computed' };
    seconds += value * secondsPerUnit;
  }
  return { seconds, bound: 'sleep' };
}

/**
 * Whether a call says the request will run long, and for how long the session may then stay
 * locked: `set_time_limit(300)` up to 300 s, `set_time_limit(0)` with no limit,
 * `ignore_user_abort(true)` until the script ends. A value the code does not spell out says
 * nothing (precision). `callee` shows the argument: `set_time_limit(0)`.
 */
export function longRunDeclared(
  ctx: UnitContext,
  site: CallSite,
  declares: NonNullable<ApiEntry['declaresLongRun']>,
): { callee: string; hold?: HoldEstimate } | undefined {
  const name = site.display.endsWith('()') ? site.display.slice(0, -2) : site.display;
  const written = (index: number): string => {
    const text = site.args[index]?.text ?? '';
    return text.length <= 30 ? text : '…';
  };
  const limit = (index: number): { callee: string; hold?: HoldEstimate } | undefined => {
    const seconds = scalarNumber(ctx, site.args[index]);
    if (seconds === undefined || (seconds > 0 && seconds < declares.minimumSeconds) || seconds < 0) return undefined;
    const callee = `${name}(${site.args.map((_, i) => written(i)).join(', ')})`;
    if (seconds === 0) return { callee, hold: { unknown: 'no-limit' } };
    // Set again on every round of a loop (Question2Answer's `while ($state) { set_time_limit(60); … }`),
    // the limit counts from the last call: it bounds nothing the loop does.
    return insideLoop(site.node, ctx.unitNode) ? { callee } : { callee, hold: { seconds, bound: 'time-limit' } };
  };
  if (declares.limitArgument !== undefined) return limit(declares.limitArgument);
  if (declares.setting) {
    const setting = site.args[declares.setting.nameArgument];
    const settingName = setting ? literalString(argumentNode(setting)) : undefined;
    if (!settingName || !declares.setting.names.includes(settingName)) return undefined;
    return limit(declares.setting.valueArgument);
  }
  return undefined;
}

const LOOPS = new Set(['while_statement', 'do_statement', 'for_statement', 'foreach_statement']);

/** Whether `node` is inside a loop of its own unit (`unit`: the unit's node; a nested declaration ends the search). */
function insideLoop(node: SyntaxNode, unit: SyntaxNode | undefined): boolean {
  for (let current = node.parent; current && current.id !== unit?.id; current = current.parent) {
    if (LOOPS.has(current.type)) return true;
    if (NESTED_DECLARATIONS.has(current.type)) return false;
  }
  return false;
}

/** A number written as a number or as a numeric string (`ini_set(…, '0')`). */
function scalarNumber(ctx: UnitContext, arg: SyntaxNode | undefined): number | undefined {
  if (!arg) return undefined;
  const value = numericValue(ctx, arg);
  if (value !== undefined) return value;
  const text = literalString(argumentNode(arg));
  if (text === undefined || text.trim() === '') return undefined;
  const parsed = Number(text.trim());
  return Number.isFinite(parsed) ? parsed : undefined;
}

function argumentNode(arg: SyntaxNode): SyntaxNode {
  return arg.type === 'argument' ? (arg.namedChildren.find((c) => c?.type !== 'name') ?? arg) : arg;
}
