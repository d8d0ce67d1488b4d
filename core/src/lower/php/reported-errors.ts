import type { SyntaxNode } from '../../parse/php';
import type { UnitContext } from './context';
import { nativeCallOf } from './native-calls';
import { conjuncts, failureTestedValue } from './failure-guards';
import { argumentsOf } from './error-only-failures';
import { literalOf, truthy, withoutParentheses } from './literals';
import { assignmentsIn } from './variable-value';

/**
 * Branches that run only when a call reported an error of the call before it. Error-reporting
 * calls (`mysqli_errno()`, `pg_last_error()`, `curl_errno()`: catalog `reportsLastError`)
 * return 0 or `''` after a success, so
 *
 *     $result = mysqli_query($db, $sql);
 *     if (mysqli_errno($db) == 1213) { sleep(1); continue; }   // a deadlock: wait, retry
 *
 * sleeps only after an error: slow work there is `info`, said to be error handling. So does
 *
 *     $result = $db->query($sql);
 *     if ($result === false && $db->errno == 1213) usleep(10000);
 *
 * whatever `$db` is: the call on `$db` failed and the same object holds an error code, the
 * code of that failure (`errorCodeOfFailedCall`).
 */

/** The error-reporting call (`mysqli_errno()`) that one test of `condition`'s `&&` chain needs set. */
export function reportedErrorCall(ctx: UnitContext, condition: SyntaxNode): string | undefined {
  const tests = conjuncts(condition).map(withoutParentheses);
  for (const test of tests) {
    const call = errorSetBy(ctx, test, (node) => reportingCall(ctx, node));
    if (call) return call;
  }
  return errorCodeOfFailedCall(ctx, tests);
}

/**
 * `$result === false && $db->errno == 1213`, `$result` assigned only calls on `$db`: the
 * property compared with an error code (`$db->errno`). Only a code that is not 0 counts, so
 * the test needs the failure that the other test saw.
 */
function errorCodeOfFailedCall(ctx: UnitContext, tests: readonly SyntaxNode[]): string | undefined {
  const receivers = new Set<string>();
  for (const test of tests) {
    const tested = failureTestedValue(test);
    const receiver = tested?.type === 'variable_name' && ctx.unitNode ? soleReceiverOf(ctx.unitNode, tested.text) : undefined;
    if (receiver) receivers.add(receiver);
  }
  if (receivers.size === 0) return undefined;
  const codeOfReceiver = (node: SyntaxNode): string | undefined => {
    if (node.type !== 'member_access_expression' || node.childForFieldName('name')?.type !== 'name') return undefined;
    const object = node.childForFieldName('object');
    return object?.type === 'variable_name' && receivers.has(object.text) ? node.text : undefined;
  };
  for (const test of tests) {
    // The bare property (`&& $db->errno`) is not enough: only a comparison with a code.
    if (codeOfReceiver(test)) continue;
    const code = errorSetBy(ctx, test, codeOfReceiver);
    if (code) return code;
  }
  return undefined;
}

/** The variable (`$db`) every assignment of `variable` in the unit calls a method on, if one. */
function soleReceiverOf(unit: SyntaxNode, variable: string): string | undefined {
  const rights = assignmentsIn(unit, variable);
  if (!rights || rights.length === 0) return undefined;
  const receivers = rights.map((right) => {
    const call = withoutParentheses(right);
    const object = call.type === 'member_call_expression' ? call.childForFieldName('object') : null;
    return object?.type === 'variable_name' && object.text !== '$this' ? object.text : undefined;
  });
  return receivers.every((r) => r !== undefined && r === receivers[0]) ? receivers[0] : undefined;
}

/** `errno()`, `errno() == 1213`, `errno() != 0`, `errno() > 0`, `in_array(errno(), [1205, 1213])`. */
function errorSetBy(ctx: UnitContext, test: SyntaxNode, reporter: (node: SyntaxNode) => string | undefined): string | undefined {
  const direct = reporter(test);
  if (direct) return direct;
  if (test.type === 'function_call_expression') return inListOfErrors(ctx, test, reporter);
  if (test.type !== 'binary_expression') return undefined;
  const operator = test.childForFieldName('operator')?.text;
  const left = test.childForFieldName('left');
  const right = test.childForFieldName('right');
  if (!operator || !left || !right) return undefined;
  for (const [call, other] of [[left, right], [right, left]] as const) {
    const reported = reporter(withoutParentheses(call));
    if (!reported) continue;
    const value = literalValue(withoutParentheses(other));
    if (value === undefined) return undefined;
    if ((operator === '==' || operator === '===') && isSet(value)) return reported;
    if ((operator === '!=' || operator === '!==' || operator === '<>') && !isSet(value)) return reported;
    // `errno() > 0` (the call on the left), `0 < errno()` (on the right).
    const greater = call === left ? operator === '>' : operator === '<';
    if (greater && value === 0) return reported;
    return undefined;
  }
  return undefined;
}

/** `in_array(mysqli_errno($db), [1205, 1213])`: every listed code is an error. */
function inListOfErrors(ctx: UnitContext, call: SyntaxNode, reporter: (node: SyntaxNode) => string | undefined): string | undefined {
  if (nativeCallOf(ctx, call)?.name !== 'in_array') return undefined;
  const [needle, haystack] = argumentsOf(call).map(withoutParentheses);
  const reported = needle ? reporter(needle) : undefined;
  if (!reported || haystack?.type !== 'array_creation_expression') return undefined;
  const values = haystack.namedChildren.map((element) => (element?.type === 'array_element_initializer' && element.namedChildCount === 1 ? literalValue(withoutParentheses(element.namedChild(0)!)) : undefined));
  return values.length > 0 && values.every((value) => value !== undefined && isSet(value)) ? reported : undefined;
}

/** `mysqli_errno($db)` when the catalog says it reports the last error: its display name. */
function reportingCall(ctx: UnitContext, node: SyntaxNode): string | undefined {
  const native = nativeCallOf(ctx, node);
  return native?.api?.reportsLastError ? `${native.name}()` : undefined;
}

/** An integer or string literal's value (`literalOf`); undefined for anything else. */
function literalValue(node: SyntaxNode): number | string | undefined {
  const value = literalOf(node);
  return typeof value === 'number' || typeof value === 'string' ? value : undefined;
}

/** A value an error-reporting call returns only after an error: PHP-truthy (not 0, `''`, `'0'`). */
const isSet = truthy;
