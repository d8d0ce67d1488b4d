import { CfgBuilder, type Cursor } from '../../ir/cfg-builder';
import { emitSessionKeyChecks } from './session-emptied-facts';
import type { SyntaxNode } from '../../parse/php';
import type { UnitContext } from './context';
import { isPlainLocalAssignment, lowerExpression } from './expressions';
import { callArguments, calledName, stripLeadingBackslash } from './literals';
import { literalString } from './session-access';
import { constantTruth, emitBranchFacts } from './predicates';
import { testsInstalledStore } from './session-store';
import { settingGuardOf } from './setting-guards';
import { webRequestTruth } from './web-request';
import { constructedTruth } from './constructed-tests';
import { calledProjectCode } from './call-result-assignment';
import { lackingOutcome } from './environment-probes';
import { markParameterBranches } from './parameter-branches';

export interface Branches {
  readonly whenTrue: Cursor;
  readonly whenFalse: Cursor;
}

type SessionState = 'open' | 'closed' | 'started' | 'ever-started';

/** What a condition tells about the session on each outcome (undefined: nothing). */
export interface SessionTest {
  readonly whenTrue?: SessionState;
  readonly whenFalse?: SessionState;
}

/**
 * Lowers a branch condition into two cursors. `&&`, `||` and `!` are split so that guards
 * such as `if (!headers_sent() && session_status() === PHP_SESSION_NONE)` are understood,
 * and session tests add `assume` effects on each outcome.
 */
export function lowerCondition(ctx: UnitContext, node: SyntaxNode, cursor: Cursor): Branches {
  if (ctx.tooDeep(node)) return { whenTrue: cursor, whenFalse: cursor };
  ctx.depth++;
  try {
    return lowerConditionInner(ctx, node, cursor);
  } finally {
    ctx.depth--;
  }
}

function lowerConditionInner(ctx: UnitContext, node: SyntaxNode, cursor: Cursor): Branches {
  if (node.type === 'parenthesized_expression') {
    const inner = node.namedChildren.find((c) => c !== null && c.type !== 'comment');
    return inner ? lowerCondition(ctx, inner, cursor) : { whenTrue: cursor, whenFalse: cursor };
  }
  if (node.type === 'unary_op_expression' && operatorOf(node) === '!') {
    const argument = node.childForFieldName('argument') ?? node.namedChild(0);
    if (argument) {
      const inner = lowerCondition(ctx, argument, cursor);
      return { whenTrue: inner.whenFalse, whenFalse: inner.whenTrue };
    }
  }
  if (node.type === 'binary_expression') {
    const operator = operatorOf(node);
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    if (left && right && (operator === '&&' || operator === 'and')) {
      const l = lowerCondition(ctx, left, cursor);
      // `$method == LDAP && ldap_authenticate($u, $p)`: the right side runs only where the
      // configuration test on the left holds.
      const outerSetting = ctx.builder.currentSetting;
      ctx.builder.currentSetting ??= settingGuardOf(ctx, left);
      let r: Branches;
      try {
        r = lowerCondition(ctx, right, l.whenTrue);
      } finally {
        ctx.builder.currentSetting = outerSetting;
      }
      return { whenTrue: r.whenTrue, whenFalse: ctx.builder.join(l.whenFalse, r.whenFalse) };
    }
    if (left && right && (operator === '||' || operator === 'or')) {
      const l = lowerCondition(ctx, left, cursor);
      const r = lowerCondition(ctx, right, l.whenFalse);
      return { whenTrue: ctx.builder.join(l.whenTrue, r.whenTrue), whenFalse: r.whenFalse };
    }
  }
  // `if ($d && $flood = flood())`: the value tested is the call's result, so its branches are
  // the call's (a callee that opens the session only when it returns true), as for `if (flood())`.
  if (node.type === 'assignment_expression' && isPlainLocalAssignment(ctx, node)) {
    const right = node.childForFieldName('right');
    if (right?.type.endsWith('call_expression')) return lowerCondition(ctx, right, cursor);
  }
  // `if (false)`, `while (0)`, `do { … } while (false)`: the branch it rules out is dead code;
  // so is the one only a run without a web server takes (`empty($_SERVER['HTTP_HOST'])`).
  const fixed = constantTruth(node) ?? webRequestTruth(ctx, node);
  if (fixed !== undefined) return fixed ? { whenTrue: cursor, whenFalse: [] } : { whenTrue: [], whenFalse: cursor };
  // `$this->options['image_library'] === 2` where every construction keeps the constructor's 1.
  const constructed = constructedTruth(ctx, node);
  if (constructed !== undefined) return constructed ? { whenTrue: cursor, whenFalse: [] } : { whenTrue: [], whenFalse: cursor };
  const branches = lowerLeaf(ctx, node, cursor);
  const facts = emitBranchFacts(ctx, node, branches.whenTrue, branches.whenFalse);
  const checked = emitSessionKeyChecks(ctx, node, facts.whenTrue, facts.whenFalse);
  // `if ($redirect_to == 'NOREDIRECT')`: each way out needs the outcome a caller's argument decides.
  const outcomes = markParameterBranches(ctx, node, checked);
  // `extension_loaded('openssl')` false: what runs only from here is an installation's fallback.
  const lacking = lackingOutcome(ctx, node);
  if (lacking === undefined) return outcomes;
  const probe = node.text.length > 80 ? `${node.text.slice(0, 77)}...` : node.text;
  return lacking === 'whenTrue'
    ? { whenTrue: ctx.builder.markLacking(outcomes.whenTrue, probe), whenFalse: outcomes.whenFalse }
    : { whenTrue: outcomes.whenTrue, whenFalse: ctx.builder.markLacking(outcomes.whenFalse, probe) };
}

