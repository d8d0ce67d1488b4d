import { CfgBuilder, type Cursor, type PendingEdge } from '../../ir/cfg-builder';
import { emitSessionEmptied, truthinessNeedsSessionKey } from './session-emptied-facts';
import type { LoopKind } from '../../ir/cfg';
import { REPEAT_PATH_PREFIX, type FactEffect, type PredicateValue } from '../../ir/effects';
import type { Span } from '../../model/span';
import type { SyntaxNode } from '../../parse/php';
import { writeEffect } from './calls';
import { describeBranches, isBooleanValued, lowerCondition, statusCaseState } from './conditions';
import type { JumpFrame, UnitContext } from './context';
import { lowerExpression } from './expressions';
import { jumpOut } from './jumps';
import { loopBound } from './loop-bounds';
import { isRepeatGuard, onceGuardAfterReturn, onceGuardOfIf } from './once-guards';
import { isFailedCallTest } from './failure-guards';
import { failedErrorOnlyCall } from './error-only-failures';
import { reportedErrorCall } from './reported-errors';
import { conditionWaitsOnClock, ifLeavesLoop } from './loop-control';
import { sendsReadData } from './read-data';
import { settingGuardAfterExit, settingGuardOf } from './setting-guards';
import { emitSessionUnsetFacts, switchArmFacts, type ArmFacts } from './predicates';
import { sessionRoot } from './session-access';
import { caseMatches, constructedValuesOf } from './constructed-tests';
import { literalOf, literalTruth } from './literals';
import { capturedStatements } from './output-buffers';
import { urlTestedParameter } from './url-guards';

/** Declarations lowered as units of their own; as statements they do nothing. */
const DECLARATIONS = new Set(['function_definition', 'class_declaration', 'interface_declaration',
  'trait_declaration', 'enum_declaration', 'namespace_use_declaration', 'const_declaration',
  'declare_statement', 'global_declaration', 'function_static_declaration', 'comment', 'php_tag',
  'php_end_tag', 'empty_statement']);

function named(node: SyntaxNode): SyntaxNode[] {
  return node.namedChildren.filter((c): c is SyntaxNode => c !== null && c.type !== 'comment');
}

export function lowerStatements(ctx: UnitContext, nodes: readonly SyntaxNode[], cursor: Cursor): Cursor {
  let next = cursor;
  const outerOnce = ctx.builder.currentOnce;
  const outerSetting = ctx.builder.currentSetting;
  // From the first statement that did not parse on, the block's structure is not known.
  let broken = false;
  const captured = capturedStatements(nodes);
  try {
    nodes.forEach((node, index) => {
      broken ||= node.hasError;
      // `if (self::$instance) { …; return; }` before code that sets it: the body is the path of
      // a later call in the same request (see `isRepeatGuard`), marked by a fact.
      const repeat = !broken && next.length > 0 && isRepeatGuard(node, () => nodes.slice(index + 1)) ? repeatFacts(ctx, node) : undefined;
      if (repeat) next = ctx.emit(next, repeat.entering);
      const capturing = captured.has(node);
      if (capturing) ctx.capturedOutput++;
      let after: Cursor;
      try {
        after = lowerListed(ctx, node, next);
      } finally {
        if (capturing) ctx.capturedOutput--;
      }
      next = broken && after.length === 0 ? next : after;
      if (repeat && next.length > 0) next = ctx.emit(next, repeat.passed);
      // `if (isset($link)) return $link;`: what follows in the block initialises `$link` once.
      // The statements after it are copied only for a guard that returns (a block of 50,000
      // statements must not be copied once per statement).
      ctx.builder.currentOnce ??= onceGuardAfterReturn(ctx, node, () => nodes.slice(index + 1));
      // `if (!$config->get('x')) return;`: what follows runs only where the setting is on.
      ctx.builder.currentSetting ??= settingGuardAfterExit(ctx, node);
    });
  } finally {
    ctx.builder.currentOnce = outerOnce;
    ctx.builder.currentSetting = outerSetting;
  }
  return next;
}

