/**
 * The cheap pass over a PHP file's bytes that decides whether it must be parsed (issue 12:
 * relevance first). Nothing here is a fact of the analysis: it only says which names a file
 * mentions and which it may declare, always erring towards more. Comments and strings are read
 * as code, so a name written anywhere counts as mentioned, and a declaration the scan cannot
 * read with certainty marks the file `unsure` (it is then always parsed).
 */
export interface ScannedPhp {
  /** Every identifier-like word, lower-case (variables without their `$`). */
  readonly words: ReadonlySet<string>;
  /**
   * The words written at least once other than as a variable or a member (`$x`, `->x`, `::x`):
   * the ones that may name a function, a class or a constant declared elsewhere (a member is
   * found through its class's name, which the file then writes too).
   */
  readonly plainWords: ReadonlySet<string>;
  /** The words written after `->`, `?->` or `::`: the members it may call, read or write. */
  readonly memberWords: ReadonlySet<string>;
  /**
   * Names it may declare that another file finds by name, lower-case: a word after `function`,
   * `class`, `interface`, `trait` or `enum`, the words of a `const` statement, a `define()`'s
   * literal name. A `function` or `const` after a modifier (`public function run`) is a member,
   * found through its class, and left out.
   */
  readonly declares: ReadonlySet<string>;
  /** Variables it may assign whole (`$x =`, `$x .=`, `$x[$k]`, `$x[]`, `$GLOBALS['x']`), without `$`. */
  readonly assigns: ReadonlySet<string>;
  /**
   * Variables it may assign under a literal key (`$lang['save'] = …`), with the words of the
   * keys: another file's code reads such a value only where it writes the key too.
   */
  readonly keyedAssigns: ReadonlyMap<string, ReadonlySet<string>>;
  /** Variables in an include's path (`include $dir . 'x.php'`): every value another file gives them may matter. */
  readonly wholeVariables: ReadonlySet<string>;
  /** Variables it reads or writes under a computed key (`$lang[$k]`, `$x[]`): if shared, any key's value may matter. */
  readonly computedKeys: ReadonlySet<string>;
  /**
   * Variables whose value may come from another file's top level: `global $x`, `$GLOBALS['x']`,
   * and a receiver `$x->` (typed by the class another file's top level builds into it).
   */
  readonly sharedVariables: ReadonlySet<string>;
  /** The file names its includes end with (`'lib/x.php'`: `x.php`), as written. */
  readonly includedNames: readonly string[];
  /** Why the scan cannot rule the file out whatever it mentions; undefined when it can. */
  readonly unsure?: string;
}

const DECLARING = new Set(['function', 'class', 'interface', 'trait', 'enum']);
const INCLUDES = new Set(['include', 'include_once', 'require', 'require_once']);
/** How far a `const` statement or an include's path is read before the scan gives up on it. */
const STATEMENT_LIMIT = 2000;

function isWordStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c >= 128;
}

