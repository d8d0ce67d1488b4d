import * as ts from 'typescript';
import type { Span } from '../model/span';
import { keptTsTree, scriptKindFor } from '../parse/typescript';
import type { CallArguments, EditSites, StatementSite } from './edit-sites';
import { indentUnitOf, lineIndentIn, lineNumberIn } from './php-edit-sites';
import type { NodeTransactionStatements } from '../catalog';
import { planMoveBefore, type MoveBeforeResult } from './ts-move-statement';
import { planReacquire, type ReacquireResult } from './ts-reacquire';

/**
 * `EditSites` of a TypeScript or JavaScript file from the compiler's syntax tree (parsed again
 * on first use, syntax only). Comments are `//`; statements are those of a block, a file, a
 * module block or a `case`.
 */
export class TsEditSites implements EditSites {
  private source: ts.SourceFile | undefined;
  private quoteStyle: string | undefined;
  private unit: string | undefined;
  readonly lineComment = '//';

  constructor(
    readonly file: string,
    readonly text: string,
  ) {}

  slice(start: number, end: number): string {
    return this.text.slice(start, end);
  }

  lineNumberAt(offset: number): number {
    return lineNumberIn(this.text, offset);
  }

  lineIndentAt(offset: number): { readonly lineStart: number; readonly indent: string } {
    return lineIndentIn(this.text, offset);
  }

  /** Nothing to free: the tree is garbage-collected (the PHP sites hold wasm memory). */
  dispose(): void {
    this.source = undefined;
  }

  get quote(): string {
    if (this.quoteStyle === undefined) {
      let single = 0;
      let double = 0;
      const visit = (node: ts.Node): void => {
        if (ts.isStringLiteral(node)) {
          if (node.getText(this.tree())[0] === '"') double++;
          else single++;
        }
        ts.forEachChild(node, visit);
      };
      visit(this.tree());
      this.quoteStyle = double > single ? '"' : "'";
    }
    return this.quoteStyle;
  }

  get indentUnit(): string {
    this.unit ??= indentUnitOf(this.text);
    return this.unit;
  }

  statementAround(span: Span): StatementSite | undefined {
    for (let node: ts.Node | undefined = this.nodeAt(span); node; node = node.parent) {
      if (node.parent && isStatementList(node.parent) && ts.isStatement(node)) return this.siteOf(node);
    }
    return undefined;
  }

  callStatement(span: Span): StatementSite | undefined {
    let node: ts.Node | undefined = this.nodeAt(span);
    while (node && !(ts.isCallExpression(node) && node.getStart(this.tree()) === span.start && node.end === span.end)) node = node.parent;
    let statement = node?.parent;
    if (statement && ts.isAwaitExpression(statement)) statement = statement.parent;
    if (!statement || !ts.isExpressionStatement(statement) || !statement.parent || !isStatementList(statement.parent)) return undefined;
    return this.siteOf(statement);
  }

  /** Options merging is PHP's `session_start()` only. */
  callArguments(_span: Span): CallArguments | undefined {
    return undefined;
  }

  lineStartsInCode(offset: number): boolean {
    const lineStart = this.text.lastIndexOf('\n', offset - 1) + 1;
    let first = lineStart;
    while (first < this.text.length && (this.text[first] === ' ' || this.text[first] === '\t')) first++;
    if (first >= this.text.length) return false;
    // A `#!` line must stay the first one.
    if (lineStart === 0 && this.text.startsWith('#!')) return false;
    const source = this.tree();
    let node: ts.Node = source;
    for (;;) {
      const child = node.getChildren(source).find((c) => c.pos <= first && first < c.end);
      if (!child) break;
      node = child;
    }
    // Inside a string, a template or JSX text, or in the comments before a token: no comment can start there.
    if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node) || node.kind === ts.SyntaxKind.JsxText) return false;
    for (let up: ts.Node | undefined = node; up; up = up.parent) if (ts.isTemplateExpression(up) || ts.isJsxElement(up) || ts.isJsxFragment(up)) return false;
    return first >= node.getStart(source);
  }

  moveBefore(slow: Span, acquire: Span, alsoSlow: readonly Span[]): MoveBeforeResult {
    if (slow.file !== this.file || acquire.file !== this.file) return { refused: 'the slow work and the acquire are in different files' };
    return planMoveBefore(this.tree(), this.file, this.text, slow, acquire, alsoSlow);
  }

  reacquireAround(slow: Span, acquire: Span, alsoSlow: readonly Span[], releases: readonly Span[], transactions: readonly NodeTransactionStatements[]): ReacquireResult {
    if (slow.file !== this.file || acquire.file !== this.file) return { refused: 'the slow work and the acquire are in different files' };
    return planReacquire(this.tree(), this.file, this.text, slow, acquire, alsoSlow, releases.filter((span) => span.file === this.file), transactions);
  }

  /** Whether the file imports (or requires) one of these modules. */
  importsModule(names: readonly string[]): boolean {
    let found = false;
    const visit = (node: ts.Node): void => {
      if (found) return;
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && names.includes(node.moduleSpecifier.text)) found = true;
      else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require' && node.arguments[0] && ts.isStringLiteral(node.arguments[0]) && names.includes(node.arguments[0].text)) found = true;
      else ts.forEachChild(node, visit);
    };
    visit(this.tree());
    return found;
  }

  private siteOf(node: ts.Node): StatementSite | undefined {
    const source = this.tree();
    const start = node.getStart(source);
    const lineStart = this.text.lastIndexOf('\n', start - 1) + 1;
    const indent = this.text.slice(lineStart, start);
    if (![...indent].every((ch) => ch === ' ' || ch === '\t')) return undefined;
    const parent = node.parent!;
    const lineEnd = this.lineEndAfter(node.end);
    return {
      span: { file: this.file, start, end: node.end },
      lineStart,
      indent,
      block: { file: this.file, start: parent.getStart(source), end: parent.end },
      ...(lineEnd !== undefined ? { lineEnd } : {}),
    };
  }

  /** Past the line break after `end`, when only spaces and a line comment follow on that line. */
  private lineEndAfter(end: number): number | undefined {
    let at = end;
    while (at < this.text.length && (this.text[at] === ' ' || this.text[at] === '\t' || this.text[at] === '\r')) at++;
    if (this.text.startsWith('//', at)) {
      const newline = this.text.indexOf('\n', at);
      return newline < 0 ? undefined : newline + 1;
    }
    return this.text[at] === '\n' ? at + 1 : undefined;
  }

  private nodeAt(span: Span): ts.Node | undefined {
    if (span.file !== this.file) return undefined;
    const source = this.tree();
    let node: ts.Node = source;
    for (;;) {
      const child = node.getChildren(source).find((c) => c.getStart(source) <= span.start && span.end <= c.end);
      if (!child) return node;
      node = child;
    }
  }

  private tree(): ts.SourceFile {
    // The lowering's tree of the same text, when the language server keeps it: one parse per text.
    this.source ??= keptTsTree(this.file, this.text) ?? ts.createSourceFile(this.file, this.text, ts.ScriptTarget.Latest, true, scriptKindFor(this.file));
    return this.source;
  }
}

function isStatementList(node: ts.Node): boolean {
  return ts.isBlock(node) || ts.isSourceFile(node) || ts.isModuleBlock(node) || ts.isCaseClause(node) || ts.isDefaultClause(node);
}
