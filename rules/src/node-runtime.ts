import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { GrammarBytes } from './analyzer';


const RUNTIME_WASM = 'web-tree-sitter.wasm';
const PHP_WASM = 'tree-sitter-php.wasm';

/**
 * Reads the parser's wasm files. Bundles ship them next to the bundle (`__dirname`), so
 * that is tried first; unbundled runs (tests, `tsc` output) find them in node_modules.
 */
export async function loadGrammarBytes(): Promise<GrammarBytes> {
  const [treeSitterRuntime, php] = await Promise.all([
    readFirst([path.join(__dirname, RUNTIME_WASM), () => require.resolve(`web-tree-sitter/${RUNTIME_WASM}`)]),
    readFirst([
      path.join(__dirname, PHP_WASM),
      () => path.join(path.dirname(require.resolve('tree-sitter-php/package.json')), PHP_WASM),
    ]),
  ]);
  return { treeSitterRuntime, php };
}

async function readFirst(candidates: ReadonlyArray<string | (() => string)>): Promise<Uint8Array> {
  const tried: string[] = [];
  for (const candidate of candidates) {
    let file: string;
    try {
      file = typeof candidate === 'string' ? candidate : candidate();
    } catch {
      continue; // the package is not installed: try the next place
    }
    tried.push(file);
    try {
      return await readFile(file);
    } catch {
      // not there: try the next place
    }
  }
  throw new Error(`cannot find the parser's wasm file; looked in: ${tried.join(', ')}`);
}