/**
 * The facts around a repeat guard: `once:repeat@<offset>` is true entering it (so true on the
 * path through its body, which returns) and false past it (the first call of the request).
 */
function repeatFacts(ctx: UnitContext, node: SyntaxNode): { entering: FactEffect; passed: FactEffect } {
  const subject = `${REPEAT_PATH_PREFIX}${node.startIndex}`;
  const span = ctx.span(node.childForFieldName('condition') ?? node);
  const fact = (value: boolean): PredicateValue => ({ predicate: subject, subject, value });
  return {
    entering: { kind: 'fact', set: [fact(true)], span },
    passed: { kind: 'fact', forget: [subject], set: [fact(false)], span },
  };
}

/**
 * `return A && B;` (any expression whose value is a boolean, or one whose truthiness a session
 * key decides: `return $_SESSION['rights'] & $flag;`): lowered as a condition, its
 * true outcomes reach the unit's truthy exit and its false ones the falsy exit, so a caller's
 * `if (Handler::isEnabled())` knows on its true branch what `A` and `B` proved (facts about
 * static properties, session tests). The facts its leaves prove about static properties are
 * kept even when the unit tests them once: they are what the caller learns from the result.
 */
function lowerBooleanReturn(ctx: UnitContext, value: SyntaxNode, cursor: Cursor): Cursor {
  ctx.inBooleanReturn++;
  let branches: { whenTrue: Cursor; whenFalse: Cursor };
  try {
    branches = lowerCondition(ctx, value, cursor);
  } finally {
    ctx.inBooleanReturn--;
  }
  jumpOut(ctx, branches.whenTrue, 'return', 1, 'true');
  jumpOut(ctx, branches.whenFalse, 'return', 1, 'false');
  return [];
}

/**
 * How a caller's `if (f())` reads a returned value, when the text alone tells: a bare `return;`
 * gives null, falsy like `false`; a literal by PHP's truthiness (`0`, `''`, `null` are false);
 * an array literal is true when it has an element (`return ['flood' => true]`).
 */
function returnedTruth(value: SyntaxNode | undefined): 'true' | 'false' | 'other' {
  if (!value) return 'false';
  const truth = literalTruth(value);
  return truth === undefined ? 'other' : truth ? 'true' : 'false';
}

function lowerListed(ctx: UnitContext, node: SyntaxNode, cursor: Cursor): Cursor {
  const scope = ctx.facts.statementScopes.get(node.id);
  if (scope) ctx.names = scope;
  if (node.type === 'named_label_statement') return lowerLabel(ctx, node, cursor);
  // Code after `return` is dead, but a label inside it can still be jumped to.
  if (cursor.length === 0) return cursor;
  return lowerStatement(ctx, node, cursor);
}

export function lowerStatement(ctx: UnitContext, node: SyntaxNode, cursor: Cursor): Cursor {
  if (cursor.length === 0 || DECLARATIONS.has(node.type)) return cursor;
  if (ctx.tooDeep(node)) return cursor;
  ctx.depth++;
  try {
    return lowerStatementInner(ctx, node, cursor);
  } finally {
    ctx.depth--;
  }
}

