import type { CallTarget } from '../../ir/effects';
import type { SyntaxNode } from '../../parse/php';
import type { UnitContext } from './context';
import { argumentValue } from './literals';
import { evaluateStatic } from './static-string';

/**
 * `call_user_func($config['auth_mechanism'] . '_authenticate', …)`, `$fn()` with
 * `$fn = 'export_' . $format`: a function named by a string the code builds from literal parts
 * around parts it cannot know (a setting, a request value). PHP looks such a name up among the
 * global names as written, so the candidates are the project's functions whose names fit the
 * literal parts (`ProjectResolver`, `dynamic-function`); which one runs is configuration or the
 * request, so the call is a dispatch (`flow/dispatch.ts`): only what all candidates do counts
 * at the call, and each candidate runs with the caller's lock. Undefined when the string is
 * all literal (a plain function name, read elsewhere), all unknown (nothing bounds it), or
 * names a static method (`'Foo::' . $m`).
 */
export function functionNamePattern(ctx: UnitContext, node: SyntaxNode | null | undefined): Extract<CallTarget, { type: 'dynamic-function' }> | undefined {
  let value = node?.type === 'argument' ? argumentValue(node) : (node ?? undefined);
  while (value?.type === 'parenthesized_expression') value = value.namedChild(0) ?? undefined;
  // `$fn = $prefix . '_export'; $fn()`: a local assigned once (a parameter is its callers' value).
  if (value?.type === 'variable_name' && !ctx.parameters.has(value.text)) value = ctx.singleAssignments.get(value.text);
  if (!value || (value.type !== 'binary_expression' && value.type !== 'encapsed_string')) return undefined;
  const name = evaluateStatic(value, ctx.facts.file).map((part) => ('text' in part ? { text: part.text.toLowerCase() } : { unknown: true as const }));
  const literal = name.filter((part): part is { text: string } => 'text' in part).map((part) => part.text);
  if (literal.length === name.length || literal.join('') === '' || literal.some((text) => text.includes('::') || text.includes('/'))) return undefined;
  // A leading `\` names the global function; the lookup has none.
  const lead = literal[0] !== undefined && 'text' in name[0]! ? literal[0] : undefined;
  const parts = lead?.startsWith('\\') ? [{ text: lead.slice(1) }, ...name.slice(1)] : name;
  return { type: 'dynamic-function', name: parts };
}
