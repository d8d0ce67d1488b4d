import type { Span } from '../model/span';
import type { PhpParser } from '../parse/php';
import type { PlainNode as Node, PlainTree } from '../parse/plain-tree';
import type { CallArgument, CallArguments, EditSites, StatementSite, TopLevelInsertion } from './edit-sites';
import type { TextReads } from './text-reads';

/** Nodes whose children are statements run one after the other. */
const BLOCKS = new Set(['program', 'compound_statement', 'colon_block', 'case_statement', 'default_statement']);

/** Nodes a comment cannot start in: the text of a string, or HTML outside `<?php`. */
const NOT_CODE = new Set(['string', 'encapsed_string', 'heredoc', 'nowdoc', 'text', 'text_interpolation', 'shell_command_expression', 'comment']);

/**
 * `EditSites` of a PHP file from its syntax tree, parsed on first use into a `PlainTree`: the
 * fixes ask for the statement around each effect they check, hundreds in a long handler, and
 * each step up a wasm tree crosses into wasm (a parent is found from the root down).
 */
export class PhpEditSites implements EditSites {
  private tree: PlainTree | undefined;
  private style: { lineComment: string; quote: string } | undefined;
  private unit: string | undefined;
  private readonly statements = new Map<string, StatementSite | undefined>();
  private topLevelTexts: Set<string> | undefined;

  constructor(
    private readonly parser: PhpParser,
    readonly file: string,
    private readonly source: string,
    /**
     * Records what the answers read of the text besides the tree's shape (a language server
     * keeps an analysis for a later text that differs nowhere it read: `text-reads.ts`).
     */
    private readonly reads?: TextReads,
  ) {}

  /** The whole text: whatever a caller does with it, every later edit may change its answer. */
  get text(): string {
    if (this.reads) this.reads.whole = true;
    return this.source;
  }

  slice(start: number, end: number): string {
    this.reads?.range(start, end);
    return this.source.slice(start, end);
  }

  /** Counted by line feeds, which an edit that adds or removes none leaves where they were: not a read. */
  lineNumberAt(offset: number): number {
    return lineNumberIn(this.source, offset);
  }

  lineIndentAt(offset: number): { readonly lineStart: number; readonly indent: string } {
    const found = lineIndentIn(this.source, offset);
    this.reads?.range(Math.max(0, found.lineStart - 1), Math.max(offset, found.lineStart + found.indent.length + 1));
    return found;
  }

  /** Drops the tree (plain memory: kept only as long as the sites are). */
  dispose(): void {
    if (this.reads && this.tree) this.reads.tree ??= this.tree;
    this.tree = undefined;
  }

  get lineComment(): string {
    const marker = this.styleOf().lineComment;
    this.reads?.answer('lineComment', marker);
    return marker;
  }

  get quote(): string {
    const quote = this.styleOf().quote;
    this.reads?.answer('quote', quote);
    return quote;
  }

  get indentUnit(): string {
    this.unit ??= indentUnitOf(this.source);
    this.reads?.answer('indentUnit', this.unit);
    return this.unit;
  }

  statementAround(span: Span): StatementSite | undefined {
    // Asked again for the same effects by each fix of each finding of a unit: answered once.
    const key = `${span.file}\0${span.start}\0${span.end}`;
    if (this.statements.has(key)) return this.statements.get(key);
    // (The walk reads only the tree's shape; `siteOf` records the text it reads.)
    let node: Node | null = this.nodeAt(span);
    while (node && !(node.parent && BLOCKS.has(node.parent.type) && isStatement(node))) node = node.parent;
    const site = node ? this.siteOf(node) : undefined;
    this.statements.set(key, site);
    return site;
  }

  callStatement(span: Span): StatementSite | undefined {
    const call = this.callAt(span);
    let node = call?.parent ?? null;
    if (node?.type === 'error_suppression_expression') node = node.parent;
    if (!node || node.type !== 'expression_statement' || !node.parent || !BLOCKS.has(node.parent.type)) return undefined;
    return this.siteOf(node);
  }