function lowerStatementInner(ctx: UnitContext, node: SyntaxNode, cursor: Cursor): Cursor {
  switch (node.type) {
    case 'compound_statement':
    case 'program':
      return lowerStatements(ctx, named(node), cursor);
    case 'ERROR':
      return lowerBrokenStatements(ctx, statementsBeforeBrokenDeclaration(node), cursor);
    case 'namespace_definition': {
      const body = node.childForFieldName('body');
      return body ? lowerStatements(ctx, named(body), cursor) : cursor;
    }
    case 'expression_statement':
      return lowerStatements(ctx, named(node), cursor);
    case 'if_statement':
      return lowerIf(ctx, node, cursor);
    case 'while_statement':
      return lowerWhile(ctx, node, cursor);
    case 'do_statement':
      return lowerDo(ctx, node, cursor);
    case 'for_statement':
      return lowerFor(ctx, node, cursor);
    case 'foreach_statement':
      return lowerForeach(ctx, node, cursor);
    case 'switch_statement':
      return lowerSwitch(ctx, node, cursor);
    case 'try_statement':
      return lowerTry(ctx, node, cursor);
    case 'return_statement': {
      const returned = named(node)[0];
      if (returned && (isBooleanValued(returned) || truthinessNeedsSessionKey(ctx, returned))) return lowerBooleanReturn(ctx, returned, cursor);
      const after = lowerChildExpressions(ctx, node, cursor);
      const value = returned;
      const literal = returnedTruth(value);
      jumpOut(ctx, after, 'return', 1, literal);
      return [];
    }
    case 'break_statement':
    case 'continue_statement': {
      const level = named(node).find((c) => c.type === 'integer');
      jumpOut(ctx, cursor, node.type === 'break_statement' ? 'break' : 'continue', level ? Number(level.text) : 1);
      return [];
    }
    case 'echo_statement': {
      const after = lowerChildExpressions(ctx, node, cursor);
      if (ctx.capturedOutput > 0) return after;
      return ctx.emit(after, { kind: 'output', flush: false, callee: 'echo', ...(sendsReadData(ctx, node) ? { sendsReadData: true as const } : {}), span: ctx.span(node) });
    }
    case 'text_interpolation':
      return lowerInlineHtml(ctx, node, cursor);
    case 'text':
      if (ctx.capturedOutput > 0) return cursor;
      return ctx.emit(cursor, { kind: 'output', flush: false, callee: 'inline HTML', span: ctx.span(node) });
    case 'unset_statement':
      return lowerUnset(ctx, node, cursor);
    case 'goto_statement': {
      const label = named(node)[0]?.text ?? '';
      const target = ctx.labels.get(label);
      if (target !== undefined) ctx.builder.connect(cursor, target);
      else ctx.pendingGotos.set(label, [...ctx.builder.join(ctx.pendingGotos.get(label) ?? [], cursor)]);
      return [];
    }
    default:
      return lowerExpression(ctx, node, cursor);
  }
}

/**
 * The statements of code that did not parse. Its structure is not known: an `exit` or a
 * `return` there may sit in a branch whose `if` was lost (valid PHP the grammar misreads, such
 * as `"$row[as]"` in a compiled single-file application), so a jump there ends some paths
 * only and the statements after it still run on the others. The same holds in a block after
 * its first statement that did not parse (`lowerStatements`).
 */
export function lowerBrokenStatements(ctx: UnitContext, nodes: readonly SyntaxNode[], cursor: Cursor): Cursor {
  let next = cursor;
  for (const node of nodes) {
    const after = lowerListed(ctx, node, next);
    next = after.length === 0 ? next : after;
  }
  return next;
}

/**
 * The statements of an ERROR node up to a broken `function` or `class` declaration: what
 * follows is most likely that declaration's body (an unclosed `{`), not top-level code,
 * and analysing it as top-level code would report findings that vanish once it is fixed.
 */
export function statementsBeforeBrokenDeclaration(node: SyntaxNode): SyntaxNode[] {
  const kept: SyntaxNode[] = [];
  for (const child of node.children) {
    if (!child) continue;
    if (!child.isNamed && (child.type === 'function' || child.type === 'class' || child.type === 'fn')) break;
    if (child.type === 'formal_parameters') break;
    if (child.isNamed && child.type !== 'comment') kept.push(child);
  }
  return kept;
}

function lowerChildExpressions(ctx: UnitContext, node: SyntaxNode, cursor: Cursor): Cursor {
  let next = cursor;
  for (const child of named(node)) next = lowerExpression(ctx, child, next);
  return next;
}

function lowerLabel(ctx: UnitContext, node: SyntaxNode, cursor: Cursor): Cursor {
  const label = named(node)[0]?.text ?? '';
  const target = ctx.builder.newNode();
  ctx.builder.connect(cursor, target.id);
  ctx.builder.connect(ctx.pendingGotos.get(label) ?? [], target.id);
  ctx.pendingGotos.delete(label);
  ctx.labels.set(label, target.id);
  return [{ from: target.id }];
}

