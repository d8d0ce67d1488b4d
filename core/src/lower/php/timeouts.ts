import type { ApiEntry } from '../../catalog';
import type { HoldEstimate } from '../../ir/effects';
import type { SyntaxNode } from '../../parse/php';
import type { CallSite } from './calls';
import { lookupMethod, argumentValue } from './calls';
import type { UnitContext } from './context';
import { nativeCallOf } from './native-calls';
import { numericValue } from './numbers';
import { literalString } from './session-access';

/** Timeouts known for a handle, in seconds: the whole request, and the connection alone. */
export interface Timeouts {
  readonly total?: number;
  readonly connect?: number;
}

/** Arrays and variables followed when reading options (`$opts = [...]; curl_setopt_array($ch, $opts)`). */
const MAX_DEPTH = 4;

/**
 * `curl_setopt($ch, CURLOPT_TIMEOUT, 10)`, `curl_setopt_array($ch, [CURLOPT_TIMEOUT => 10])`:
 * remembers the timeout on the handle as written (`$ch`, `$this->ch`), for the `curl_exec()`
 * that follows. Flow-insensitive: a timeout set anywhere in the unit before counts.
 */
export function recordTimeouts(ctx: UnitContext, site: CallSite, sets: NonNullable<ApiEntry['setsTimeouts']>): void {
  if (sets.handle === undefined) return;
  const handle = site.args[sets.handle] ? argumentValue(site.args[sets.handle]!) : undefined;
  if (!handle) return;
  let found: Timeouts = {};
  if (sets.option !== undefined && sets.value !== undefined) {
    found = optionTimeout(ctx, site.args[sets.option], site.args[sets.value]);
  } else if (sets.options !== undefined) {
    found = arrayTimeouts(ctx, site.args[sets.options], 0);
  }
  if (found.total === undefined && found.connect === undefined) return;
  const before = ctx.handleTimeouts.get(handle.text) ?? {};
  ctx.handleTimeouts.set(handle.text, { ...before, ...found });
}

/**
 * How long a call may wait for the other side, from where its catalog entry says the timeout
 * is set: seconds when a whole-request timeout is known, `no-timeout` otherwise.
 */
export function timeoutHold(ctx: UnitContext, site: CallSite, from: NonNullable<Extract<ApiEntry, { effect: 'slow' }>['timeoutFrom']>): HoldEstimate {
  const own = from.options !== undefined ? arrayTimeouts(ctx, site.args[from.options], 0) : {};
  let handle: SyntaxNode | undefined;
  if (from.handle === 'receiver') handle = site.node.childForFieldName('object') ?? undefined;
  else if (from.handle !== undefined && site.args[from.handle]) handle = argumentValue(site.args[from.handle]!);
  const onHandle = handle ? handleTimeouts(ctx, handle, 0) : {};
  const total = own.total ?? onHandle.total;
  return total !== undefined ? { seconds: total, bound: 'timeout' } : { unknown: 'no-timeout' };
}

/** The timeouts of a handle: set on it by earlier calls, or by what made it (`stream_context_create([…])`, `new Client([…])`). */
function handleTimeouts(ctx: UnitContext, handle: SyntaxNode, depth: number): Timeouts {
  if (depth > MAX_DEPTH) return {};
  const recorded = ctx.handleTimeouts.get(handle.text) ?? {};
  let made: Timeouts = {};
  if (handle.type === 'variable_name') {
    const assigned = ctx.singleAssignments.get(handle.text);
    if (assigned) made = handleTimeouts(ctx, assigned, depth + 1);
  } else {
    const entry = makerEntry(ctx, handle);
    if (entry?.setsTimeouts && entry.setsTimeouts.handle === undefined && entry.setsTimeouts.options !== undefined) {
      made = arrayTimeouts(ctx, callArguments(handle)[entry.setsTimeouts.options], depth + 1);
    }
  }
  return { ...made, ...recorded };
}

/** The catalog entry of the call or `new` that makes a handle. */
function makerEntry(ctx: UnitContext, node: SyntaxNode): ApiEntry | undefined {
  if (node.type === 'function_call_expression') return nativeCallOf(ctx, node)?.api;
  if (node.type === 'object_creation_expression') {
    const classNode = node.namedChildren.find((c) => c?.type === 'name' || c?.type === 'qualified_name');
    return classNode ? lookupMethod(ctx, ctx.names.resolveClass(classNode.text), '__construct') : undefined;
  }
  return undefined;
}

function callArguments(node: SyntaxNode): SyntaxNode[] {
  const list = node.childForFieldName('arguments') ?? node.namedChildren.find((c) => c?.type === 'arguments') ?? null;
  return list?.namedChildren.filter((c): c is SyntaxNode => c?.type === 'argument') ?? [];
}

/** `CURLOPT_TIMEOUT, 10`: the option's name and value. */
function optionTimeout(ctx: UnitContext, option: SyntaxNode | undefined, value: SyntaxNode | undefined): Timeouts {
  const optionNode = option ? argumentValue(option) : undefined;
  if (!optionNode || !value) return {};
  return keyed(ctx, optionName(optionNode), value);
}

/** Timeouts in an options array, at any depth (`['http' => ['timeout' => 5]]`), or in the variable holding it. */
function arrayTimeouts(ctx: UnitContext, node: SyntaxNode | undefined, depth: number): Timeouts {
  let value = node ? argumentValue(node) : undefined;
  if (value?.type === 'variable_name') value = ctx.singleAssignments.get(value.text);
  if (!value || value.type !== 'array_creation_expression' || depth > MAX_DEPTH) return {};
  let result: Timeouts = {};
  for (const element of value.namedChildren) {
    if (element?.type !== 'array_element_initializer') continue;
    const [key, item] = element.namedChildren;
    if (!key || !item) continue;
    if (item.type === 'array_creation_expression') result = { ...result, ...arrayTimeouts(ctx, item, depth + 1) };
    else result = { ...result, ...keyed(ctx, optionName(key), item) };
  }
  return result;
}

/** The name an option is written with: a constant (`CURLOPT_TIMEOUT`) or a string key (`'timeout'`). */
function optionName(node: SyntaxNode): string | undefined {
  if (node.type === 'name') return node.text;
  if (node.type === 'qualified_name') return node.text.startsWith('\\') ? node.text.slice(1) : node.text;
  return literalString(node);
}

function keyed(ctx: UnitContext, name: string | undefined, value: SyntaxNode): Timeouts {
  const option = name !== undefined ? ctx.catalog.timeoutOptions?.[name] : undefined;
  if (!option) return {};
  const number = numericValue(ctx, value);
  // 0 means "no timeout" for cURL, Guzzle and stream contexts alike.
  if (number === undefined || number <= 0) return {};
  const seconds = number * option.secondsPerUnit;
  return option.connectOnly ? { connect: seconds } : { total: seconds };
}