  callArguments(span: Span): CallArguments | undefined {
    const call = this.callAt(span);
    const name = call?.childForFieldName('function');
    const args = call?.childForFieldName('arguments');
    if (!call || !name || !args || (name.type !== 'name' && name.type !== 'qualified_name')) return undefined;
    const open = args.child(0);
    const close = args.child(args.childCount - 1);
    if (open?.type !== '(' || close?.type !== ')') return undefined;
    // The function's name and the arguments' array keys are read: the call's text.
    this.reads?.range(call.startIndex, call.endIndex);
    const list: CallArgument[] = [];
    for (const argument of args.namedChildren) {
      if (!argument || argument.type === 'comment') continue;
      // Named arguments and spreads: the options are not a plain first argument.
      if (argument.type !== 'argument' || argument.namedChildCount !== 1) return undefined;
      const value = argument.namedChild(0)!;
      list.push({ span: this.spanOf(argument), ...(value.type === 'array_creation_expression' ? { array: arrayOf(value) } : {}) });
    }
    return { name: name.text, inside: { file: this.file, start: open.endIndex, end: close.startIndex }, arguments: list };
  }

  lineStartsInCode(offset: number): boolean {
    const lineStart = this.source.lastIndexOf('\n', offset - 1) + 1;
    let first = lineStart;
    while (first < this.source.length && (this.source[first] === ' ' || this.source[first] === '\t')) first++;
    this.reads?.range(Math.max(0, lineStart - 1), Math.max(offset, first + 1));
    if (first >= this.source.length) return false;
    for (let node: Node | null = this.descendant(first, first); node; node = node.parent) {
      if (NOT_CODE.has(node.type) || node.type === 'ERROR' || node.isMissing) return false;
    }
    // The first line holds `<?php`: nothing goes before it.
    return lineStart > 0;
  }

  topLevelInsertion(): TopLevelInsertion | undefined {
    let namespace = '';
    let before: Node | undefined;
    for (const node of this.root().namedChildren) {
      if (!node || node.type === 'php_tag' || node.type === 'comment') continue;
      // Everything read is before the end of the node looked at last.
      this.reads?.range(0, node.endIndex);
      if (node.type === 'declare_statement' || node.type === 'namespace_use_declaration') {
        before = node;
        continue;
      }
      if (node.type === 'namespace_definition') {
        // `namespace A { … }`: declarations belong inside a body, one per namespace.
        if (node.childForFieldName('body')) return undefined;
        namespace = node.childForFieldName('name')?.text.toLowerCase() ?? '';
        before = node;
        continue;
      }
        if (!isStatement(node) || node.type === 'text') return undefined;
      return this.insertionBefore(node, before, namespace);
    }
    this.reads?.range(0, this.source.length);
    return undefined;
  }

  hasTopLevelStatement(text: string): boolean {
    // Asked for each helper by each fix of each finding: the file's statements are read once.
    this.topLevelTexts ??= new Set(this.root().namedChildren.map((node) => withoutCarriageReturns(node.text)));
    const found = this.topLevelTexts.has(withoutCarriageReturns(text));
    this.reads?.answer(`hasTopLevelStatement\0${text}`, found);
    return found;
  }

  // The walks below read the tree's arrays and make node objects only for the few nodes they
  // look into: asked once per fix over a whole top level, they must not allocate every node.

  leavesEarly(span: Span): boolean {
    const tree = this.plainTree();
    const inside = (node: number): boolean => tree.starts[node]! >= span.start && tree.ends[node]! <= span.end;
    const visit = (node: number, loops: number): boolean => {
      const type = tree.typeName(node);
      if (NESTED_CODE.has(type) && inside(node)) return false;
      if (inside(node)) {
        if (LEAVES.has(type)) return true;
        if (type === 'break_statement' || type === 'continue_statement') {
          // `break 2` past the loops inside the span leaves it.
          const level = tree.node(node)!.namedChildren.find((child) => child.type === 'integer');
          if (level) this.reads?.range(level.startIndex, level.endIndex);
          if ((level ? Number(level.text) : 1) > loops) return true;
        }
      }
      const deeper = inside(node) && BREAKABLE.has(type) ? loops + 1 : loops;
      const end = tree.subtreeEnds[node]!;
      for (let child = node + 1; child < end; child = tree.subtreeEnds[child]!) {
        if (tree.isNamedAt(child) && tree.ends[child]! > span.start && tree.starts[child]! < span.end && visit(child, deeper)) return true;
      }
      return false;
    };
    return visit(0, 0);
  }