/** Text outside `<?php … ?>` is output, except the one newline PHP swallows after `?>`. */
function lowerInlineHtml(ctx: UnitContext, node: SyntaxNode, cursor: Cursor): Cursor {
  let next = cursor;
  for (const child of named(node)) {
    if (child.type !== 'text') continue;
    const content = child.text;
    const swallowed = content.startsWith('\r\n') ? 2 : content.startsWith('\n') ? 1 : 0;
    if (content.length > swallowed && ctx.capturedOutput === 0) {
      next = ctx.emit(next, { kind: 'output', flush: false, callee: 'inline HTML', span: ctx.span(child) });
    }
  }
  return next;
}

function lowerUnset(ctx: UnitContext, node: SyntaxNode, cursor: Cursor): Cursor {
  let next = cursor;
  for (const target of named(node)) {
    const root = sessionRoot(target, ctx.catalog.sessionVariable);
    const whole = target.type === 'variable_name';
    next = root
      ? whole
        ? emitSessionEmptied(ctx, ctx.emit(next, { ...writeEffect(ctx, target, undefined), clearsAll: true }), target)
        : emitSessionUnsetFacts(ctx, target, ctx.emit(next, { ...writeEffect(ctx, target, root.key), removes: true }))
      : lowerExpression(ctx, target, next);
  }
  return next;
}

/** `elseIf`: the `if` of an `else if` (two words), reached only when the one before it was false. */
function lowerIf(ctx: UnitContext, node: SyntaxNode, cursor: Cursor, elseIf = false): Cursor {
  const condition = node.childForFieldName('condition');
  const body = node.childForFieldName('body');
  if (!condition) return body ? lowerStatement(ctx, body, cursor) : cursor;
  // Reached on a branch of an enclosing statement (`else { if (…) … }`): that branch's note stays
  // on an edge of its own, so the paths through this `if` still say they took it.
  const entered = elseIf ? cursor : ctx.builder.settle(cursor);
  const branches = describeBranches(ctx, condition, lowerLoopControl(ctx, ifLeavesLoop(ctx, body), () => lowerCondition(ctx, condition, entered)), elseIf);
  const results: Cursor[] = [];
  results.push(body ? lowerOnceBody(ctx, condition, body, branches.whenTrue) : branches.whenTrue);
  let otherwise = branches.whenFalse;
  let hasElse = false;
  for (const alternative of node.childrenForFieldName('alternative')) {
    if (!alternative) continue;
    if (alternative.type === 'else_if_clause') {
      const elseifCondition = alternative.childForFieldName('condition');
      const elseifBody = alternative.childForFieldName('body');
      if (!elseifCondition) continue;
      const inner = describeBranches(ctx, elseifCondition, lowerCondition(ctx, elseifCondition, otherwise), true);
      results.push(elseifBody ? lowerElseIfBody(ctx, elseifCondition, elseifBody, inner.whenTrue) : inner.whenTrue);
      otherwise = inner.whenFalse;
    } else if (alternative.type === 'else_clause') {
      hasElse = true;
      const elseBody = alternative.childForFieldName('body');
      // `else if (…)` is an `elseif` written in two words: its notes join this one's.
      if (elseBody?.type === 'if_statement') results.push(lowerIf(ctx, elseBody, otherwise, true));
      else results.push(elseBody ? lowerBranchBody(ctx, elseBody, otherwise) : otherwise);
    }
  }
  if (!hasElse) results.push(otherwise);
  const end = ctx.builder.join(...results);
  return elseIf ? end : ctx.builder.settle(end);
}

/**
 * The body of an `if`, marked as one-time initialisation when its condition and body say so,
 * and as configured work when its condition reads only configuration (the outermost such `if`
 * names the setting).
 */