function isWordPart(c: number): boolean {
  return isWordStart(c) || (c >= 48 && c <= 57);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

export function scanPhpBytes(text: string): ScannedPhp {
  const words = new Set<string>();
  const plainWords = new Set<string>();
  const memberWords = new Set<string>();
  const declares = new Set<string>();
  const assigns = new Set<string>();
  const keyedAssigns = new Map<string, Set<string>>();
  const wholeVariables = new Set<string>();
  const computedKeys = new Set<string>();
  const sharedVariables = new Set<string>();
  const includedNames: string[] = [];
  let unsure: string | undefined;
  const n = text.length;
  const skipSpace = (i: number): number => {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    return i;
  };
  const wordAt = (i: number): string | undefined => {
    if (i >= n || !isWordStart(text.charCodeAt(i))) return undefined;
    let j = i + 1;
    while (j < n && isWordPart(text.charCodeAt(j))) j++;
    return text.slice(i, j).toLowerCase();
  };
  /** The words of `text[from, to)`, into `into`. */
  const wordsIn = (from: number, to: number, into: Set<string>): void => {
    for (let k = from; k < to; ) {
      if (isWordStart(text.charCodeAt(k))) {
        const w = wordAt(k)!;
        into.add(w);
        k += w.length;
      } else k++;
    }
  };
  /** Where the statement starting at `i` ends (`;` or `?>`), bounded. */
  const statementEnd = (i: number): number => {
    const limit = Math.min(n, i + STATEMENT_LIMIT);
    for (let k = i; k < limit; k++) {
      const c = text.charCodeAt(k);
      if (c === 59 || (c === 63 && text.charCodeAt(k + 1) === 62)) return k;
    }
    return -1;
  };
  let inGlobal = false;
  for (let i = 0; i < n; ) {
    const c = text.charCodeAt(i);
    if (c === 59) inGlobal = false;
    // `$o->$name`, `$o->{…}`: a property or method named by an expression (any class's, for
    // the writes `constructed-values.ts` counts).
    if (c === 45 && text.charCodeAt(i + 1) === 62) {
      const next = text.charCodeAt(i + 2);
      if (next === 36 || next === 123) unsure ??= 'a property or method named by an expression';
    }
    if (!isWordStart(c)) {
      i++;
      continue;
    }
    const start = i;
    const word = wordAt(i)!;
    i += word.length;
    words.add(word);
    const variable = start > 0 && text.charCodeAt(start - 1) === 36;
    if (!variable) (isMember(text, start) ? memberWords : plainWords).add(word);
    if (variable) {
      if (inGlobal) sharedVariables.add(word);
      const after = skipSpace(i);
      const next = text.charCodeAt(after);
      const next2 = text.charCodeAt(after + 1);
      // `$x =` (not `==`, `=>`), `$x[`, `$x .=`, `$x ??=`: it may be assigned.
      if ((next === 61 && next2 !== 61 && next2 !== 62) || compoundAssignment(text, after)) assigns.add(word);
      else if (next === 91 && word !== 'globals') {
        // `$x['key']`: a value under a literal key; `$x[$k]`, `$x[]`: any.
        const key = skipSpace(after + 1);
        const q = text.charCodeAt(key);
        const close = q === 39 || q === 34 ? text.indexOf(text[key]!, key + 1) : -1;
        if (close > key && close - key < STATEMENT_LIMIT && !text.slice(key + 1, close).includes('$')) {
          let keys = keyedAssigns.get(word);
          if (!keys) keyedAssigns.set(word, (keys = new Set()));
          wordsIn(key + 1, close, keys);
        } else {
          assigns.add(word);
          computedKeys.add(word);
        }
      }
      if (next === 45 && next2 === 62) sharedVariables.add(word);
      if (word === 'globals' && next === 91) {
        const quote = skipSpace(after + 1);
        const name = wordAt(quote + 1);
        if (name !== undefined) {
          assigns.add(name);
          sharedVariables.add(name);
        }
      }
      continue;
    }
    if (word === 'global') inGlobal = true;
    else if (DECLARING.has(word) && startsStatement(text, start) && !(word === 'function' && afterModifier(text, start))) {
      const after = skipSpace(i);
      const at = text.charCodeAt(after) === 38 ? skipSpace(after + 1) : after;
      const name = wordAt(at);
      const next = text.charCodeAt(at);
      if (name !== undefined) declares.add(name);
      else if ((next === 47 || next === 35) && isSpace(text.charCodeAt(i))) unsure ??= `a comment after \`${word}\``;
    } else if (word === 'const' && startsStatement(text, start) && !afterModifier(text, start)) {
      const end = statementEnd(i);
      if (end < 0) unsure ??= 'a `const` statement it cannot delimit';
      else wordsIn(i, end, declares);
    } else if (word === 'define') {
      const open = skipSpace(i);
      if (text.charCodeAt(open) !== 40) continue;
      const quote = skipSpace(open + 1);
      const q = text.charCodeAt(quote);
      if (q !== 39 && q !== 34) {
        unsure ??= 'a `define()` whose name is computed';
        continue;
      }
      const close = text.indexOf(text[quote]!, quote + 1);
      if (close < 0 || close - quote > STATEMENT_LIMIT) unsure ??= 'a `define()` it cannot delimit';
      else wordsIn(quote + 1, close, declares);
    } else if (INCLUDES.has(word) && !quotedWord(text, start, i) && !inLineComment(text, start)) {
      const end = statementEnd(i);
      const name = includedFileName(text, i, end);
      if (name === undefined) {
        unsure ??= `an \`${word}\` whose file name is not written out`;
        // Its path may use any value another file gives these variables.
        if (end > 0) variablesIn(text, i, end, wholeVariables);
      } else includedNames.push(name);
    } else if (word === 'new') {
      const next = text.charCodeAt(skipSpace(i));
      // `new $class`, `new ($name)`: a class the scan cannot name.
      if (next === 36 || next === 40) unsure ??= 'a `new` of a computed class';
    }
  }
  return { words, plainWords, memberWords, declares, assigns, keyedAssigns, wholeVariables, computedKeys, sharedVariables, includedNames, ...(unsure !== undefined ? { unsure } : {}) };
}

/** Whether the word at `[from, to)` is a whole string literal (`'include'`, an array key): no statement. */
function quotedWord(text: string, from: number, to: number): boolean {
  const before = text.charCodeAt(from - 1);
  return (before === 39 || before === 34) && text.charCodeAt(to) === before;
}

/**
 * Whether the word at `at` is certainly inside a `//` or `#` comment: one starts earlier on its
 * line with no quote anywhere before the word on that line (a quote might close a string that
 * began lines above, and the comment marker be inside it) and no `?>` after it (which ends the
 * comment).
 */
function inLineComment(text: string, at: number): boolean {
  let k = at - 1;
  let marker = -1;
  for (; k >= 0; k--) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) break;
    if (c === 39 || c === 34 || c === 96) return false;
    if ((c === 47 && text.charCodeAt(k - 1) === 47) || (c === 35 && text.charCodeAt(k + 1) !== 91)) marker = k;
  }
  return marker >= 0 && !text.slice(marker, at).includes('?>');
}