const LOGICAL = new Set(['&&', '||', 'and', 'or']);
const COMPARISONS = new Set(['===', '!==', '==', '!=', '<>', '<', '>', '<=', '>=', 'instanceof']);

/**
 * An expression whose value is `true` or `false` and nothing else, so that its truthiness is
 * its value: `A && B`, `!A`, comparisons, `isset()`, `empty()` (a caller testing the result
 * tests exactly that).
 */
export function isBooleanValued(node: SyntaxNode): boolean {
  if (node.type === 'parenthesized_expression') {
    const inner = node.namedChildren.find((c) => c !== null && c.type !== 'comment');
    return inner ? isBooleanValued(inner) : false;
  }
  if (node.type === 'unary_op_expression') return operatorOf(node) === '!';
  if (node.type === 'binary_expression') return LOGICAL.has(operatorOf(node)) || COMPARISONS.has(operatorOf(node));
  const called = calledFunction(node);
  return called === 'isset' || called === 'empty';
}

/** A condition that is not split further: its effects, then what each outcome proves. */
function lowerLeaf(ctx: UnitContext, node: SyntaxNode, cursor: Cursor): Branches {
  ctx.inCondition++;
  let after: Cursor;
  try {
    after = lowerExpression(ctx, node, cursor);
  } finally {
    ctx.inCondition--;
  }
  const test = sessionTest(ctx, node);
  const callNode = test ? undefined : calledProjectCode(ctx, after, node);
  if (callNode !== undefined) {
    const span = ctx.span(node);
    return {
      whenTrue: ctx.emit(after, { kind: 'call-result', callNode, truthy: true, span }),
      whenFalse: ctx.emit(after, { kind: 'call-result', callNode, truthy: false, span }),
    };
  }
  const resource = ctx.catalog.sessionResource;
  const span = ctx.span(node);
  let whenTrue = test?.whenTrue ? ctx.emit(after, { kind: 'assume', resource, state: test.whenTrue, span }) : after;
  const whenFalse = test?.whenFalse ? ctx.emit(after, { kind: 'assume', resource, state: test.whenFalse, span }) : after;
  // `if (self::$instance) return;` before the unit installs `self::$instance` as its store:
  // true only on a later call, once the store is installed.
  const store = ctx.catalog.sessionStore;
  if (store && testsInstalledStore(ctx, node)) whenTrue = ctx.emit(whenTrue, { kind: 'assume', resource: store.resource, state: 'open', span });
  return { whenTrue, whenFalse };
}