function lowerOnceBody(ctx: UnitContext, condition: SyntaxNode, body: SyntaxNode, cursor: Cursor): Cursor {
  const outer = ctx.builder.currentOnce;
  const outerSetting = ctx.builder.currentSetting;
  const outerUrl = ctx.builder.currentUrlParameter;
  const outerFailure = ctx.builder.currentFailureBranch;
  const outerError = ctx.builder.currentErrorPath;
  ctx.builder.currentOnce ??= onceGuardOfIf(ctx, condition, body);
  ctx.builder.currentSetting ??= settingGuardOf(ctx, condition);
  ctx.builder.currentUrlParameter ??= urlTestedParameter(ctx, condition);
  ctx.builder.currentFailureBranch ||= isFailedCallTest(ctx, condition);
  if (!ctx.builder.currentErrorPath) {
    const failedCall = failedErrorOnlyCall(ctx, condition);
    const reportedBy = failedCall === undefined ? reportedErrorCall(ctx, condition) : undefined;
    if (failedCall !== undefined) ctx.builder.currentErrorPath = { failedCall };
    else if (reportedBy !== undefined) ctx.builder.currentErrorPath = { reportedBy };
  }
  try {
    return lowerBranchBody(ctx, body, cursor);
  } finally {
    ctx.builder.currentErrorPath = outerError;
    ctx.builder.currentOnce = outer;
    ctx.builder.currentSetting = outerSetting;
    ctx.builder.currentUrlParameter = outerUrl;
    ctx.builder.currentFailureBranch = outerFailure;
  }
}

/** The body of an `elseif`: configured work when its own condition reads only configuration. */
function lowerElseIfBody(ctx: UnitContext, condition: SyntaxNode, body: SyntaxNode, cursor: Cursor): Cursor {
  const outerSetting = ctx.builder.currentSetting;
  const outerUrl = ctx.builder.currentUrlParameter;
  ctx.builder.currentSetting ??= settingGuardOf(ctx, condition);
  ctx.builder.currentUrlParameter ??= urlTestedParameter(ctx, condition);
  try {
    return lowerBranchBody(ctx, body, cursor);
  } finally {
    ctx.builder.currentSetting = outerSetting;
    ctx.builder.currentUrlParameter = outerUrl;
  }
}

/** A branch body; the alternative syntax `if (…): … endif;` gives a `colon_block`. */
function lowerBranchBody(ctx: UnitContext, body: SyntaxNode, cursor: Cursor): Cursor {
  return body.type === 'colon_block' ? lowerStatements(ctx, named(body), cursor) : lowerStatement(ctx, body, cursor);
}

function isTrueLiteral(node: SyntaxNode | null | undefined): boolean {
  if (!node) return false;
  if (node.type === 'parenthesized_expression') return isTrueLiteral(node.namedChild(0));
  const text = node.text.toLowerCase();
  return (node.type === 'boolean' && text === 'true') || (node.type === 'integer' && text !== '0');
}

/** Lowers a condition that decides whether a loop goes on (when `decides`): `ctx.loopControl`. */
function lowerLoopControl<T>(ctx: UnitContext, decides: boolean, lower: () => T): T {
  if (!decides) return lower();
  ctx.loopControl++;
  try {
    return lower();
  } finally {
    ctx.loopControl--;
  }
}

/** The loop's header, up to the end of its condition: findings point here, not at the body. */
function headerSpan(ctx: UnitContext, node: SyntaxNode, body: SyntaxNode | null): Span {
  const end = body ? body.startIndex : node.endIndex;
  let trimmed = end;
  const text = node.text;
  // Stop before the whitespace (and the `:` of `while (…):`) that separates header and body.
  while (trimmed > node.startIndex && ' \t\r\n:'.includes(text[trimmed - 1 - node.startIndex] ?? 'x')) trimmed--;
  return { file: ctx.facts.file, start: node.startIndex, end: trimmed };
}

interface LoopScope {
  readonly frame: Extract<JumpFrame, { kind: 'loop' }>;
  /** Every iteration starts here. */
  readonly header: number;
  readonly outerLoop: number | undefined;
}

function enterLoop(ctx: UnitContext, kind: LoopKind, header: Span, infinite: boolean, node: SyntaxNode): LoopScope {
  const condition = node.type === 'while_statement' || node.type === 'do_statement' ? node.childForFieldName('condition') : null;
  const repeatsOnFailureOf = condition ? failedErrorOnlyCall(ctx, condition) : undefined;
  const loop = ctx.builder.addLoop(kind, header, infinite, loopBound(ctx, node), repeatsOnFailureOf);
  const frame = { kind: 'loop' as const, breaks: [] as PendingEdge[], continues: [] as PendingEdge[] };
  ctx.jumps.push(frame);
  return { frame, header: loop.headerNode, outerLoop: loop.outer };
}

