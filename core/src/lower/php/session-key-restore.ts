import type { SyntaxNode } from '../../parse/php';
import type { UnitContext } from './context';
import { isEmptyArray, literalOf } from './literals';
import { literalString } from './session-access';
import { restoredAt } from './restored-references';

/**
 * A local variable the unit only ever sets to a copy of the whole session array
 * (`$saved = $_SESSION;`, `$old = isset($_SESSION) ? $_SESSION : false;`) and otherwise only
 * tests (`isset($saved)`, `$old !== false`), drops (`unset($old)`) or assigns back: `$_SESSION = $saved;` then restores
 * what the array held, in memory (phpseclib borrows a session for entropy and puts the caller's
 * array back). Passing it to a project function that leaves that by-reference parameter as it
 * was (`restored-references.ts`: phpseclib's `safe_serialize(&$arr)` marks the array and
 * unmarks it) keeps it a copy. Any other use (a change to the copy, another call it is passed
 * to) makes it a value of its own.
 */
export function isSavedSessionCopy(ctx: UnitContext, node: SyntaxNode, session: string | undefined): boolean {
  if (node.type !== 'variable_name' || !session || !ctx.unitNode) return false;

  let copies = 0;
  for (const use of ctx.unitNode.descendantsOfType('variable_name')) {
    if (!use || use.text !== node.text) continue;
    const parent = use.parent;
    const left = parent?.type === 'assignment_expression' ? parent.childForFieldName('left') : undefined;
    const right = parent?.type === 'assignment_expression' ? parent.childForFieldName('right') : undefined;
    if (left?.id === use.id && isWholeCopy(right, session)) copies++;
    else if (right?.id === use.id && isSessionArray(left, session)) continue;
    else if (!presenceTest(use) && !literalComparison(use) && parent?.type !== 'unset_statement' && !passedToRestoringCallee(ctx, use)) return false;
  }
  return copies > 0;
}

/** The variable is an argument of a project call that leaves that by-reference parameter as it was. */
function passedToRestoringCallee(ctx: UnitContext, use: SyntaxNode): boolean {
  const argument = use.parent;
  const call = argument?.type === 'argument' && !argument.childForFieldName('name') ? argument.parent?.parent : undefined;
  if (!argument || !call) return false;
  const position = argument.parent!.namedChildren.filter((c) => c?.type === 'argument').findIndex((c) => c?.id === argument.id);
  return restoredAt(ctx, call).includes(position);
}


function isSessionArray(node: SyntaxNode | null | undefined, session: string): boolean {
  return node?.type === 'variable_name' && node.namedChild(0)?.text === session;
}

/** `$_SESSION`, `isset($_SESSION) ? $_SESSION : <literal>` or `$_SESSION ?? <literal or []>`. */
function isWholeCopy(node: SyntaxNode | null | undefined, session: string): boolean {
  if (!node) return false;
  if (node.type === 'parenthesized_expression') return isWholeCopy(node.namedChild(0), session);
  if (isSessionArray(node, session)) return true;
  const fallbackOk = (fallback: SyntaxNode | null): boolean =>
    fallback !== null && (literalOf(fallback) !== undefined || isEmptyArray(fallback));
  if (node.type === 'conditional_expression') {
    return isSessionArray(node.childForFieldName('body'), session) && fallbackOk(node.childForFieldName('alternative'));
  }
  return node.type === 'binary_expression' && operatorOf(node) === '??' && isSessionArray(node.childForFieldName('left'), session) && fallbackOk(node.childForFieldName('right'));
}

/** `$x !== false`, `null == $x`: compares the variable with a literal, nothing else. */
function literalComparison(use: SyntaxNode): boolean {
  const parent = use.parent;
  if (parent?.type !== 'binary_expression' || !['===', '!==', '==', '!='].includes(operatorOf(parent))) return false;
  const left = parent.childForFieldName('left');
  const other = left?.id === use.id ? parent.childForFieldName('right') : left;
  return other !== null && other !== undefined && literalOf(other) !== undefined;
}

