import type { SyntaxNode } from '../../parse/php';
import { callArguments, argumentValue, calledName, negatedOperand, stripLeadingBackslash, withoutParentheses } from './literals';
import { literalString } from './session-access';

/**
 * The body of an include guard at a file's top level, which runs once in every request that
 * includes the file, so its statements are the file's own (what it ships):
 *
 *     if (!defined('CONFIG_INC')) {
 *         define('CONFIG_INC', 1);
 *         $openSISNotifyAddress = '';
 *     }
 *
 * An `if` without `elseif`/`else` whose condition is `!defined('X')` and whose body defines
 * `X` itself: the first inclusion runs the body, a second one skips it, and nothing else
 * defines `X` before it (the `define()` in the body says the guard is the file's own, not a
 * test of a constant another file sets). Undefined for any other statement.
 */
export function includeGuardBody(statement: SyntaxNode): SyntaxNode[] | undefined {
  if (statement.type !== 'if_statement') return undefined;
  if (statement.namedChildren.some((c) => c?.type === 'else_if_clause' || c?.type === 'else_clause')) return undefined;
  const condition = statement.childForFieldName('condition');
  const negated = condition ? negatedOperand(withoutParentheses(condition)) : undefined;
  const test = negated ? withoutParentheses(negated) : undefined;
  const constant = test && calledName(test) === 'defined' ? definedName(test) : undefined;
  if (constant === undefined) return undefined;
  const body = statement.childForFieldName('body');
  if (!body) return undefined;
  const statements = body.type === 'compound_statement' ? body.namedChildren.filter((c): c is SyntaxNode => c !== null) : [body];
  const definesIt = statements.some((s) => {
    const call = s.type === 'expression_statement' ? s.namedChild(0) : null;
    return call !== null && calledName(call) === 'define' && definedName(call) === constant;
  });
  return definesIt ? statements : undefined;
}

/** The constant a `defined('X')` or `define('X', …)` call names, as a literal. */
function definedName(call: SyntaxNode): string | undefined {
  const first = callArguments(call)[0];
  const value = first ? argumentValue(first) : null;
  const name = value ? literalString(value) : undefined;
  return name === undefined ? undefined : stripLeadingBackslash(name);
}