function leaveLoop(ctx: UnitContext, scope: LoopScope): void {
  ctx.jumps.pop();
  ctx.builder.currentLoop = scope.outerLoop;
}

function lowerWhile(ctx: UnitContext, node: SyntaxNode, cursor: Cursor): Cursor {
  const condition = node.childForFieldName('condition');
  const body = node.childForFieldName('body');
  const scope = enterLoop(ctx, 'while', headerSpan(ctx, node, body), isTrueLiteral(condition), node);
  ctx.builder.connect(cursor, scope.header);
  const start: Cursor = [{ from: scope.header }];
  const branches = condition ? lowerLoopControl(ctx, conditionWaitsOnClock(ctx, node), () => lowerCondition(ctx, condition, start)) : { whenTrue: start, whenFalse: [] };
  const exits = isTrueLiteral(condition) ? [] : branches.whenFalse;
  const bodyEnd = body ? lowerBranchBody(ctx, body, branches.whenTrue) : branches.whenTrue;
  ctx.builder.connect(ctx.builder.join(bodyEnd, scope.frame.continues), scope.header);
  leaveLoop(ctx, scope);
  return ctx.builder.join(exits, scope.frame.breaks);
}

function lowerDo(ctx: UnitContext, node: SyntaxNode, cursor: Cursor): Cursor {
  const condition = node.childForFieldName('condition');
  const body = node.childForFieldName('body');
  const whileKeyword = node.children.find((c) => c?.type === 'while');
  const headerStart = whileKeyword?.startIndex ?? condition?.startIndex ?? node.startIndex;
  const header: Span = { file: ctx.facts.file, start: headerStart, end: condition?.endIndex ?? node.endIndex };
  const scope = enterLoop(ctx, 'do', header, isTrueLiteral(condition), node);
  ctx.builder.connect(cursor, scope.header);
  const top: Cursor = [{ from: scope.header }];
  const bodyEnd = body ? lowerStatement(ctx, body, top) : top;
  const beforeCondition = ctx.builder.join(bodyEnd, scope.frame.continues);
  const branches = condition
    ? lowerLoopControl(ctx, conditionWaitsOnClock(ctx, node), () => lowerCondition(ctx, condition, beforeCondition))
    : { whenTrue: beforeCondition, whenFalse: [] };
  ctx.builder.connect(branches.whenTrue, scope.header);
  leaveLoop(ctx, scope);
  return ctx.builder.join(isTrueLiteral(condition) ? [] : branches.whenFalse, scope.frame.breaks);
}

function lowerFor(ctx: UnitContext, node: SyntaxNode, cursor: Cursor): Cursor {
  const body = node.childForFieldName('body');
  let next = cursor;
  for (const init of node.childrenForFieldName('initialize')) if (init) next = lowerExpression(ctx, init, next);
  const conditions = node.childrenForFieldName('condition').filter((c): c is SyntaxNode => c !== null);
  const condition = conditions[conditions.length - 1];
  const infinite = condition === undefined || isTrueLiteral(condition);
  const scope = enterLoop(ctx, 'for', headerSpan(ctx, node, body), infinite, node);
  ctx.builder.connect(next, scope.header);
  let atCondition: Cursor = [{ from: scope.header }];
  for (const extra of conditions.slice(0, -1)) atCondition = lowerExpression(ctx, extra, atCondition);
  const branches = condition ? lowerLoopControl(ctx, conditionWaitsOnClock(ctx, node), () => lowerCondition(ctx, condition, atCondition)) : { whenTrue: atCondition, whenFalse: [] };
  const bodyEnd = body ? lowerBranchBody(ctx, body, branches.whenTrue) : branches.whenTrue;
  let update: Cursor = ctx.builder.join(bodyEnd, scope.frame.continues);
  for (const step of node.childrenForFieldName('update')) if (step) update = lowerExpression(ctx, step, update);
  ctx.builder.connect(update, scope.header);
  leaveLoop(ctx, scope);
  return ctx.builder.join(infinite ? [] : branches.whenFalse, scope.frame.breaks);
}