  namesVariable(span: Span, name: string): boolean {
    const tree = this.plainTree();
    // In pre-order; a node outside the span is skipped with its subtree.
    for (let node = 0; node < tree.nodeCount; ) {
      if (tree.ends[node]! <= span.start || tree.starts[node]! >= span.end || !tree.isNamedAt(node)) {
        node = tree.subtreeEnds[node]!;
        continue;
      }
      if (tree.typeName(node) === 'variable_name') {
        this.reads?.range(tree.starts[node]!, tree.ends[node]!);
        if (tree.node(node)!.namedChild(0)?.text === name) return true;
      }
      node++;
    }
    return false;
  }

  /** Before `node`, above the comments that sit right over it (not above `before`, the last prologue statement). */
  private insertionBefore(node: Node, before: Node | undefined, namespace: string): TopLevelInsertion | undefined {
    let first = node;
    for (let previous = node.previousNamedSibling; previous?.type === 'comment' && this.lineBreaksBetween(previous.endIndex, first.startIndex) <= 1; previous = previous.previousNamedSibling) {
      if (before && previous.startIndex < before.endIndex) break;
      // A comment on the line of `<?php` or of a prologue statement stays there.
      const lineStart = this.source.lastIndexOf('\n', previous.startIndex - 1) + 1;
      if (!blank(this.source.slice(lineStart, previous.startIndex))) break;
      first = previous;
    }
    const offset = this.source.lastIndexOf('\n', first.startIndex - 1) + 1;
    if (offset === 0 || !blank(this.source.slice(offset, first.startIndex))) return undefined;
    const previousLineStart = this.source.lastIndexOf('\n', offset - 2) + 1;
    const previousLine = this.source.slice(previousLineStart, offset - 1).trim();
    return { offset, blankBefore: previousLine !== '' && previousLine !== '<?php', namespace };
  }

  /** How many lines apart two offsets are (tree-sitter counts rows by line feeds). */
  private lineBreaksBetween(from: number, to: number): number {
    let breaks = 0;
    for (let at = this.source.indexOf('\n', from); at !== -1 && at < to; at = this.source.indexOf('\n', at + 1)) breaks++;
    return breaks;
  }

  private siteOf(node: Node): StatementSite | undefined {
    const lineStart = this.source.lastIndexOf('\n', node.startIndex - 1) + 1;
    // From the line break before the statement up to its start: its indentation.
    this.reads?.range(Math.max(0, lineStart - 1), node.startIndex);
    const indent = this.source.slice(lineStart, node.startIndex);
    if (![...indent].every((ch) => ch === ' ' || ch === '\t')) return undefined;
    const lineEnd = this.lineEndAfter(node);
    return { span: this.spanOf(node), lineStart, indent, block: this.spanOf(node.parent!), ...(lineEnd !== undefined ? { lineEnd } : {}) };
  }

  /** Past the line break after `node`, when only spaces and comments follow it on its line. */
  private lineEndAfter(node: Node): number | undefined {
    let at = node.endIndex;
    // From the statement's end to where the scan stops, that character included (a comment is read whole).
    const read = (to: number): void => this.reads?.range(node.endIndex, to);
    for (;;) {
      while (at < this.source.length && (this.source[at] === ' ' || this.source[at] === '\t' || this.source[at] === '\r')) at++;
      if (at >= this.source.length) return read(at), undefined;
      if (this.source[at] === '\n') return read(at + 1), at + 1;
      // A comment that ends the line (`// expect: …`); a block comment may go on past it.
      const comment = this.descendant(at, at);
      if (!comment || comment.type !== 'comment' || comment.startIndex !== at) return read(at + 1), undefined;
      read(comment.endIndex);
      const body = comment.text;
      if (body.startsWith('/*') && body.includes('\n')) return undefined;
      at = comment.endIndex;
    }
  }

  private callAt(span: Span): Node | undefined {
    let node: Node | null = this.nodeAt(span);
    while (node && node.startIndex === span.start && node.endIndex === span.end && node.type !== 'function_call_expression') node = node.parent;
    return node?.type === 'function_call_expression' && node.startIndex === span.start && node.endIndex === span.end ? node : undefined;
  }

  private nodeAt(span: Span): Node | null {
    if (span.file !== this.file) return null;
    return this.descendant(span.start, Math.max(span.start, span.end - 1));
  }

  private descendant(start: number, end: number): Node | null {
    this.root();
    return this.tree!.node(this.tree!.descendantForIndex(start, end));
  }

  private spanOf(node: Node): Span {
    return { file: this.file, start: node.startIndex, end: node.endIndex };
  }

