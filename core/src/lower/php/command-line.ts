import type { SyntaxNode } from '../../parse/php';
import type { CommandArgument, SlowEffect } from '../../ir/effects';
import type { StaticString } from '../../ir/static-string';
import type { Span } from '../../model/span';
import type { UnitContext } from './context';
import { commandTexts } from './command-text';
import { pathParameterOf } from './static-path';

/**
 * What a command line costs, judged by the programs it runs (`Catalog.commands`): each part
 * of the line (between `|`, `;`, `&`, `&&`, `||` and newlines) runs one program, the first word
 * after `NAME=value` assignments and wrappers such as `sudo` or `nice`, with its arguments.
 *
 * - `short`: every program is one of the catalog's short local ones (`uname -a`, `df /`,
 *   `git rev-parse HEAD | cut -b 1-8`), is only asked for its version or usage
 *   (`tar --version`, `dot -V`), or runs in the background with its output sent elsewhere
 *   (`php job.php > /dev/null &`: the call returns at once).
 * - `slow`: a program is known to take time (`sox`, `curl`, `git pull`, `mysqldump`): slow
 *   work, reported at `warning`.
 * - `unknown`: a program the code computes (`exec($tool . ' ' . $args)`), one the catalog does
 *   not list, a subshell, or a line the analysis cannot read: slow work reported at `info`
 *   (precision first: most commands an application runs are local and short, and the
 *   catalog names the ones that are not).
 *
 * When the line has several possible values (`$a ? 'x' : 'y'`), the costliest counts.
 */
export type CommandCost =
  | { readonly cost: 'short' }
  | { readonly cost: 'slow'; readonly program: string }
  | { readonly cost: 'unknown'; readonly program?: string };

/**
 * The slow work a command line is (`callee` runs it), or undefined when it is short: known
 * slow programs are named in the message, and a line the analysis cannot judge is `unjudged`.
 */
export function commandSlowEffect(
  ctx: UnitContext,
  node: SyntaxNode | undefined,
  callee: string,
  span: Span,
  /** Whether the script streams the process's output to the client as it comes (`streamed-process.ts`). */
  streamed?: () => boolean,
): SlowEffect | undefined {
  const judged = judgeCommand(ctx, node);
  if (judged.cost === 'short') return undefined;
  if (judged.cost === 'slow') return { kind: 'slow', slowKind: 'process', callee, detail: `running \`${judged.program}\``, span };
  // The code says the program runs long, whatever it is: it relays its output live.
  if (streamed?.()) {
    const program = judged.program !== undefined ? `\`${judged.program}\`` : 'a command';
    return { kind: 'slow', slowKind: 'process', callee, detail: `running ${program}, whose output the script streams to the client as it comes (it expects the program to take time)`, span };
  }
  const detail = judged.program !== undefined ? `running \`${judged.program}\` (a program not known to take time)` : 'running a command the analysis cannot read';
  // The line starts with the unit's own parameter (`exec($cmd)`, `exec($cmd . ' 2>&1')`): a
  // caller that writes the command decides (`commandArguments`).
  const parameter = judged.program === undefined ? pathParameterOf(ctx, node) : undefined;
  return { kind: 'slow', slowKind: 'process', callee, detail, unjudged: true, ...(parameter !== undefined ? { commandParameter: parameter } : {}), span };
}

/**
 * What each argument of a call to project code costs as a command line, for a callee that runs
 * its parameter (`safe_exec('tail -n 50 ' . $log)`): only arguments written as strings whose
 * programs the catalog names (short or slow), and the caller's own parameters passed on.
 */
export function commandArguments(ctx: UnitContext, args: readonly SyntaxNode[]): CommandArgument[] {
  const result: CommandArgument[] = [];
  args.forEach((arg, index) => {
    // A named argument (`f(cmd: $x)`) or a spread may not be at its position.
    if (arg.type !== 'argument' || arg.namedChildren.some((c) => c?.type === 'name') || arg.text.startsWith('...')) return;
    const value = arg.namedChild(0);
    if (!value) return;
    // `$cmd`, `$cmd . ' 2>&1'`: the caller's own parameter starts the line.
    const parameter = pathParameterOf(ctx, value);
    if (parameter !== undefined) {
      result.push({ index, cost: 'parameter', parameter });
      return;
    }
    if (!isWrittenString(value)) return;
    const judged = judgeCommand(ctx, value);
    if (judged.cost === 'short') result.push({ index, cost: 'short' });
    else if (judged.cost === 'slow') result.push({ index, cost: 'slow', program: judged.program });
  });
  return result;
}

/** A string the code writes: a literal, `"tail -n $n"`, or a concatenation that starts with one. */
function isWrittenString(node: SyntaxNode): boolean {
  if (node.type === 'string' || node.type === 'encapsed_string') return true;
  if (node.type === 'parenthesized_expression') return node.namedChild(0) !== null && isWrittenString(node.namedChild(0)!);
  if (node.type !== 'binary_expression' || node.childForFieldName('operator')?.text !== '.') return false;
  const left = node.childForFieldName('left');
  return left !== null && isWrittenString(left);
}

