import { Language, Parser, type Node, type Tree } from 'web-tree-sitter';
import { PlainTree, type SyntaxNode } from './plain-tree';
import { RecentTrees } from './recent-trees';

/**
 * PHP parsing with tree-sitter (wasm). Error-tolerant: broken code gives a tree with ERROR
 * and MISSING nodes, never an exception. The wasm bytes come from the host, so this module
 * does no I/O and runs the same in the CLI, the language server, workers and tests.
 */
export interface PhpGrammar {
  readonly treeSitterRuntime: Uint8Array;
  readonly php: Uint8Array;
}

export interface SyntaxProblem {
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

let runtimeReady: Promise<void> | undefined;

async function initRuntime(runtimeWasm: Uint8Array): Promise<void> {
  // The runtime wants a file name even when it is handed the bytes; it never reads it.
  runtimeReady ??= Parser.init({ wasmBinary: runtimeWasm, locateFile: (name: string) => name } as object);
  return runtimeReady;
}

export class PhpParser {
  /** Set by `keepRecentTrees`: the last trees by path, for incremental re-parses. */
  private recent: RecentTrees | undefined;

  private constructor(private readonly parser: Parser) {}

  /**
   * From now on, keep the latest tree of the last `files` files parsed with a path
   * (`parsePlain(text, path)`): a changed text is re-parsed incrementally, the same text not
   * at all. For a language server, whose documents change a character at a time.
   */
  keepRecentTrees(files: number): void {
    this.recent?.clear();
    this.recent = new RecentTrees(this, files);
  }

  static async create(grammar: PhpGrammar): Promise<PhpParser> {
    await initRuntime(grammar.treeSitterRuntime);
    const language = await Language.load(grammar.php);
    const parser = new Parser();
    parser.setLanguage(language);
    return new PhpParser(parser);
  }

  /**
   * Parses `text`. Pass the previous tree, already `edit()`ed to match the new text, for an
   * incremental parse (about 1.5 ms per edit instead of a full parse). The caller owns the
   * returned tree and must `delete()` it: wasm memory is not garbage-collected.
   */
  parse(text: string, previous?: Tree): Tree {
    const tree = this.parser.parse(text, previous ?? null);
    if (!tree) throw new Error('tree-sitter returned no tree (no language set)');
    return tree;
  }

  /**
   * A full parse of `text`, repairing the names the grammar reads as numbers. tree-sitter-php's
   * `float` rule lets a number start without a digit, so a name such as `e107` (the e107 CMS's
   * class, on most of its lines) lexes as the float `e107` and its statement is a syntax error.
   * A PHP number never starts with a letter: such a float is a misread name. Its first
   * character is replaced by one no number can start with, in a copy of the same length that is
   * parsed again. The returned tree's own texts may so differ from `text` in those letters:
   * read it through `PlainTree.copy(tree, text)`, which takes every text from `text`.
   * The same repair reads `self` and `parent` not followed by `::` (`'…'.SELF`, CodeIgniter's
   * front controller) as the constant names they are: PHP reserves them only as class names.
   * And a keyword as the unquoted key or the property of simple interpolation
   * (`"$_REQUEST[include]"`, `"$o->Class"`): PHP reads any name there, the grammar only non-keywords.
   * And a `#?` comment, which the grammar ends before the `?` (only `?>` ends a PHP comment),
   * and a line comment ending in `??>`, which it runs past the `?>`.
   */
  parseRepairingNames(text: string): Tree {
    let tree = this.parse(text);
    let parsed = text;
    for (let round = 0; round < MAX_NAME_REPAIRS && tree.rootNode.hasError; round++) {
      const misread = [...namesReadAsNumbers(tree), ...scopeKeywordsReadAsConstants(tree), ...keywordKeysInStrings(tree), ...hashCommentsCutAtQuestionMark(tree, parsed), ...commentsRunningPastCloseTag(tree, parsed)];
      if (misread.length === 0) break;
      parsed = withFirstCharacterReplaced(parsed, misread);
      tree.delete();
      tree = this.parse(parsed);
    }
    return tree;
  }

