import type { ApiEntry } from '../../catalog';
import type { SyntaxNode } from '../../parse/php';
import type { UnitContext } from './context';

/**
 * The catalog entry of a call of a native function (`flock($fp, LOCK_EX)`, `time()`): written
 * as a plain name, declared by no project function of a candidate name (a project's own
 * `time()` in its namespace is not PHP's). Catalog functions are global: the last candidate is
 * the global name.
 */
export function nativeCallOf(ctx: UnitContext, call: SyntaxNode): { readonly name: string; readonly api: ApiEntry | undefined } | undefined {
  if (call.type !== 'function_call_expression') return undefined;
  const written = call.childForFieldName('function');
  if (!written || (written.type !== 'name' && written.type !== 'qualified_name')) return undefined;
  const candidates = ctx.names.functionCandidates(written.text);
  if (candidates.some((c) => ctx.facts.symbols.hasFunction(c))) return undefined;
  const name = candidates[candidates.length - 1]!;
  return { name, api: ctx.catalog.functions[name] };
}