export function judgeCommand(ctx: UnitContext, node: SyntaxNode | undefined): CommandCost {
  if (!node) return { cost: 'unknown' };
  let worst: CommandCost = { cost: 'short' };
  for (const line of commandTexts(ctx, node)) {
    const cost = judgeLine(ctx, line);
    if (cost.cost === 'slow') return cost;
    if (cost.cost === 'unknown' && worst.cost === 'short') worst = cost;
  }
  return worst;
}

function judgeLine(ctx: UnitContext, line: StaticString): CommandCost {
  const catalog = ctx.catalog.commands;
  const parts = partsOf(line);
  if (!catalog || parts === undefined) return { cost: 'unknown' };
  let unknown: CommandCost | undefined;
  for (const part of parts) {
    const cost = judgePart(catalog, part);
    if (cost.cost === 'slow') return cost;
    if (cost.cost === 'unknown') unknown ??= cost;
  }
  return unknown ?? { cost: 'short' };
}

/** A word of the line: its text, and whether part of it is a value the code computes. */
interface Word {
  readonly text: string;
  readonly computed: boolean;
  readonly quoted: boolean;
}

/** One program run: its words, and whether it runs in the background (`… &`). */
interface Part {
  readonly words: readonly Word[];
  readonly background: boolean;
}

type Commands = NonNullable<UnitContext['catalog']['commands']>;

function judgePart(catalog: Commands, part: Part): CommandCost {
  const words = part.words;
  let index = 0;
  const skipAssignments = (): void => {
    while (index < words.length && isAssignment(words[index]!)) index++;
  };
  skipAssignments();
  // `( … ) 2> /dev/null`: what follows a group redirects the group's output, and runs nothing.
  while (index < words.length && !words[index]!.quoted && redirection(words[index]!.text)) index += redirection(words[index]!.text)!.bare ? 2 : 1;
  if (index >= words.length) return { cost: 'short' };
  // `sudo -u www`, `nice -n 10`, `timeout 5`: the program is the first word after the options.
  while (index < words.length && !words[index]!.computed && catalog.wrappers.includes(programName(words[index]!.text))) {
    index++;
    while (index < words.length && !words[index]!.computed && (words[index]!.text.startsWith('-') || isNumber(words[index]!.text))) index++;
    skipAssignments();
  }
  const { args, stdoutRedirected } = argumentsOf(words.slice(index + 1));
  // In the background with its output sent elsewhere: the call does not wait for it.
  if (part.background && stdoutRedirected) return { cost: 'short' };
  const programWord = words[index];
  if (!programWord) return { cost: 'short' };
  // A quoted program is a path written with its quotes (`"C:\Program Files\pdftotext"`, or a
  // constant's path between quotes): the program it names, unless part of it is computed.
  if (programWord.computed) return { cost: 'unknown' };
  const program = programName(programWord.text);
  if (args.length > 0 && args.every((a) => !a.computed && catalog.probeArguments.includes(a.text))) return { cost: 'short' };
  if (catalog.slow.includes(program)) return { cost: 'slow', program };
  if (catalog.short.includes(program)) return { cost: 'short' };
  const unless = catalog.shortUnlessOption?.[program];
  if (unless) {
    const option = args.find((a) => isOneOfOptions(a, unless));
    return option ? { cost: 'slow', program: `${program} ${option.text}` } : { cost: 'short' };
  }
  // A program whose first option picks what it does (`mdadm --detail`, `mdadm --create`).
  const mode = args[0];
  if (mode && !mode.computed && !mode.quoted && mode.text.startsWith('-')) {
    const sub = `${program} ${mode.text}`;
    if (catalog.slow.includes(sub)) return { cost: 'slow', program: sub };
    if (catalog.short.includes(sub)) return { cost: 'short' };
  }
  // The subcommand: one of the first two arguments that are not options, since an option may
  // take a value (`git --git-dir=… status`, `git -C /srv/app rev-parse HEAD`).
  const candidates = args.filter((a) => !a.text.startsWith('-')).slice(0, 2);
  for (const candidate of candidates) {
    if (candidate.computed || candidate.quoted) break;
    const sub = `${program} ${candidate.text}`;
    if (catalog.slow.includes(sub)) return { cost: 'slow', program: sub };
    if (catalog.short.includes(sub)) return { cost: 'short' };
  }
  return { cost: 'unknown', program };
}

/**
 * Whether `word` is one of `options`: `-f`, `--follow=name`, or `-f` inside a group of
 * one-letter options (`-fn`). A word the code computes (`tail -n $lines`) is taken as a value,
 * precision first: an option that changes what a program does is written in the code.
 */
function isOneOfOptions(word: Word, options: readonly string[]): boolean {
  const text = word.text;
  if (word.computed || word.quoted || !text.startsWith('-')) return false;
  return options.some((option) =>
    option.startsWith('--')
      ? text === option || text.startsWith(`${option}=`)
      : !text.startsWith('--') && /^-[A-Za-z]+$/.test(text) && text.includes(option.slice(1)),
  );
}