/**
 * Adds "`cond` is true (line N)" notes, which explain maybe-open findings. `after`: the
 * condition is reached only on a branch of an earlier one (an `elseif`), whose note it joins.
 */
export function describeBranches(ctx: UnitContext, condition: SyntaxNode, branches: Branches, after = false): Branches {
  const text = conditionText(condition);
  const line = ctx.line(condition);
  const note = after ? CfgBuilder.andNote : CfgBuilder.withNote;
  return {
    whenTrue: note(branches.whenTrue, `\`${text}\` is true (line ${line})`),
    whenFalse: note(branches.whenFalse, `\`${text}\` is false (line ${line})`),
  };
}

function conditionText(node: SyntaxNode): string {
  let inner = node;
  while (inner.type === 'parenthesized_expression' && inner.namedChild(0)) inner = inner.namedChild(0)!;
  const words = inner.text.split(/\s+/).join(' ');
  return words.length > 40 ? `${words.slice(0, 37)}...` : words;
}

function operatorOf(node: SyntaxNode): string {
  const field = node.childForFieldName('operator');
  if (field) return field.text.toLowerCase();
  const anonymous = node.children.find((c) => c !== null && !c.isNamed);
  return anonymous?.text.toLowerCase() ?? '';
}

/** The function a call expression calls; a variable assigned once from a call counts as that call. */
function calledFunction(node: SyntaxNode | null, ctx?: UnitContext): string | undefined {
  if (node?.type === 'variable_name' && ctx) return calledFunction(ctx.singleAssignments.get(node.text) ?? null);
  return node ? calledName(node) : undefined;
}

const STATUS_CONSTANTS: Record<string, 'open' | 'closed'> = {
  PHP_SESSION_NONE: 'closed',
  PHP_SESSION_DISABLED: 'closed',
  PHP_SESSION_ACTIVE: 'open',
  '0': 'closed',
  '1': 'closed',
  '2': 'open',
};

/**
 * For `switch (session_status()) { case PHP_SESSION_ACTIVE: … }`: the state each case
 * label implies, or undefined when the subject is not `session_status()`.
 */
export function statusCaseState(ctx: UnitContext, subject: SyntaxNode | null, label: SyntaxNode | null): 'open' | 'closed' | undefined {
  let inner = subject;
  while (inner?.type === 'parenthesized_expression') inner = inner.namedChild(0);
  if (!label || calledFunction(inner, ctx) !== 'session_status') return undefined;
  return STATUS_CONSTANTS[stripLeadingBackslash(label.text)];
}

function opposite(state: 'open' | 'closed'): 'open' | 'closed' {
  return state === 'open' ? 'closed' : 'open';
}

function definedName(node: SyntaxNode): string | undefined {
  const first = node.childForFieldName('arguments')?.namedChildren.find((c) => c?.type === 'argument')?.namedChild(0);
  const name = first ? literalString(first) : undefined;
  return name === undefined ? undefined : stripLeadingBackslash(name);
}

/**
 * `@ini_set('session.use_cookies', false) === false`: PHP refuses a session setting only while a
 * session is active or after headers were sent (php-src `SESSION_CHECK_ACTIVE_STATE`,
 * `SESSION_CHECK_OUTPUT_STATE`). With the session closed that means output was sent, and then a
 * `session_start()` that needs the cookie fails as well: so the failure branch is taken as one
 * where the session is open, and is dead where it is closed (Adminer's `stop_session()`).
 */