function lowerForeach(ctx: UnitContext, node: SyntaxNode, cursor: Cursor): Cursor {
  const body = node.childForFieldName('body');
  const parts = named(node).filter((c) => c !== body);
  const subject = parts[0];
  const binding = parts[1];
  let next = subject ? lowerExpression(ctx, subject, cursor) : cursor;
  const byReference = binding?.type === 'by_ref' || binding?.namedChildren.some((c) => c?.type === 'by_ref');
  const root = subject ? sessionRoot(subject, ctx.catalog.sessionVariable) : undefined;
  // `foreach ($_SESSION['cart'] as &$item)` can change every element.
  if (subject && root && byReference) next = ctx.emit(next, writeEffect(ctx, subject, root.key));
  const scope = enterLoop(ctx, 'foreach', headerSpan(ctx, node, body), false, node);
  ctx.builder.connect(next, scope.header);
  const start: Cursor = [{ from: scope.header }];
  const bodyEnd = body ? lowerBranchBody(ctx, body, start) : start;
  ctx.builder.connect(ctx.builder.join(bodyEnd, scope.frame.continues), scope.header);
  leaveLoop(ctx, scope);
  return ctx.builder.join(start, scope.frame.breaks);
}

function lowerSwitch(ctx: UnitContext, node: SyntaxNode, cursor: Cursor): Cursor {
  const condition = node.childForFieldName('condition');
  const block = node.childForFieldName('body');
  const dispatch = condition ? lowerExpression(ctx, condition, cursor) : cursor;
  // `switch` is a loop level for `break n` and `continue n`, but adds no loop.
  const frame = { kind: 'loop' as const, breaks: [] as PendingEdge[], continues: [] as PendingEdge[] };
  ctx.jumps.push(frame);
  let fallthrough: Cursor = [];
  let hasDefault = false;
  const impliedStates = new Set<string>();
  let everyCaseImplies = true;
  const arms = (block ? named(block) : []).filter((arm) => arm.type === 'case_statement' || arm.type === 'default_statement');
  const entered = constructedCases(ctx, condition, arms);
  // `switch ($text)` over a remembered subject: each arm entered knows which case matched.
  const caseFacts = switchArmFacts(ctx, node);
  const withFacts = (from: Cursor, facts: ArmFacts | undefined, at: SyntaxNode): Cursor =>
    facts && (facts.set.length > 0 || facts.checks.length > 0)
      ? ctx.emit(from, {
          kind: 'fact',
          ...(facts.set.length > 0 ? { set: [...facts.set] } : {}),
          ...(facts.checks.length > 0 ? { checks: [...facts.checks] } : {}),
          span: ctx.span(at),
        })
      : from;
  for (const arm of arms) {
    if (arm.type === 'default_statement') hasDefault = true;
    const value = arm.childForFieldName('value');
    const statements = named(arm).filter((c) => c !== value);
    // A case no value of the subject matches is reached only by falling into it.
    if (entered && !entered.has(arm)) {
      fallthrough = lowerStatements(ctx, statements, fallthrough);
      continue;
    }
    // `switch (session_status())`: entering `case PHP_SESSION_ACTIVE:` proves it open.
    const implied = arm.type === 'case_statement' ? statusCaseState(ctx, condition, value) : undefined;
    if (arm.type === 'case_statement') {
      if (implied) impliedStates.add(implied);
      else everyCaseImplies = false;
    }
    const matched = withFacts(dispatch, arm.type === 'case_statement' ? caseFacts.byArm.get(arm.id) : caseFacts.unmatched, arm);
    const entry = implied
      ? ctx.emit(matched, { kind: 'assume', resource: ctx.catalog.sessionResource, state: implied, span: ctx.span(arm) })
      : matched;
    fallthrough = lowerStatements(ctx, statements, ctx.builder.join(entry, fallthrough));
  }
  ctx.jumps.pop();
  let unmatched: Cursor = hasDefault || entered?.has('unmatched') === false ? [] : withFacts(dispatch, caseFacts.unmatched, node);
  // No case matched `session_status()`: it is in the state no case named.
  if (unmatched.length > 0 && everyCaseImplies && impliedStates.size === 1) {
    const other = impliedStates.has('open') ? 'closed' : 'open';
    unmatched = ctx.emit(unmatched, { kind: 'assume', resource: ctx.catalog.sessionResource, state: other, span: ctx.span(node) });
  }
  return ctx.builder.join(fallthrough, frame.breaks, frame.continues, unmatched);
}

