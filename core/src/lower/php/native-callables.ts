import type { ApiEntry } from '../../catalog';
import type { Cursor } from '../../ir/cfg-builder';
import type { CallTarget } from '../../ir/effects';
import type { Unit } from '../../ir/unit';
import type { SyntaxNode } from '../../parse/php';
import { UnitContext } from './context';
import { argumentValue } from './literals';
import { literalString } from './session-access';

/** What a native function may do that the flow follows when project code runs it by name. */
const FOLLOWED_EFFECTS: ReadonlySet<ApiEntry['effect']> = new Set(['open', 'close', 'use', 'write', 'slow']);

/** How a call site is lowered (`emitCall`), handed in so this file does not import `calls.ts` back. */
export type EmitNativeCall = (
  ctx: UnitContext,
  site: { node: SyntaxNode; args: readonly SyntaxNode[]; display: string; api: ApiEntry; target: CallTarget },
  cursor: Cursor,
) => Cursor;

/**
 * A PHP function named by a string handed to project code (`quiet_call('session_start')`):
 * the callee runs it through its parameter (`call_user_func_array($function, $args)`,
 * `$function()`), so what it runs is known only per call site. The string becomes a unit of
 * its own at the literal — the native call lowered with no arguments, as
 * `call_user_func_array('f', $args)` is read (`builtinCallback` in `calls.ts`) — and the call
 * binds it to the parameter as it binds a closure written there: the flow enters it wherever
 * the callee runs that parameter, and a callee that never runs it keeps one summary.
 * Undefined for a name the project declares, one the catalog does not know, or one whose
 * effects the flow does not follow (`'trim'`).
 */
export function nativeCallableTarget(ctx: UnitContext, arg: SyntaxNode, emit: EmitNativeCall): CallTarget | undefined {
  const literal = nameLiteral(ctx, arg);
  const written = literal ? literalString(literal) : undefined;
  if (!literal || !written || written.includes('::')) return undefined;
  const name = (written.startsWith('\\') ? written.slice(1) : written).toLowerCase();
  if (ctx.facts.symbols.hasFunction(name)) return undefined;
  const api = ctx.catalog.functions[name];
  if (!api || !FOLLOWED_EFFECTS.has(api.effect)) return undefined;
  if (!ctx.facts.nativeCallables.has(literal.startIndex)) {
    const unit = nativeUnit(ctx, literal, name, api, emit);
    if (!unit) return undefined;
    ctx.facts.nativeCallables.set(literal.startIndex, unit);
  }
  return { type: 'closure', file: ctx.facts.file, start: literal.startIndex };
}

/** The string literal an argument is: written there, or assigned once to the local variable passed. */
function nameLiteral(ctx: UnitContext, arg: SyntaxNode): SyntaxNode | undefined {
  let value: SyntaxNode | null | undefined = argumentValue(arg);
  if (value?.type === 'variable_name' && !ctx.parameters.has(value.text)) value = ctx.singleAssignments.get(value.text);
  return value?.type === 'string' || value?.type === 'encapsed_string' ? value : undefined;
}

/**
 * The unit that calls `name` with no arguments, placed at the literal that names it; undefined
 * when that call does nothing the flow sees (`'file'`, whose path is not given: the string is
 * far more often a word than a callable). What lowering it would add to the file's lists (a read
 * on an unknown path) is not kept: the string is not a call until a callee runs it.
 */
function nativeUnit(ctx: UnitContext, literal: SyntaxNode, name: string, api: ApiEntry, emit: EmitNativeCall): Unit | undefined {
  const own = new UnitContext(ctx.facts, ctx.names, undefined);
  const display = `${name}()`;
  const lists = [ctx.facts.uncountedReads, ctx.facts.problems, ctx.facts.registrations, ctx.facts.storeInstalls] as const;
  const lengths = lists.map((list) => list.length);
  const cursor = emit(own, { node: literal, args: [], display, api, target: { type: 'function', candidates: [name] } }, own.builder.start());
  lists.forEach((list, index) => (list.length = lengths[index]!));
  const cfg = own.builder.finish(cursor);
  if (!cfg.nodes.some((node) => node.effect !== undefined)) return undefined;
  const span = { file: ctx.facts.file, start: literal.startIndex, end: literal.endIndex };
  const line = ctx.facts.lines.positionAt(literal.startIndex).line + 1;
  return {
    kind: 'closure',
    span,
    endSpan: span,
    cfg,
    assignsProperties: [],
    id: `closure@${literal.startIndex}`,
    displayName: `\`${display}\` named at line ${line}`,
  };
}