function settingFails(call: SyntaxNode, other: SyntaxNode, operator: string): boolean {
  if (operator !== '===' && operator !== '!==') return false;
  if (other.type !== 'boolean' || other.text.toLowerCase() !== 'false') return false;
  let inner = call;
  // `@ini_set(…)`: the `@` only silences the warning.
  while (inner.type === 'error_suppression_expression' || inner.type === 'parenthesized_expression') {
    const operand = inner.namedChild(0);
    if (!operand) return false;
    inner = operand;
  }
  const name = calledFunction(inner);
  if (name !== 'ini_set' && name !== 'ini_alter') return false;
  const first = inner.childForFieldName('arguments')?.namedChildren.find((c) => c?.type === 'argument')?.namedChild(0);
  const setting = first ? literalString(first)?.toLowerCase() : undefined;
  return setting !== undefined && setting.startsWith('session.');
}

/**
 * What a session test (`sessionTest`) tells on each outcome, through parentheses and `!`: for a
 * test whose value is kept in a variable (`$need = session_status() === PHP_SESSION_NONE`).
 */
export function keptSessionTest(ctx: UnitContext, node: SyntaxNode): SessionTest | undefined {
  if (node.type === 'parenthesized_expression') {
    const inner = node.namedChildren.find((c) => c !== null && c.type !== 'comment');
    return inner ? keptSessionTest(ctx, inner) : undefined;
  }
  if (node.type === 'unary_op_expression' && operatorOf(node) === '!') {
    const argument = node.childForFieldName('argument') ?? node.namedChild(0);
    const inner = argument ? keptSessionTest(ctx, argument) : undefined;
    return inner && { ...(inner.whenFalse ? { whenTrue: inner.whenFalse } : {}), ...(inner.whenTrue ? { whenFalse: inner.whenTrue } : {}) };
  }
  return sessionTest(ctx, node);
}

/** Recognises `session_status() === PHP_SESSION_NONE`, `session_id() === ''`, `isset($_SESSION)`. */
function sessionTest(ctx: UnitContext, node: SyntaxNode): SessionTest | undefined {
  if (calledFunction(node) === 'session_id') return { whenTrue: 'started', whenFalse: 'closed' };
  // php-src defines `SID` when a session starts, and a constant stays: `defined('SID')` tells
  // whether a session was ever started in this request (Adminer's bootstrap tests it).
  if (calledFunction(node) === 'defined' && definedName(node) === 'SID') return { whenTrue: 'ever-started', whenFalse: 'closed' };
  const called = calledFunction(node);
  if (called === 'empty' || called === 'isset') {
    // In this grammar `empty(...)` and `isset(...)` are calls with one argument.
    const args = callArguments(node);
    const value = args.length === 1 ? args[0]!.namedChild(0) : null;
    if (called === 'empty' && calledFunction(value) === 'session_id') return { whenTrue: 'closed', whenFalse: 'started' };
    if (called === 'isset' && value?.type === 'variable_name' && value.namedChild(0)?.text === '_SESSION') {
      // Unset only before any session started; it stays set after a close.
      return { whenTrue: 'started', whenFalse: 'closed' };
    }
  }
  if (node.type !== 'binary_expression') return undefined;
  const operator = operatorOf(node);
  const equal = operator === '===' || operator === '==';
  const notEqual = operator === '!==' || operator === '!=' || operator === '<>';
  if (!equal && !notEqual) return undefined;
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  if (!left || !right) return undefined;
  for (const [call, other] of [[left, right], [right, left]] as const) {
    if (settingFails(call, other, operator)) return equal ? { whenTrue: 'open' } : { whenFalse: 'open' };
    const fn = calledFunction(call, ctx);
    if (fn === 'session_status') {
      const constant = STATUS_CONSTANTS[stripLeadingBackslash(other.text)];
      if (!constant) continue;
      return equal ? { whenTrue: constant, whenFalse: opposite(constant) } : { whenTrue: opposite(constant), whenFalse: constant };
    }
    if (fn === 'session_id' && literalString(other) === '') {
      // An id survives session_write_close(): "has an id" means open or closed after a start.
      return equal ? { whenTrue: 'closed', whenFalse: 'started' } : { whenTrue: 'started', whenFalse: 'closed' };
    }
  }
  return undefined;
}