  private root(): Node {
    return this.plainTree().rootNode;
  }

  private plainTree(): PlainTree {
    this.tree ??= this.parser.parsePlain(this.source, this.file);
    return this.tree;
  }

  private styleOf(): { lineComment: string; quote: string } {
    if (this.style) return this.style;
    let hash = 0;
    let slashes = 0;
    let single = 0;
    let double = 0;
    for (const node of this.root().descendantsOfType(['comment', 'string', 'encapsed_string'])) {
      if (!node.isNamed) continue;
      if (node.type === 'comment') {
        if (node.text.startsWith('#') && !node.text.startsWith('#[')) hash++;
        else if (node.text.startsWith('//')) slashes++;
      } else if (node.type === 'string') {
        single++;
      } else {
        double++;
      }
    }
    this.style = { lineComment: hash > slashes ? '#' : '//', quote: double > single ? '"' : "'" };
    return this.style;
  }
}

/** Code that leaves the statement it is in (`exit` and `die` are `exit_statement`). */
const LEAVES = new Set(['return_statement', 'exit_statement', 'throw_expression', 'goto_statement', 'yield_expression']);

/** What a `break` or `continue` counts as one level. */
const BREAKABLE = new Set(['while_statement', 'do_statement', 'for_statement', 'foreach_statement', 'switch_statement']);

/** Declarations whose code runs elsewhere: a `return` in them leaves them, not the statement. */
const NESTED_CODE = new Set(['function_definition', 'anonymous_function', 'arrow_function', 'class_declaration', 'interface_declaration', 'trait_declaration', 'enum_declaration', 'method_declaration']);

function blank(text: string): boolean {
  return [...text].every((ch) => ch === ' ' || ch === '\t');
}

function withoutCarriageReturns(text: string): string {
  return text.split('\r\n').join('\n');
}

function isStatement(node: Node): boolean {
  return node.isNamed && node.type !== 'comment' && node.type !== 'text_interpolation' && node.type !== 'php_tag' && !node.type.endsWith('_tag');
}

function arrayOf(array: Node): NonNullable<CallArgument['array']> {
  const elements = array.namedChildren.filter((child): child is Node => child !== null && child.type === 'array_element_initializer');
  const keys: string[] = [];
  let literalKeys = true;
  for (const element of elements) {
    const key = element.namedChildCount === 2 ? element.namedChild(0) : null;
    const content = key?.type === 'string' || key?.type === 'encapsed_string' ? key.namedChildren.filter((c) => c?.type === 'string_content') : [];
    if (key && content.length === 1 && key.namedChildCount === 1) keys.push(content[0]!.text);
    else literalKeys = false;
  }
  const last = elements[elements.length - 1];
  // `[` … `]` or `array(` … `)`: the closing bracket is the last child.
  const closing = array.child(array.childCount - 1)!;
  return { keys: literalKeys ? keys : undefined, appendAt: last ? last.endIndex : closing.startIndex, empty: elements.length === 0 };
}

/**
 * One level of indentation: a tab if the first indented line starts with one, else the
 * smallest number of spaces any line is indented by (2 or 4 in most code; 4 when none is).
 */
/** Where the line of `offset` starts, and the spaces and tabs it starts with. */
export function lineIndentIn(text: string, offset: number): { readonly lineStart: number; readonly indent: string } {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let codeStart = lineStart;
  while (text[codeStart] === ' ' || text[codeStart] === '\t') codeStart++;
  return { lineStart, indent: text.slice(lineStart, codeStart) };
}

/** The 1-based line of `offset`: one more than the line feeds before it. */
export function lineNumberIn(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

export function indentUnitOf(text: string): string {
  let smallest = 0;
  let lineStart = 0;
  while (lineStart < text.length) {
    let end = text.indexOf('\n', lineStart);
    if (end < 0) end = text.length;
    let i = lineStart;
    if (text[i] === '\t') return '\t';
    while (i < end && text[i] === ' ') i++;
    const spaces = i - lineStart;
    // A docblock's ` * ` lines are indented by one space: not a level.
    if (spaces >= 2 && i < end && text[i] !== '*' && (smallest === 0 || spaces < smallest)) smallest = spaces;
    lineStart = end + 1;
  }
  return ' '.repeat(smallest === 0 ? 4 : Math.min(smallest, 8));
}
