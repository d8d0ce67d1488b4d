import * as ts from 'typescript';
import type { Span } from '../../model/span';

/** The scanner of the tokens between a node's children (the one the compiler's `getChildren` uses is internal). */
const scanner = ts.createScanner(ts.ScriptTarget.Latest, /* skipTrivia */ true);

/**
 * Every comment of the file, for suppressions: the trivia before and after each node and each
 * token (a comment before a `}` belongs to no node). The tokens are those `node.getChildren()`
 * would make (the same walk as the compiler's `createChildren`: a node's JSDoc, then its
 * children and lists, the tokens between them scanned), but scanned without making them: the
 * token objects and the children cached on every node cost most of a long file's lowering,
 * and their cache must be undone when the language server re-parses the tree incrementally.
 * `rules/test/ts-comments.test.ts` compares it with the `getChildren()` walk on every fixture.
 */
export function collectComments(source: ts.SourceFile, file: string): { span: Span; text: string }[] {
  const text = source.text;
  const found = new Map<number, { span: Span; text: string }>();
  const add = (ranges: readonly ts.CommentRange[] | undefined): void => {
    for (const range of ranges ?? []) {
      if (!found.has(range.pos)) found.set(range.pos, { span: { file, start: range.pos, end: range.end }, text: text.slice(range.pos, range.end) });
    }
  };
  const trivia = (pos: number, end: number): void => {
    add(ts.getLeadingCommentRanges(text, pos));
    add(ts.getTrailingCommentRanges(text, end));
  };
  // The tokens between `pos` and `end` (not crossing `end`), as `addSyntheticNodes` makes them.
  const tokens = (from: number, end: number): void => {
    scanner.resetTokenState(from);
    let pos = from;
    while (pos < end) {
      const kind = scanner.scan();
      const tokenEnd = scanner.getTokenEnd();
      if (tokenEnd <= end) {
        // An identifier in a node's gap (a JSDoc tab stop) makes no token; its text joins the next one's trivia.
        if (kind === ts.SyntaxKind.Identifier) continue;
        trivia(pos, tokenEnd);
      }
      pos = tokenEnd;
      if (kind === ts.SyntaxKind.EndOfFileToken) break;
    }
  };
  scanner.setText(text);
  try {
    const stack: ts.Node[] = [source];
    while (stack.length > 0) {
      const node = stack.pop()!;
      trivia(node.pos, node.end);
      const jsDoc = (node as { jsDoc?: readonly ts.Node[] }).jsDoc;
      // Tokens and identifiers have no children (the end of the file: its JSDoc).
      if (node.kind < ts.SyntaxKind.FirstNode) {
        if (node.kind === ts.SyntaxKind.EndOfFileToken) stack.push(...(jsDoc ?? []));
        continue;
      }
      if (ts.isJSDocCommentContainingNode(node)) {
        ts.forEachChild(node, (child) => void stack.push(child));
        continue;
      }
      let pos = node.pos;
      for (const doc of jsDoc ?? []) {
        tokens(pos, doc.pos);
        stack.push(doc);
        pos = doc.end;
      }
      pos = node.pos;
      ts.forEachChild(
        node,
        (child) => {
          tokens(pos, child.pos);
          stack.push(child);
          pos = child.end;
        },
        (list) => {
          tokens(pos, list.pos);
          // The list itself (a `SyntaxList`), its children and the tokens between them (commas).
          trivia(list.pos, list.end);
          let at = list.pos;
          for (const child of list) {
            tokens(at, child.pos);
            stack.push(child);
            at = child.end;
          }
          tokens(at, list.end);
          pos = list.end;
        },
      );
      tokens(pos, node.end);
    }
  } finally {
    scanner.setText(undefined);
  }
  add(ts.getLeadingCommentRanges(text, 0));
  return [...found.values()].sort((a, b) => a.span.start - b.span.start);
}
