import type { SyntaxNode } from '../../parse/php';
import type { StaticPart, StaticString } from '../../ir/static-string';
import type { UnitContext } from './context';
import { enclosingClass } from './class-statics';
import { literalString } from './session-access';
import { shippedValueRead } from './setting-guards';
import { evaluateStatic, resolveConstants } from './static-string';
import { argumentValue, callArguments } from './literals';

/** At most this many possible values of one command line are judged (`$a ? 'x' : 'y'` doubles them). */
const MAX_ALTERNATIVES = 8;
/** Variables followed through other variables at most this deep. */
const MAX_DEPTH = 4;

const UNKNOWN: StaticString = [{ unknown: true }];

/**
 * Statements looked at, at most, to tell one command line's values: a chain of `if`s that each
 * append to the variable asks for the value before each of them from every branch, which
 * grows as a power of the chain's length without a bound. Past it the value is unknown.
 */
const MAX_STEPS = 400;
/** Steps left for the command line being read (`commandTexts` sets it; lowering is single-threaded). */
let stepsLeft = MAX_STEPS;

/**
 * The values a command line may have, as literal text and unknown parts: literals, constants,
 * concatenations (`.` and a variable built with `=` then `.=` in the statements before the
 * call), both outcomes of `?:`, `sprintf()` with a literal format, the program a `which gs`
 * (or `command -v gs`) run names (`exec('which gs') . ' -q …'` runs `gs`), and the path a
 * setting ships with or a class property is declared with (`$conf['rrdtool']`,
 * `self::$soxCommand`): another installation may set another path, but to the same program.
 */
export function commandTexts(ctx: UnitContext, node: SyntaxNode): StaticString[] {
  stepsLeft = MAX_STEPS;
  return texts(ctx, node, 0);
}

function texts(ctx: UnitContext, node: SyntaxNode | null | undefined, depth: number): StaticString[] {
  if (!node || depth > MAX_DEPTH) return [UNKNOWN];
  switch (node.type) {
    case 'argument':
      return texts(ctx, argumentValue(node), depth);
    case 'parenthesized_expression':
      return texts(ctx, node.namedChild(0), depth);
    case 'cast_expression': {
      // `(string) shell_exec('which gs')`: the same text.
      const type = node.childForFieldName('type')?.text.replace(/[()\s]/g, '').toLowerCase();
      return type === 'string' ? texts(ctx, node.childForFieldName('value') ?? node.namedChild(node.namedChildCount - 1), depth) : [UNKNOWN];
    }
    case 'shell_command_expression':
      return [node.namedChildren.map((part): StaticPart => (part?.type === 'string_content' ? { text: part.text } : { unknown: true }))];
    case 'encapsed_string':
    case 'string': {
      if (literalString(node) !== undefined) return [known(ctx, node)];
      // "lsof -np {$pid} | grep TCP": literal pieces around interpolated values.
      return [node.namedChildren.map((part): StaticPart => (part?.type === 'string_content' ? { text: part.text } : { unknown: true }))];
    }
    case 'binary_expression': {
      const operator = node.childForFieldName('operator')?.text;
      const left = (): StaticString[] => texts(ctx, node.childForFieldName('left'), depth);
      const right = (): StaticString[] => texts(ctx, node.childForFieldName('right'), depth);
      if (operator === '.') return concat(left(), right());
      // `$command ?? ''`: either.
      if (operator === '??') return [...left(), ...right()].slice(0, MAX_ALTERNATIVES);
      return [UNKNOWN];
    }
    case 'conditional_expression': {
      const body = node.childForFieldName('body') ?? node.childForFieldName('condition');
      return [...texts(ctx, body, depth), ...texts(ctx, node.childForFieldName('alternative'), depth)].slice(0, MAX_ALTERNATIVES);
    }
    case 'variable_name':
      return variableTexts(ctx, node, depth + 1);
    case 'array_creation_expression': {
      // `proc_open(['php', '-l'], …)`: the program and its arguments, with no shell between.
      let line: StaticString[] = [[]];
      for (const element of node.namedChildren) {
        if (element?.type !== 'array_element_initializer') continue;
        const value = element.namedChildren.filter((c) => c !== null).at(-1);
        line = concat(line, concat(texts(ctx, value, depth), [[{ text: ' ' }]]));
      }
      return line;
    }
    case 'function_call_expression':
      return callTexts(ctx, node, depth) ?? [known(ctx, node)];
    case 'subscript_expression': {
      // `$conf['rrdtool']`: the path the project's configuration ships names the program.
      const shipped = shippedValueRead(ctx, node);
      return typeof shipped === 'string' ? [[{ text: shipped }]] : [known(ctx, node)];
    }
    case 'scoped_property_access_expression':
    case 'member_access_expression': {
      const declared = declaredDefault(node);
      return declared !== undefined ? [[{ text: declared }]] : [known(ctx, node)];
    }

    default:
      return [known(ctx, node)];
  }
}

