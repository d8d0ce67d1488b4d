import type { SyntaxNode } from '../../parse/php';
import { calledName } from './literals';
import { literalString } from './session-access';
import type { StaticString } from './static-string';
import { evaluateWithVariables, type VariableCache } from './variable-value';

/**
 * The include path a call sets, as far as it can be read: `set_include_path(X)` and
 * `ini_set('include_path', X)` give X (`get_include_path() . PATH_SEPARATOR . __DIR__ . '/lib'`).
 * Loris-style entry scripts add their library folder this way and then `require_once` a bare
 * file name; without it those includes land nowhere. What the value means is read in
 * `flow/code-include-paths.ts`.
 */
export function includePathSetBy(call: SyntaxNode, file: string, variables: VariableCache): StaticString | undefined {
  const name = calledName(call);
  if (name === undefined) return undefined;
  const args = call.childForFieldName('arguments')?.namedChildren.filter((c): c is SyntaxNode => c?.type === 'argument' && !c.childForFieldName('name')) ?? [];
  const valueOf = (arg: SyntaxNode | undefined): StaticString | undefined => (arg ? evaluateWithVariables(arg.namedChild(0) ?? arg, file, variables) : undefined);
  if (name === 'set_include_path' && args.length === 1) return valueOf(args[0]);
  if (name === 'ini_set' && args.length === 2 && literalString(args[0]!.namedChild(0) ?? args[0]!) === 'include_path') return valueOf(args[1]);
  return undefined;
}
