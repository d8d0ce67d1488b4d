import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { collectComments } from '../../core/src/lower/ts/comments';
import { fixturesRoot } from './support';

/** Every TypeScript or JavaScript file under a folder, recursively. */
function tsFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return tsFiles(full);
    return /\.(ts|tsx|js|jsx|mjs|cjs)$/.test(entry.name) ? [full] : [];
  });
}

/** The reference: the trivia of every node `getChildren()` gives, tokens included (what `collectComments` did before). */
function commentsByGetChildren(source: ts.SourceFile, file: string): { span: { file: string; start: number; end: number }; text: string }[] {
  const text = source.text;
  const found = new Map<number, { span: { file: string; start: number; end: number }; text: string }>();
  const add = (ranges: readonly ts.CommentRange[] | undefined): void => {
    for (const range of ranges ?? []) {
      if (!found.has(range.pos)) found.set(range.pos, { span: { file, start: range.pos, end: range.end }, text: text.slice(range.pos, range.end) });
    }
  };
  const stack: ts.Node[] = [source];
  while (stack.length > 0) {
    const node = stack.pop()!;
    add(ts.getLeadingCommentRanges(text, node.getFullStart()));
    add(ts.getTrailingCommentRanges(text, node.getEnd()));
    for (const child of node.getChildren(source)) stack.push(child);
  }
  add(ts.getLeadingCommentRanges(text, 0));
  return [...found.values()].sort((a, b) => a.span.start - b.span.start);
}

const kindOf = (file: string): ts.ScriptKind => (/\.tsx$/.test(file) ? ts.ScriptKind.TSX : /\.jsx$/.test(file) ? ts.ScriptKind.JSX : /\.[mc]?js$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS);

describe('TypeScript comments scanned without getChildren() are those getChildren() gives', () => {
  const samples: [string, string][] = [
    ['jsdoc.ts', '/** A. @param x - see // here */\nexport function f(/* a */ x: number /* b */) { // c\n  return x; /* d */ } // e\n/** end */\n'],
    ['jsx.tsx', 'const a = <div>{/* in jsx */}// text, not a comment\n</div>; // after\n'],
    ['template.js', 'const t = `a ${/* in */ 1} // not`; /* after */ const r = /\\/\\//g; // re\n'],
    ['broken.ts', 'function f( { // open\n  /* x */ if (\n'],
    ['only.ts', '// one\n/* two */\n'],
  ];

  it('on every fixture and a few hard cases (JSDoc, JSX, templates, regular expressions, broken code)', () => {
    const files = tsFiles(fixturesRoot);
    assert.ok(files.length > 20);
    const cases: [string, string][] = [...samples, ...files.map((file): [string, string] => [file, fs.readFileSync(file, 'utf8')])];
    let comments = 0;
    for (const [file, text] of cases) {
      const expected = commentsByGetChildren(ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kindOf(file)), file);
      const scanned = collectComments(ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kindOf(file)), file);
      assert.deepEqual(scanned, expected, file);
      comments += expected.length;
    }
    assert.ok(comments > 100, `comments compared: ${comments}`);
  });
});