/**
 * `self::$soxCommand`, `static::$soxCommand` or `$this->convertBin` whose declaration in the
 * enclosing class has a literal string default (`public static $soxCommand = 'sox';`): that
 * string. A configuration may set another path, but the property says which program it is.
 */
function declaredDefault(node: SyntaxNode): string | undefined {
  const scope = node.childForFieldName(node.type === 'member_access_expression' ? 'object' : 'scope');
  const name = node.childForFieldName('name');
  if (!scope || !name) return undefined;
  const written = scope.text.toLowerCase();
  const own = node.type === 'member_access_expression' ? written === '$this' : written === 'self' || written === 'static';
  if (!own) return undefined;
  const property = name.type === 'variable_name' ? name.text : node.type === 'member_access_expression' ? `$${name.text}` : undefined;
  if (!property) return undefined;
  for (const member of enclosingClass(node)?.childForFieldName('body')?.namedChildren ?? []) {
    if (member?.type !== 'property_declaration') continue;
    for (const element of member.namedChildren) {
      if (element?.type !== 'property_element' || element.childForFieldName('name')?.text !== property) continue;
      const value = element.childForFieldName('default_value');
      return value ? literalString(value) : undefined;
    }
  }
  return undefined;
}

/** What `evaluateStatic` knows, with constants the project defines replaced by their values. */
function known(ctx: UnitContext, node: SyntaxNode): StaticString {
  return resolveConstants(evaluateStatic(node, ctx.facts.file), (name) => ctx.facts.symbols.constant(name));
}

function concat(left: readonly StaticString[], right: readonly StaticString[]): StaticString[] {
  const out: StaticString[] = [];
  for (const a of left) for (const b of right) if (out.length < MAX_ALTERNATIVES) out.push([...a, ...b]);
  return out;
}

/**
 * `sprintf('convert %s %s', …)`: the format's literal text with each conversion unknown;
 * `trim(x)` and the like: x; `exec('which gs')`, `shell_exec('command -v gs')`: `gs`.
 */
function callTexts(ctx: UnitContext, node: SyntaxNode, depth: number): StaticString[] | undefined {
  const written = node.childForFieldName('function')?.text.toLowerCase() ?? '';
  const name = written.startsWith('\\') ? written.slice(1) : written;
  const args = callArguments(node);
  if ((name === 'trim' || name === 'rtrim' || name === 'ltrim') && args.length >= 1) return texts(ctx, args[0], depth);
  // `str_replace("\n", "", shell_exec('which crontab'))`: a path without its line break.
  if (name === 'str_replace' && args.length === 3 && removesWhitespace(args[0]!, args[1]!)) return texts(ctx, args[2], depth);
  if (name === 'sprintf' && args.length >= 1) {
    let out: StaticString[] = [];
    for (const format of texts(ctx, args[0], depth)) {
      // Each conversion is the argument it takes (`%s` in order, `%2$s` by position).
      let next = 1;
      let lines: StaticString[] = [[]];
      for (const part of format) {
        if (!('text' in part)) {
          lines = concat(lines, [[part]]);
          continue;
        }
        for (const piece of formatParts(part.text)) {
          if (typeof piece === 'string') lines = concat(lines, [[{ text: piece }]]);
          else {
            const index = piece.position ?? next++;
            const arg = args[index];
            lines = concat(lines, arg && piece.string ? texts(ctx, arg, depth) : [UNKNOWN]);
          }
        }
      }
      out = [...out, ...lines].slice(0, MAX_ALTERNATIVES);
    }
    return out;
  }
  if ((name === 'exec' || name === 'shell_exec' || name === 'system') && args.length >= 1) {
    const program = locatedProgram(texts(ctx, args[0], depth));
    return program === undefined ? [UNKNOWN] : [[{ text: program }]];
  }
  return undefined;
}

/** `str_replace("\n", "", …)`, `str_replace(["\r", "\n"], '', …)`: only line breaks and spaces go. */
function removesWhitespace(search: SyntaxNode, replace: SyntaxNode): boolean {
  const value = (node: SyntaxNode): string | undefined => {
    const inner = argumentValue(node);
    return inner ? literalString(inner) : undefined;
  };
  if (value(replace) !== '') return false;
  const inner = argumentValue(search);
  const searched = inner?.type === 'array_creation_expression'
    ? inner.namedChildren.filter((c) => c?.type === 'array_element_initializer').map((c) => (c!.namedChild(0) ? literalString(c!.namedChild(0)!) : undefined))
    : [value(search)];
  return searched.length > 0 && searched.every((text) => text !== undefined && text !== '' && text.trim() === '');
}