/** `10`, `5s`: a wrapper's value (`nice -n 10`, `timeout 5s`). */
function isNumber(word: string): boolean {
  const digits = word.replace(/[smhd]$/, '');
  return digits !== '' && [...digits].every((c) => (c >= '0' && c <= '9') || c === '.');
}

/** `/usr/bin/Uname` is `uname`; `C:\antiword\antiword.exe` (a Windows path) is `antiword`. */
function programName(word: string): string {
  const name = word.slice(Math.max(word.lastIndexOf('/'), word.lastIndexOf('\\')) + 1).toLowerCase();
  return name.endsWith('.exe') ? name.slice(0, -'.exe'.length) : name;
}

/** `LC_ALL=C`, `GIT_SSH_COMMAND='ssh -o …'`: an environment assignment before the program. */
function isAssignment(word: Word): boolean {
  const equals = word.text.indexOf('=');
  if (equals <= 0) return false;
  return [...word.text.slice(0, equals)].every((c, i) => c === '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (i > 0 && c >= '0' && c <= '9'));
}

/**
 * The program's arguments without redirections (`2>&1`, `> /dev/null`, `< in.txt`), and
 * whether its standard output goes to a file.
 */
function argumentsOf(words: readonly Word[]): { args: Word[]; stdoutRedirected: boolean } {
  const args: Word[] = [];
  let stdoutRedirected = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const operator = word.quoted ? undefined : redirection(word.text);
    if (operator === undefined) {
      args.push(word);
      continue;
    }
    if (operator.stdout) stdoutRedirected = true;
    // `> file`: the operator alone, its target is the next word.
    if (operator.bare) i++;
  }
  return { args, stdoutRedirected };
}

/** `>`, `>>`, `1>`, `2>&1`, `&>`, `<`: a redirection; `stdout` when it sends the output away. */
function redirection(text: string): { stdout: boolean; bare: boolean } | undefined {
  let i = 0;
  while (i < text.length && text[i]! >= '0' && text[i]! <= '9') i++;
  const fd = text.slice(0, i);
  const both = text[i] === '&' && text[i + 1] === '>';
  if (both) i++;
  const op = text[i];
  if (op !== '>' && op !== '<') return undefined;
  i++;
  if (text[i] === '>' || text[i] === '&') i++;
  const bare = i >= text.length;
  return { stdout: op === '>' && (both || fd === '' || fd === '1'), bare };
}

/**
 * The parts of a command line and their words, or undefined when the line runs a subshell
 * (`$(…)`, backticks, parentheses) the analysis does not read.
 */
function partsOf(line: StaticString): Part[] | undefined {
  const parts: Part[] = [];
  let words: Word[] = [];
  let text = '';
  let computed = false;
  let quoted = false;
  let started = false;
  let quote: '"' | "'" | undefined;
  let previous = '';
  let groups = 0;
  const endWord = (): void => {
    if (started) words.push({ text, computed, quoted });
    text = '';
    computed = false;
    quoted = false;
    started = false;
  };
  const endPart = (background: boolean): void => {
    endWord();
    if (words.length > 0) parts.push({ words, background });
    words = [];
  };
  for (const piece of line) {
    if (!('text' in piece)) {
      computed = true;
      started = true;
      continue;
    }
    const chars = piece.text;
    for (let at = 0; at < chars.length; at++) {
      const ch = chars[at]!;
      if (quote !== undefined) {
        if (ch === quote) quote = undefined;
        else if (quote === '"' && ((ch === '(' && previous === '$') || ch === '`')) return undefined;
        else text += ch;
        previous = ch;
        continue;
      }
      if (ch === '`') return undefined;
      // `(which a || command -v a) 2> /dev/null`: a group of commands at a command's place
      // runs them in a subshell, each judged like the others; `$(…)` or a `(` inside a word is
      // a substitution or syntax the analysis does not read.
      if (ch === '(') {
        if (previous === '$' || started || words.length > 0) return undefined;
        groups++;
        previous = ch;
        continue;
      }
      if (ch === ')') {
        if (groups === 0) return undefined;
        groups--;
        endPart(false);
        previous = ch;
        continue;
      }
      if (ch === '"' || ch === "'") {
        quote = ch;
        quoted = true;
        started = true;
      } else if (ch === '|' || ch === ';' || ch === '\n') {
        endPart(false);
      } else if (ch === '&' && previous !== '>' && previous !== '<' && previous !== '&' && chars[at + 1] !== '>') {
        // `a & b` runs `a` in the background; `a && b` (the second `&`) is a chain.
        endPart(true);
      } else if (ch === '&' && previous === '&') {
        // The part was ended as if in the background by the first `&`: it is a chain.
        const last = parts[parts.length - 1];
        if (last && last.background) parts[parts.length - 1] = { ...last, background: false };
      } else if (ch === ' ' || ch === '\t') {
        endWord();
      } else {
        text += ch;
        started = true;
        // `$VAR`: a shell variable, a value the analysis does not know.
        if (ch === '$') computed = true;
      }
      previous = ch;
    }
  }
  if (quote !== undefined || groups > 0) return undefined;
  endPart(false);
  return parts;
}