/**
 * A session key set for this request only: the unit keeps the key's value in a local
 * (`$prev = $_SESSION['no_smarty'] ?? null;`), sets the key (`$_SESSION['no_smarty'] = true;`)
 * and later puts the kept value back (`$_SESSION['no_smarty'] = $prev;`). Both writes are
 * temporary (`AccessEffect.temporary`): after a close the key ends as it was saved, so neither
 * is a change meant to be kept (Serendipity's guard around loading Smarty). True for the write
 * of `$_SESSION['k']` at `assignment` when it is the put-back itself, or when the kept value
 * is read before it and put back after it in the unit.
 *
 * The local must be a plain copy of that key: every use of it is the copy
 * (`= $_SESSION['k']`, `= $_SESSION['k'] ?? <literal>`), the put-back or an `isset()`/`empty()`
 * test; any other use (a change, a call it is passed to) makes it a value of its own.
 */
export function isTemporaryKeyWrite(ctx: UnitContext, assignment: SyntaxNode, session: string | undefined): boolean {
  if (!session || !ctx.unitNode || assignment.type !== 'assignment_expression') return false;
  const key = sessionKey(assignment.childForFieldName('left'), session);
  if (key === undefined) return false;
  for (const candidate of ctx.unitNode.descendantsOfType('assignment_expression')) {
    if (!candidate || sessionKey(candidate.childForFieldName('left'), session) !== key) continue;
    const kept = candidate.childForFieldName('right');
    if (kept?.type !== 'variable_name') continue;
    const copies = keptCopies(ctx, kept.text, key, session);
    if (!copies) continue;
    if (candidate.id === assignment.id) return true;
    // The value is kept before this write and put back after it.
    const keptBefore = copies.some((copy) => copy.endIndex <= assignment.startIndex);
    if (keptBefore && candidate.startIndex >= assignment.endIndex) return true;
  }
  return false;
}

/** `k` of `$_SESSION['k']` (one literal key, nothing deeper), else undefined. */
function sessionKey(node: SyntaxNode | null | undefined, session: string): string | undefined {
  if (node?.type !== 'subscript_expression') return undefined;
  const base = node.namedChild(0);
  const index = node.namedChild(1);
  if (base?.type !== 'variable_name' || base.namedChild(0)?.text !== session || !index) return undefined;
  return literalString(index);
}

/**
 * The assignments that copy `$_SESSION[key]` into `variable`, when that is all the unit does
 * with it besides putting it back and testing it; undefined otherwise.
 */
function keptCopies(ctx: UnitContext, variable: string, key: string, session: string): SyntaxNode[] | undefined {
  const copies: SyntaxNode[] = [];
  for (const use of ctx.unitNode!.descendantsOfType('variable_name')) {
    if (!use || use.text !== variable) continue;
    const parent = use.parent;
    const assignment = parent?.type === 'assignment_expression' ? parent : undefined;
    const left = assignment?.childForFieldName('left');
    const right = assignment?.childForFieldName('right');
    if (assignment && left?.id === use.id && isCopyOf(right, key, session)) copies.push(assignment);
    else if (assignment && right?.id === use.id && sessionKey(left, session) === key) continue;
    else if (!presenceTest(use)) return undefined;
  }
  return copies.length > 0 ? copies : undefined;
}

/** `$_SESSION['k']`, or `$_SESSION['k'] ?? <literal>`. */
function isCopyOf(node: SyntaxNode | null | undefined, key: string, session: string): boolean {
  if (!node) return false;
  if (sessionKey(node, session) === key) return true;
  if (node.type !== 'binary_expression' || operatorOf(node) !== '??') return false;
  const fallback = node.childForFieldName('right');
  return sessionKey(node.childForFieldName('left'), session) === key && fallback !== null && literalOf(fallback) !== undefined;
}

/** `isset($x)` / `empty($x)`: reads whether the variable is set, nothing else. */
function presenceTest(use: SyntaxNode): boolean {
  const holder = use.parent?.type === 'argument' ? use.parent.parent?.parent : use.parent;
  const name = holder?.type === 'function_call_expression' ? holder.childForFieldName('function')?.text.toLowerCase() : undefined;
  return name === 'isset' || name === 'empty';
}

function operatorOf(node: SyntaxNode): string {
  const field = node.childForFieldName('operator');
  if (field) return field.text;
  return node.children.find((c) => c !== null && !c.isNamed)?.text ?? '';
}