/** Whether an operator such as `.=`, `??=`, `**=`, `<<=` starts at `at` (`<=`, `>=` count too: more is safe). */
function compoundAssignment(text: string, at: number): boolean {
  let k = at;
  while (k < at + 3 && '.+-*/%|&^?<>'.includes(text[k] ?? ' ')) k++;
  return k > at && text.charCodeAt(k) === 61 && text.charCodeAt(k + 1) !== 61;
}

/** The variables (without `$`) written in `text[from, to)`. */
function variablesIn(text: string, from: number, to: number, into: Set<string>): void {
  for (let k = text.indexOf('$', from); k >= 0 && k < to; k = text.indexOf('$', k + 1)) {
    let j = k + 1;
    while (j < to && isWordPart(text.charCodeAt(j))) j++;
    if (j > k + 1) into.add(text.slice(k + 1, j).toLowerCase());
  }
}

/** Whether the word at `at` follows `->`, `?->` or `::` (spaces allowed between). */
function isMember(text: string, at: number): boolean {
  let k = at - 1;
  while (k >= 0 && isSpace(text.charCodeAt(k))) k--;
  const c = text.charCodeAt(k);
  const before = text.charCodeAt(k - 1);
  return (c === 62 && before === 45) || (c === 58 && before === 58);
}

/** Modifiers and the opening tag, which may stand before a declaration on its line. */
const BEFORE_DECLARATION = new Set(['public', 'protected', 'private', 'static', 'abstract', 'final', 'readonly', 'php']);

/** Whether a modifier (`public`, `static`, …) stands just before the keyword at `at`: a class member. */
function afterModifier(text: string, at: number): boolean {
  let k = at - 1;
  while (k >= 0 && isSpace(text.charCodeAt(k))) k--;
  let j = k + 1;
  while (j > 0 && isWordPart(text.charCodeAt(j - 1))) j--;
  const word = text.slice(j, k + 1).toLowerCase();
  return word !== 'php' && BEFORE_DECLARATION.has(word);
}

/**
 * Whether the keyword at `at` may begin a declaration: first on its line, or after a statement's
 * end, a brace, a parenthesis, an attribute, a comment's end, the opening tag or a modifier.
 * A keyword in prose ("this function is …") is none; the scan may only err towards more.
 */
function startsStatement(text: string, at: number): boolean {
  let k = at - 1;
  while (k >= 0 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k--;
  if (k < 0) return true;
  const c = text.charCodeAt(k);
  if (c === 10 || c === 13 || c === 59 || c === 123 || c === 125 || c === 41 || c === 93 || c === 62 || c === 38) return true;
  if (c === 47 && text.charCodeAt(k - 1) === 42) return true;
  if (!isWordPart(c)) return false;
  let j = k;
  while (j > 0 && isWordPart(text.charCodeAt(j - 1))) j--;
  return BEFORE_DECLARATION.has(text.slice(j, k + 1).toLowerCase());
}

/**
 * The file name the include whose expression runs from `from` to `end` ends with, when a
 * literal writes it (`'lib/x.php'`, `__DIR__ . '/x.php'`, `(ROOT . 'x.php')`): then a file that
 * includes `x.php` mentions its name's words. A path ending with a variable or a constant, or
 * a statement the scan cannot delimit, might name any file.
 */
function includedFileName(text: string, from: number, end: number): string | undefined {
  if (end < 0) return undefined;
  let k = end - 1;
  while (k > from && (isSpace(text.charCodeAt(k)) || text.charCodeAt(k) === 41)) k--;
  const quote = text.charCodeAt(k);
  if (quote !== 39 && quote !== 34) return undefined;
  const open = text.lastIndexOf(text[k]!, k - 1);
  if (open <= from) return undefined;
  const literal = text.slice(open + 1, k);
  const base = literal.slice(Math.max(literal.lastIndexOf('/'), literal.lastIndexOf('\\')) + 1);
  return base.length > 0 && !/[${]/.test(literal) ? base : undefined;
}
