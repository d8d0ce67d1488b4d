import type { SyntaxNode } from '../../parse/php';
import type { StaticString } from '../../ir/static-string';
import type { UnitContext } from './context';
import { evaluateStatic, resolveConstants } from './static-string';

/**
 * Whether a command line runs only short local utilities (`Catalog.shortLocalCommands`):
 * `uname -a`, `cat /proc/loadavg`, `'groups ' . $user . ' | cut -f3 -d" "'`, and programs
 * whose written first argument makes them one (`git rev-parse HEAD`: an entry `git rev-parse`). Each program of
 * the line (the first word of every part between `|`, `;`, `&`, `&&`, `||` and newlines,
 * after `NAME=value` assignments) must be written in the code and be one of them; a value the
 * code computes is an argument of the program before it, never a program itself. A program
 * that is computed, a subshell (`$(…)`, backticks, parentheses) or an empty line is not known:
 * the command stays slow work.
 */
export function runsOnlyShortLocalCommands(ctx: UnitContext, node: SyntaxNode | undefined): boolean {
  const known = ctx.catalog.shortLocalCommands ?? [];
  if (!node || known.length === 0) return false;
  const programs = programsOf(commandText(ctx, node));
  return (
    programs !== undefined &&
    programs.length > 0 &&
    programs.every(({ program, subcommand }) => known.includes(program) || (subcommand !== undefined && known.includes(`${program} ${subcommand}`)))
  );
}

/** A program of a command line, and its first argument when the code writes it (`git rev-parse`). */
interface ProgramRun {
  readonly program: string;
  readonly subcommand?: string;
}

/** The command line as literal text and unknown parts; a variable assigned once is its value. */
function commandText(ctx: UnitContext, node: SyntaxNode): StaticString {
  const value = node.type === 'argument' ? (node.namedChildren.find((c) => c?.type !== 'name') ?? node.namedChild(0)) : node;
  if (!value) return [{ unknown: true }];
  if (value.type === 'variable_name') {
    const assigned = ctx.singleAssignments.get(value.text);
    return assigned ? commandText(ctx, assigned) : [{ unknown: true }];
  }
  if (value.type === 'shell_command_expression') {
    return value.namedChildren.map((part) => (part?.type === 'string_content' ? { text: part.text } : { unknown: true as const }));
  }
  return resolveConstants(evaluateStatic(value, ctx.facts.file), (name) => ctx.facts.symbols.constant(name));
}

/**
 * The programs a command line runs, lower-case and without their directory (`/usr/bin/uname`
 * is `uname`), each with its first argument when that is written in the code, or undefined
 * when one of the programs cannot be known.
 */
function programsOf(line: StaticString): ProgramRun[] | undefined {
  const programs: ProgramRun[] = [];
  let word = '';
  let wordUnknown = false;
  /** Reading the program of the current part (true), or its arguments (false). */
  let atProgram = true;
  /** Reading the first argument of the current part's program. */
  let atFirstArgument = false;
  /** Part of the current word was quoted: not a plain subcommand name. */
  let wordQuoted = false;
  let quote: '"' | "'" | undefined;
  let previous = '';
  const endWord = (): boolean => {
    if (atProgram && (word !== '' || wordUnknown)) {
      if (wordUnknown) return false;
      // `LC_ALL=C uname`: an assignment before the program.
      if (!word.includes('=')) {
        const slash = word.lastIndexOf('/');
        programs.push({ program: word.slice(slash + 1).toLowerCase() });
        atProgram = false;
        atFirstArgument = true;
      }
    } else if (atFirstArgument && (word !== '' || wordUnknown || wordQuoted)) {
      const last = programs[programs.length - 1]!;
      if (!wordUnknown && !wordQuoted) programs[programs.length - 1] = { ...last, subcommand: word };
      atFirstArgument = false;
    }
    word = '';
    wordUnknown = false;
    wordQuoted = false;
    return true;
  };
  for (const part of line) {
    if (!('text' in part)) {
      // A computed value where a program is expected: the line runs what the data says.
      if (atProgram && quote === undefined) wordUnknown = true;
      else if (atProgram) return undefined;
      else if (atFirstArgument) wordUnknown = true;
      continue;
    }
    for (const ch of part.text) {
      if (quote !== undefined) {
        if (ch === quote) quote = undefined;
        else if (atProgram) return undefined;
        previous = ch;
        continue;
      }
      if (ch === '$' || ch === '`' || ch === '(' || ch === ')') {
        // `$(…)` or backticks run another command; `$VAR` may name the program.
        if (ch !== '$' || atProgram) return undefined;
      }
      if (ch === '"' || ch === "'") {
        if (atProgram) return undefined;
        quote = ch;
        wordQuoted = true;
      } else if (ch === '|' || ch === ';' || ch === '\n' || (ch === '&' && previous !== '>' && previous !== '<')) {
        if (!endWord()) return undefined;
        atProgram = true;
        atFirstArgument = false;
      } else if (ch === ' ' || ch === '\t') {
        if (!endWord()) return undefined;
      } else {
        word += ch;
      }
      previous = ch;
    }
  }
  if (quote !== undefined || !endWord()) return undefined;
  return programs;
}
