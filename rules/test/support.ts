import * as fs from 'node:fs';
import * as path from 'node:path';
import { createAnalyzer, type Analyzer } from '../src/analyzer';
import type { AnalyzerOptions } from '../src/api';
import { loadGrammarBytes } from '../src/node-runtime';

/** The repository root: the nearest folder above this file with a package.json. */
export const repoRoot = ((): string => {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('no package.json above the test files');
    dir = parent;
  }
  return dir;
})();

export const fixturesRoot = path.join(repoRoot, 'test-fixtures');

const analyzers = new Map<string, Promise<Analyzer>>();

/** One analyzer per option set, shared by the tests of a run (the wasm loads once). */
export function analyzer(options: AnalyzerOptions = {}): Promise<Analyzer> {
  const key = JSON.stringify(options);
  let existing = analyzers.get(key);
  if (!existing) {
    existing = loadGrammarBytes().then((grammar) => createAnalyzer(grammar, options));
    analyzers.set(key, existing);
  }
  return existing;
}

/** Files of a fixture folder, sorted, with the given extensions. */
export function fixtureFiles(folder: string, extensions: readonly string[] = ['.php']): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .filter((name) => extensions.some((ext) => name.endsWith(ext)) && !name.includes('.fixed.'))
    .sort()
    .map((name) => path.join(folder, name));
}
