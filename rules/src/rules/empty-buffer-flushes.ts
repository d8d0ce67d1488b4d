import type { Observation, RuleContext, UnitFlow } from '../../../core/src';
import { PHP_BUILTIN_FUNCTIONS } from '../catalog/php-builtin-functions';
import { PHP_OUTPUT_BUILTINS } from '../catalog/php-output-builtins';

/**
 * PHP's own output-buffer calls: they pass what the script's buffer holds on to the next level
 * (`ob_end_flush()`, `ob_flush()`, `ob_get_flush()`) or only switch implicit flushing on
 * (`ob_implicit_flush()`). With nothing written yet they pass no bytes on, so no header is sent
 * and a later `session_start()` still works. `flush()` is not among them: the SAPI sends the
 * headers when it is called, even with nothing written.
 */
const BUFFER_FLUSHES = new Set(['ob_end_flush', 'ob_flush', 'ob_get_flush', 'ob_implicit_flush']);

function isBufferFlush(observation: Observation): boolean {
  const { effect } = observation;
  // The callee as written, `ob_end_flush()` or `\ob_end_flush()`.
  return effect.kind === 'output' && effect.flush && BUFFER_FLUSHES.has(effect.callee.replace(/^\\/, '').replace(/\(\)$/, '').toLowerCase());
}

/**
 * The buffer flushes of a file's top level that run before anything could have been written in
 * the request (`<?php ob_end_flush(); header(…); require 'session.php';`): no output on any path
 * to them — no `echo`, inline HTML, download, and no call or include, whose callee might write,
 * except calls of PHP's own functions that print nothing (`define()`, `ini_set()`,
 * `error_reporting()`: SquirrelMail's configtest sets those up before `ob_implicit_flush()`).
 * They send nothing, so they are not output before a later start. Only a script's top level is
 * the start of a request; in a function the caller may have written before.
 */
export function emptyBufferFlushes(context: RuleContext, flow: UnitFlow): ReadonlySet<number> {
  if (flow.unit.kind !== 'script') return new Set();
  const candidates = flow.observations.filter(isBufferFlush);
  if (candidates.length === 0) return new Set();
  const written = new Set<number>();
  const stack = flow.observations.filter((o) => !isBufferFlush(o) && mayWrite(context, flow, o)).map((o) => o.node);
  for (const node of stack) written.add(node);
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const edge of flow.unit.cfg.nodes[node]!.succs) {
      if (written.has(edge.to)) continue;
      written.add(edge.to);
      stack.push(edge.to);
    }
  }
  return new Set(candidates.filter((o) => !written.has(o.node)).map((o) => o.node));
}

/**
 * An observation that may put bytes in the buffer or send them: output, a download, any call
 * but one of a PHP function that prints nothing.
 */
function mayWrite(context: RuleContext, flow: UnitFlow, observation: Observation): boolean {
  const { effect } = observation;
  if (effect.kind === 'call') return !callsSilentBuiltin(context, flow, observation);
  return effect.kind === 'output' || effect.kind === 'slow' || effect.kind === 'chunk-read' || effect.kind === 'yield';
}

/**
 * A call that can only be of PHP's own function, one that prints nothing: its global name (the
 * last candidate, in PHP's lookup order) is built in, no project code answers it, and no
 * callable handed to it could print (a string argument is taken as a possible callable:
 * `strtolower('c')` names no project function, `array_map('show', $rows)` does).
 */
function callsSilentBuiltin(context: RuleContext, flow: UnitFlow, observation: Observation): boolean {
  const { effect, call } = observation;
  if (effect.kind !== 'call' || effect.target.type !== 'function') return false;
  const name = globalName(effect.target.candidates);
  if (!PHP_BUILTIN_FUNCTIONS.has(name) || PHP_OUTPUT_BUILTINS.has(name)) return false;
  if (call !== undefined && call.units.length > 0) return false;
  return (effect.callables ?? []).every(
    ({ target }) =>
      target.type === 'function' &&
      !PHP_OUTPUT_BUILTINS.has(globalName(target.candidates)) &&
      (context.resolveCall?.(target, flow.unit, effect.span) ?? []).length === 0,
  );
}

/** The name PHP falls back to (the last candidate, in its lookup order), lower-case. */
function globalName(candidates: readonly string[]): string {
  return (candidates[candidates.length - 1] ?? '').replace(/^\\/, '').toLowerCase();
}
