import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { keepRecentTsTrees, parseTypeScript, type ParsedTs } from '../../core/src';
import { fixturesRoot } from './support';
import { editsOf } from './typing-edits';

/** Every TypeScript or JavaScript file under a folder, recursively. */
function tsFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return tsFiles(full);
    return /\.(ts|tsx|js|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Every node's kind and place, in order: what the lowering reads of the tree's shape. */
function shape(parsed: ParsedTs): string {
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    out.push(`${ts.SyntaxKind[node.kind]}@${node.pos}-${node.end}`);
    ts.forEachChild(node, visit);
  };
  visit(parsed.source);
  return `${out.join(' ')}\n${JSON.stringify(parsed.problems)}`;
}

/**
 * The language server keeps each edited file's TypeScript tree and re-parses a changed text
 * incrementally (`ts-recent-trees.ts`): after every edit of a sequence, over every fixture,
 * the tree must be the one a fresh parse gives.
 */
describe('TypeScript trees re-parsed incrementally equal fresh parses', function () {
  this.timeout(120_000);
  after(() => keepRecentTsTrees(0));

  it('over edits of every TypeScript/JavaScript fixture', () => {
    const files = tsFiles(fixturesRoot);
    assert.ok(files.length > 20, `fixtures found: ${files.length}`);
    let incremental = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      keepRecentTsTrees(4);
      let before = parseTypeScript(file, text);
      for (const [i, edited] of editsOf(text).entries()) {
        const kept = parseTypeScript(file, edited);
        keepRecentTsTrees(0);
        const fresh = parseTypeScript(file, edited);
        assert.equal(shape(kept), shape(fresh), `${file}, edit ${i + 1}`);
        // An error-free tree updated from an error-free one reuses the statements the edit did not touch.
        const earlier = new Set(before.source.statements);
        if (kept.source.statements.some((statement) => earlier.has(statement))) incremental++;
        keepRecentTsTrees(4);
        before = parseTypeScript(file, edited); // starts the keeper again from this text
      }
    }
    assert.ok(incremental > 50, `incremental re-parses checked: ${incremental}`);
  });

  it('a document being typed in stays kept while many other files are parsed once', () => {
    keepRecentTsTrees(2);
    const text = (n: number) => `export function f() { return ${n}; }\nexport function g() { return 0; }\n`;
    parseTypeScript('edited.ts', text(1));
    let before = parseTypeScript('edited.ts', text(2));
    for (let round = 3; round < 6; round++) {
      for (let other = 0; other < 5; other++) parseTypeScript(`other${other}.ts`, `export const x${other} = ${round};\n`);
      const after = parseTypeScript('edited.ts', text(round));
      assert.equal(after.source.statements[1], before.source.statements[1], `round ${round}: re-parsed incrementally (the untouched statement reused)`);
      before = after;
    }
  });

  it('the same text asked again is the same tree; another file or a package module is not kept', () => {
    keepRecentTsTrees(2);
    const a = parseTypeScript('a.ts', 'export const a = 1;\n');
    assert.equal(parseTypeScript('a.ts', 'export const a = 1;\n').source, a.source);
    const updated = parseTypeScript('a.ts', 'export const a = 12;\n');
    assert.notEqual(updated.source, a.source);
    assert.equal(updated.source.text, 'export const a = 12;\n');
    const library = parseTypeScript('node_modules/x/index.js', 'module.exports = 1;\n', { keep: false });
    assert.notEqual(parseTypeScript('node_modules/x/index.js', 'module.exports = 1;\n', { keep: false }).source, library.source);
  });
});