/**
 * `switch ($this->options['download_via_php'])` where the project fixes the value
 * (`constructed-tests.ts`): the arms the dispatch can enter, and `'unmatched'` when some value
 * matches no case (then `default`, or past the switch). Undefined when it cannot tell.
 */
function constructedCases(ctx: UnitContext, condition: SyntaxNode | null, arms: readonly SyntaxNode[]): Set<SyntaxNode | 'unmatched'> | undefined {
  const values = condition ? constructedValuesOf(ctx, condition) : undefined;
  if (!values || values.length === 0) return undefined;
  const entered = new Set<SyntaxNode | 'unmatched'>();
  for (const value of values) {
    let matched = false;
    for (const arm of arms) {
      if (arm.type !== 'case_statement') continue;
      const literal = literalOf(arm.childForFieldName('value'));
      const match = literal === undefined ? undefined : caseMatches([value], literal);
      if (match === undefined) return undefined;
      // PHP enters the first case that matches.
      if (match) {
        entered.add(arm);
        matched = true;
        break;
      }
    }
    if (!matched) entered.add('unmatched');
  }
  if (entered.has('unmatched')) for (const arm of arms) if (arm.type === 'default_statement') entered.add(arm);
  return entered;
}

function lowerTry(ctx: UnitContext, node: SyntaxNode, cursor: Cursor): Cursor {
  const body = node.childForFieldName('body');
  const catches = named(node).filter((c) => c.type === 'catch_clause');
  const finallyClause = named(node).find((c) => c.type === 'finally_clause');
  const finallyBody = finallyClause?.childForFieldName('body') ?? (finallyClause ? named(finallyClause)[0] : undefined);

  const finallyFrame: JumpFrame | undefined = finallyBody
    ? { kind: 'finally', body: finallyBody, loop: ctx.builder.currentLoop }
    : undefined;
  if (finallyFrame) ctx.jumps.push(finallyFrame);
  const dispatch = catches.length > 0 ? ctx.builder.newNode().id : undefined;
  if (dispatch !== undefined) ctx.jumps.push({ kind: 'catch', dispatch });

  // Exceptions come from the effects in the body (each has an edge to the handler, with
  // the state after it); none can come before the first one has run.
  const entry = ctx.builder.emit(cursor);
  const results: Cursor[] = [body ? lowerStatement(ctx, body, entry.cursor) : entry.cursor];

  if (dispatch !== undefined) {
    ctx.jumps.pop();
    for (const clause of catches) {
      const clauseBody = clause.childForFieldName('body');
      const caught = CfgBuilder.withNote([{ from: dispatch }], `an exception is caught (line ${ctx.line(clause)})`);
      // Runs only when something in the `try` failed: an error path (as in the TypeScript lowering).
      const outer = ctx.builder.currentErrorPath;
      ctx.builder.currentErrorPath = true;
      try {
        results.push(clauseBody ? lowerStatement(ctx, clauseBody, caught) : caught);
      } finally {
        ctx.builder.currentErrorPath = outer;
      }
    }
    // An exception no clause matches goes on outwards.
    ctx.rethrow([{ from: dispatch }], ctx.jumps.length);
  }
  const joined = ctx.builder.join(...results);
  if (finallyFrame) {
    ctx.jumps.pop();
    return finallyBody ? lowerStatement(ctx, finallyBody, joined) : joined;
  }
  return joined;
}

