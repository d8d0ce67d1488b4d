import type { CommandLineRoutine, TopLevelCall } from '../../ir/unit';
import type { Span } from '../../model/span';
import type { SyntaxNode } from '../../parse/php';
import { callUnlessCli, endsUnlessCli, topLevelStatements, unwrap } from './execution-context';

/**
 * Functions and methods that end the script unless PHP runs from the command line, read from
 * their bodies (issue 9, cause 2: MediaWiki's `MaintenanceRunner::init()` begins with
 * `if (PHP_SAPI !== 'cli' …) { $this->fatalError(…); }`, and `fatalError()` exits). A script
 * whose top level calls one (`$runner->init($maintClass);`) runs only from the command line from
 * there on, and so does the rest of the function's own body.
 *
 * The check is a statement of the body's own top level (so it dominates what follows) with no
 * `return` before it (a return before the check leaves the function on web requests too). Its
 * branch ends with `exit`/`die`/`throw` (`returnEnds` false: a `return` there goes back to the
 * caller), or with a call, which ends the script when the flow sees it never return
 * (`CommandLineRoutine.call`). Only declarations at the file's top level and methods of its
 * classes are read: a cheap walk, no deeper than the declarations pass.
 */
export function commandLineRoutines(root: SyntaxNode, file: string): CommandLineRoutine[] {
  const span = (node: SyntaxNode): Span => ({ file, start: node.startIndex, end: node.endIndex });
  const found: CommandLineRoutine[] = [];
  for (const routine of routines(root)) {
    const body = routine.childForFieldName('body');
    if (body?.type !== 'compound_statement') continue;
    for (const statement of body.namedChildren) {
      if (!statement || statement.type === 'comment') continue;
      if (endsUnlessCli(statement, false)) {
        found.push({ routine: span(routine), check: span(statement) });
        break;
      }
      const call = callUnlessCli(statement);
      if (call) {
        found.push({ routine: span(routine), check: span(statement), call: span(call) });
        break;
      }
      if (returnsIn(statement)) break;
    }
  }
  return found;
}

/**
 * The top level's statements that are a call of a function or method (`$runner->init($x);`,
 * `$ok = $runner->run();`): one that never returns off the command line makes the rest of the
 * script command-line only.
 */
export function topLevelCalls(root: SyntaxNode, file: string): TopLevelCall[] {
  const found: TopLevelCall[] = [];
  for (const statement of topLevelStatements(root)) {
    if (statement.type !== 'expression_statement') continue;
    let expression = unwrap(statement.namedChild(0));
    if (expression?.type === 'assignment_expression') expression = unwrap(expression.childForFieldName('right'));
    if (expression && CALLS.has(expression.type)) found.push({ file, start: expression.startIndex, end: expression.endIndex });
  }
  return found;
}

const CALLS = new Set(['function_call_expression', 'member_call_expression', 'scoped_call_expression', 'nullsafe_member_call_expression']);

/** Function declarations of the top level and methods of its classes (namespace blocks included). */
function routines(root: SyntaxNode): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  for (const statement of topLevelStatements(root)) {
    if (statement.type === 'function_definition') found.push(statement);
    if (statement.type !== 'class_declaration' && statement.type !== 'trait_declaration') continue;
    for (const member of statement.childForFieldName('body')?.namedChildren ?? []) {
      if (member?.type === 'method_declaration') found.push(member);
    }
  }
  return found;
}

/** Whether a statement may return from the function (a `return` outside nested functions and classes). */
function returnsIn(statement: SyntaxNode): boolean {
  const stack: SyntaxNode[] = [statement];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'return_statement') return true;
    if (NESTED.has(node.type)) continue;
    for (const child of node.namedChildren) if (child) stack.push(child);
  }
  return false;
}

const NESTED = new Set(['function_definition', 'anonymous_function', 'anonymous_function_creation_expression', 'arrow_function', 'class_declaration', 'anonymous_class']);
