// The parsing floor of the benchmark: parses every file with the parser session-lint uses
// (web-tree-sitter with the tree-sitter-php grammar, or TypeScript's createSourceFile) and
// nothing else; prints each file parsed, one per line.
// Usage: node tools/bench-parse-only.mjs php|ts <file-or-folder>...
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
const [language, ...roots] = process.argv.slice(2);
const extensions = language === 'php' ? ['.php'] : ['.ts'];

function* files(root) {
  const stat = fs.statSync(root);
  if (stat.isFile()) {
    yield root;
    return;
  }
  for (const entry of fs.readdirSync(root, { withFileTypes: true })) {
    const full = path.join(root, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (entry.isFile() && extensions.some((ext) => entry.name.endsWith(ext)) && !entry.name.endsWith('.d.ts')) yield full;
  }
}

let parse;
if (language === 'php') {
  const { Parser, Language } = await import('web-tree-sitter');
  await Parser.init();
  const parser = new Parser();
  parser.setLanguage(await Language.load(require.resolve('tree-sitter-php/tree-sitter-php.wasm')));
  parse = (text) => parser.parse(text)?.delete();
} else {
  const ts = require('typescript');
  parse = (text, file) => ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
}
const out = [];
for (const root of roots) {
  for (const file of files(root)) {
    parse(fs.readFileSync(file, 'utf8'), file);
    out.push(file);
  }
}
process.stdout.write(`${out.join('\n')}\n`);