  /**
   * Parses `text` into a `PlainTree` (plain arrays, read without crossing into wasm); the
   * wasm tree is freed before this returns (or kept for the next text of `path`, see
   * `keepRecentTrees`). What the analysis walks.
   */
  parsePlain(text: string, path?: string): PlainTree {
    if (path !== undefined && this.recent) return this.recent.plain(path, text);
    const tree = this.parseRepairingNames(text);
    try {
      return PlainTree.copy(tree, text);
    } finally {
      tree.delete();
    }
  }
}

/** Rounds of `parsePlain`'s repair: one finds them all unless a repair uncovers another. */
const MAX_NAME_REPAIRS = 3;

/** Where a `float` node starts with a letter (`e107`): a name the grammar read as a number. */
function namesReadAsNumbers(tree: Tree): number[] {
  return tree.rootNode
    .descendantsOfType('float')
    .filter((node) => node !== null && startsWithLetter(node.text))
    .map((node) => node!.startIndex);
}

/**
 * Where `self` or `parent` stands in a syntax error without the `::` that would make it a class
 * scope (`echo 'x'.SELF;`): tree-sitter-php knows them only as scope keywords, PHP also as the
 * names of constants (`define('SELF', …)`).
 */
function scopeKeywordsReadAsConstants(tree: Tree): number[] {
  const starts: number[] = [];
  for (const error of tree.rootNode.descendantsOfType('ERROR')) {
    for (const keyword of error?.descendantsOfType(['self', 'parent']) ?? []) {
      if (!keyword) continue;
      const holder = keyword.parent?.type === 'relative_scope' ? keyword.parent : keyword;
      if (holder.parent?.type === 'ERROR' && holder.nextSibling?.type !== '::') starts.push(keyword.startIndex);
    }
  }
  return [...new Set(starts)];
}

/**
 * Where a keyword stands as the key of an array read in simple string interpolation
 * (`"… $_REQUEST[include] …"`, also in a heredoc) or as the property of an object read there
 * (`"<td>$o->Class</td>"`): tree-sitter-php takes the keyword for the keyword and the statement
 * is a syntax error, where PHP reads the name as the string key `'include'` or the property.
 * The shape: an ERROR node holding the keyword token (and `]`), right after `$name[` or
 * `$name->`, inside a string.
 */
function keywordKeysInStrings(tree: Tree): number[] {
  const starts: number[] = [];
  for (const error of tree.rootNode.descendantsOfType('ERROR')) {
    if (!error) continue;
    // The keyword stands in the ERROR node, either alone with its `]` (the `[` just before the
    // node) or among the string's other tokens the recovery flattened into it.
    for (let i = 0; i < error.childCount; i++) {
      const keyword = error.child(i)!;
      if (keyword.isNamed || keyword.type !== keyword.text.toLowerCase() || !/^[a-z_]+$/.test(keyword.type)) continue;
      const opener = i > 0 ? error.child(i - 1) : error.previousSibling;
      const holder = opener?.previousSibling;
      const isKey = opener?.type === '[' && error.child(i + 1)?.type === ']';
      if (!(isKey || opener?.type === '->') || holder?.type !== 'variable_name') continue;
      if (holder.endIndex !== opener!.startIndex || opener!.endIndex !== keyword.startIndex || !insideString(keyword)) continue;
      starts.push(keyword.startIndex);
    }
  }
  return starts;
}

/**
 * Where a `#` comment is followed by a `?` that does not close PHP (`#? $a ? $b : $c);`, code
 * commented out): tree-sitter-php ends the comment before the `?`, PHP only at `?>` or the end
 * of the line. The `?` is replaced so that the comment runs on to the end of its line.
 */
function hashCommentsCutAtQuestionMark(tree: Tree, text: string): number[] {
  const starts: number[] = [];
  for (const comment of tree.rootNode.descendantsOfType('comment')) {
    if (!comment || comment.endIndex - comment.startIndex !== 1 || text[comment.startIndex] !== '#') continue;
    if (text[comment.endIndex] === '?' && text[comment.endIndex + 1] !== '>') starts.push(comment.endIndex);
  }
  return starts;
}

/**
 * Where a line comment holds a `?>` the grammar did not end it at (`<?php }//newpage??>`: it
 * reads `??` as a pair and goes on): PHP ends the comment at the first `?>`. The `?` before
 * that `?>` is replaced, so the grammar ends the comment there too.
 */
function commentsRunningPastCloseTag(tree: Tree, text: string): number[] {
  const starts: number[] = [];
  for (const comment of tree.rootNode.descendantsOfType('comment')) {
    if (!comment || text.startsWith('/*', comment.startIndex)) continue;
    const close = text.slice(comment.startIndex, comment.endIndex).indexOf('?>');
    if (close > 0 && text[comment.startIndex + close - 1] === '?') starts.push(comment.startIndex + close - 1);
  }
  return starts;
}

/** Inside a double-quoted string or a heredoc, also one the grammar recovered as an ERROR. */
function insideString(node: Node): boolean {
  for (let at: Node | null = node.parent; at; at = at.parent) {
    if (at.type === 'encapsed_string' || at.type === 'heredoc' || at.type === 'heredoc_body') return true;
    // Recovery may turn the string itself into an ERROR that still holds its opening token.
    if (at.type === 'ERROR' && at.children.some((child) => child?.type === 'heredoc_start' || child?.type === '"')) return true;
    if (at.type.endsWith('_statement') || at.type === 'program') return false;
  }
  return false;
}

function startsWithLetter(token: string): boolean {
  const first = token.charCodeAt(0) | 0x20; // lower case
  return first >= 0x61 && first <= 0x7a;
}

function withFirstCharacterReplaced(text: string, starts: readonly number[]): string {
  let out = '';
  let from = 0;
  for (const start of [...starts].sort((a, b) => a - b)) {
    out += text.slice(from, start) + 'x';
    from = start + 1;
  }
  return out + text.slice(from);
}

const MAX_REPORTED_PROBLEMS = 20;

/** Statement-like node types that can stand in an ERROR node without being the error. */
function isStatementLike(type: string): boolean {
  return (
    type.endsWith('_statement') ||
    type.endsWith('_declaration') ||
    type.endsWith('_definition') ||
    type === 'php_tag' ||
    type === 'comment' ||
    type === 'text_interpolation' ||
    type === 'text'
  );
}

/**
 * ERROR and MISSING nodes, in source order, as messages a user can act on. An ERROR node
 * holding whole statements (tree-sitter's way of saying "the rest did not parse", often an
 * unclosed brace) is reported where the first thing that is not a statement starts.
 */
export function syntaxProblems(root: SyntaxNode): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  if (!root.hasError) return problems;
  const stack: SyntaxNode[] = [root];
  while (stack.length > 0 && problems.length < MAX_REPORTED_PROBLEMS) {
    const node = stack.pop()!;
    if (node.isMissing) {
      problems.push({ start: node.startIndex, end: node.endIndex, message: `missing \`${node.type}\`` });
      continue;
    }
    if (node.type === 'ERROR') {
      const children = node.children.filter((c): c is SyntaxNode => c !== null);
      const culprit = children.find((c) => !isStatementLike(c.type) && !c.hasError);
      if (children.some((c) => isStatementLike(c.type)) && culprit) {
        const snippet = firstLine(culprit.text);
        problems.push({
          start: culprit.startIndex,
          end: culprit.endIndex,
          message: `the code from \`${snippet}\` on does not parse (an unclosed \`{\`, \`(\` or string?)`,
        });
      } else if (!children.some((c) => c.hasError)) {
        const snippet = firstLine(node.text);
        problems.push({ start: node.startIndex, end: node.endIndex, message: snippet ? `unexpected \`${snippet}\`` : 'unexpected input' });
        continue;
      }
    }
    if (!node.hasError) continue;
    const children = node.children;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child && (child.hasError || child.isMissing)) stack.push(child);
    }
  }
  return problems.sort((a, b) => a.start - b.start);
}

function firstLine(text: string): string {
  const line = text.split(/\r?\n/, 1)[0]!.trim();
  return line.length > 30 ? `${line.slice(0, 27)}...` : line;
}

export type { Tree as SyntaxTree } from 'web-tree-sitter';
export { PlainTree, PlainNode, type SyntaxNode } from './plain-tree';