/**
 * A `sprintf()` format as literal text and conversions (`%s`, `%2$s`, `%05d`; `%%` is a `%`):
 * a conversion says which argument it takes (by position when written) and whether it is
 * `%s`, whose text is the argument's.
 */
function formatParts(format: string): (string | { position?: number; string: boolean })[] {
  const parts: (string | { position?: number; string: boolean })[] = [];
  let text = '';
  for (let i = 0; i < format.length; i++) {
    if (format[i] !== '%') {
      text += format[i];
      continue;
    }
    if (format[i + 1] === '%') {
      text += '%';
      i++;
      continue;
    }
    // The conversion's position, flags, width and precision, up to its letter.
    let j = i + 1;
    while (j < format.length && !isLetter(format[j]!)) j++;
    const spec = format.slice(i + 1, j);
    const dollar = spec.indexOf('$');
    const position = dollar > 0 ? Number(spec.slice(0, dollar)) : undefined;
    if (text !== '') parts.push(text);
    text = '';
    parts.push({ ...(position !== undefined && Number.isInteger(position) ? { position } : {}), string: format[j] === 's' });
    i = j;
  }
  if (text !== '') parts.push(text);
  return parts;
}

function isLetter(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/**
 * `which gs`, `command -v gs`: the program whose path the run prints; also several ways of
 * asking for the same program (`(which radclient || command -v radclient) 2> /dev/null`).
 */
function locatedProgram(values: readonly StaticString[]): string | undefined {
  if (values.length !== 1) return undefined;
  const line = values[0]!;
  if (!line.every((p) => 'text' in p)) return undefined;
  const text = line.map((p) => ('text' in p ? p.text : '')).join('');
  let found: string | undefined;
  for (const alternative of text.split('||')) {
    const words = alternative
      .split(/[\s()]+/)
      .filter((w) => w !== '')
      .filter((w, i, all) => !isErrorRedirection(w) && !(i > 0 && isErrorRedirection(all[i - 1]!) && w === '/dev/null'));
    const program = words.length === 2 && words[0] === 'which' ? words[1] : words.length === 3 && words[0] === 'command' && words[1] === '-v' ? words[2] : undefined;
    if (program === undefined || (found !== undefined && found !== program)) return undefined;
    found = program;
  }
  return found;
}

/** `2>`, `2>/dev/null`: where the lookup's error goes, not what it prints. */
function isErrorRedirection(word: string): boolean {
  return word === '2>' || word === '2>/dev/null';
}

/** Statements whose bodies are lists of statements that run once, in order. */
const BLOCKS = new Set(['compound_statement', 'program', 'case_statement', 'default_statement', 'else_clause', 'else_if_clause', 'colon_block']);
/** Statements a read inside may be left for its enclosing block: they run their body at most once per pass. */
const ONCE = new Set(['if_statement', 'else_clause', 'else_if_clause', 'switch_statement', 'switch_block', 'try_statement', 'compound_statement', 'case_statement', 'default_statement', 'colon_block', 'expression_statement']);
const SCOPES = new Set(['function_definition', 'method_declaration', 'anonymous_function', 'arrow_function', 'program']);

/**
 * The values of a variable where it is read: the last plain assignment before the read in the statements that run before it (through
 * the blocks of `if` and `switch`, not out of a loop), followed by the `.=` appends between
 * them; an `if` on the way whose branches assign it adds each branch's value (and the value
 * before it, for a branch that leaves it alone). Any other assignment on the way (in a loop,
 * a compound other than `.=`) makes the value unknown; then the variable's one assignment in
 * the unit counts, when it has one.
 */
function variableTexts(ctx: UnitContext, variable: SyntaxNode, depth: number): StaticString[] {
  let current: SyntaxNode = variable;
  // Climb to the statement that holds the read.
  while (current.parent && !BLOCKS.has(current.parent.type) && !SCOPES.has(current.parent.type)) current = current.parent;
  const before = current.parent && BLOCKS.has(current.parent.type) ? valueBefore(ctx, current, variable.text, depth) : undefined;
  if (before) return before;
  // A parameter assigned once, on another branch (`if ($windows) { $command = 'cmd.exe /C …'; }
  // else { exec($command); }`), still holds what the caller passed where it is not assigned.
  if (ctx.parameters.has(variable.text)) return [UNKNOWN];
  const single = ctx.singleAssignments.get(variable.text);
  return single ? texts(ctx, single, depth) : [UNKNOWN];
}

/** The values `$name` has just before `statement` runs, or undefined when they cannot be told. */
function valueBefore(ctx: UnitContext, statement: SyntaxNode, name: string, depth: number): StaticString[] | undefined {
  let current = statement;
  const appended: SyntaxNode[] = [];
  const withAppends = (values: StaticString[]): StaticString[] => {
    let out = values;
    for (const part of appended) out = concat(out, texts(ctx, part, depth));
    return out;
  };
  for (;;) {
    for (let sibling = current.previousNamedSibling; sibling; sibling = sibling.previousNamedSibling) {
      if (--stepsLeft < 0) return undefined;
      const assignment = assignmentOf(sibling, name);
      if (assignment === undefined) continue;
      if (assignment === 'other') {
        const branches = sibling.type === 'if_statement' ? branchValues(ctx, sibling, name, depth) : undefined;
        if (!branches) return undefined;
        const before = branches.untouched ? valueBefore(ctx, sibling, name, depth) : [];
        if (!before) return undefined;
        return withAppends([...branches.values, ...before].slice(0, MAX_ALTERNATIVES));
      }
      if (assignment.append) appended.unshift(assignment.value);
      else return withAppends(texts(ctx, assignment.value, depth));
    }
    const block = current.parent;
    const owner = block?.parent;
    if (!block || !owner || block.type === 'program' || SCOPES.has(owner.type) || !ONCE.has(owner.type)) return undefined;
    current = owner;
    while (current.parent && !BLOCKS.has(current.parent.type)) {
      if (SCOPES.has(current.parent.type) || !ONCE.has(current.parent.type)) return undefined;
      current = current.parent;
    }
  }
}

/**
 * `if (…) { $x = 'a'; } else { $x = 'b'; }`: the values each branch leaves `$name` with, and
 * whether a path leaves it alone (a branch that does not assign it, or no `else`).
 */
function branchValues(ctx: UnitContext, statement: SyntaxNode, name: string, depth: number): { values: StaticString[]; untouched: boolean } | undefined {
  const bodies: SyntaxNode[] = [];
  const body = statement.childForFieldName('body');
  if (body) bodies.push(body);
  let hasElse = false;
  for (const alternative of statement.childrenForFieldName('alternative')) {
    if (!alternative) continue;
    if (alternative.type === 'else_clause') hasElse = true;
    const inner = alternative.childForFieldName('body');
    if (inner) bodies.push(inner);
  }
  const values: StaticString[] = [];
  let untouched = !hasElse;
  for (const branch of bodies) {
    const statements = branch.type === 'compound_statement' || branch.type === 'colon_block' ? branch.namedChildren : [branch];
    const last = statements.filter((s): s is SyntaxNode => s !== null && s.type !== 'comment').at(-1);
    if (!last) {
      untouched = true;
      continue;
    }
    const changed = assignmentOf(branch, name);
    if (changed === undefined) {
      untouched = true;
      continue;
    }
    // The branch's value: as if read right after its last statement.
    const after = valueAtEnd(ctx, last, name, depth);
    if (!after) return undefined;
    values.push(...after);
  }
  return { values, untouched };
}

/** The values `$name` has after `statement`, the last of its block, when the block assigns it. */
function valueAtEnd(ctx: UnitContext, statement: SyntaxNode, name: string, depth: number): StaticString[] | undefined {
  const own = assignmentOf(statement, name);
  if (own && own !== 'other' && !own.append) return texts(ctx, own.value, depth);
  if (own === 'other') return undefined;
  const before = valueBefore(ctx, statement, name, depth);
  if (!before) return undefined;
  return own ? concat(before, texts(ctx, own.value, depth)) : before;
}

/**
 * What a statement does to `$name`: a plain assignment or a `.=` written as the statement,
 * `'other'` when it assigns it in any other way, undefined when it leaves it alone.
 */
function assignmentOf(statement: SyntaxNode, name: string): { value: SyntaxNode; append: boolean } | 'other' | undefined {
  const expression = statement.type === 'expression_statement' ? statement.namedChild(0) : undefined;
  if (expression && expression.childForFieldName('left')?.text === name) {
    const value = expression.childForFieldName('right');
    if (expression.type === 'assignment_expression' && value) return { value, append: false };
    if (expression.type === 'augmented_assignment_expression' && value && expression.childForFieldName('operator')?.text === '.=') return { value, append: true };
    return 'other';
  }
  for (const assignment of statement.descendantsOfType(['assignment_expression', 'augmented_assignment_expression'])) {
    if (assignment?.childForFieldName('left')?.text === name) return 'other';
  }
  // `global $command;`, `static $command;`: a value from elsewhere.
  for (const reference of statement.descendantsOfType(['variable_name'])) {
    const parent = reference?.text === name ? reference.parent : undefined;
    if (parent?.type === 'global_declaration' || parent?.type === 'static_variable_declaration') return 'other';
  }
  return undefined;
}
