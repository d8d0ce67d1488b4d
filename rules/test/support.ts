import * as fs from 'node:fs';
import * as path from 'node:path';
import { createAnalyzer, type Analyzer } from '../src/analyzer';
import type { AnalyzerOptions, ProjectHost, SourceFile } from '../src/api';
import { configToOptions, validateConfig } from '../src/config/config';
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

/** The files a fixture folder gives the analysis (PHP, TypeScript, JavaScript). */
export const EXTENSIONS = /\.(php|ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

function walk(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return walk(full, base);
    return [path.relative(base, full).split(path.sep).join('/')];
  });
}

/** A fixture folder as the project fixtures test reads it (given files, host, configuration). */
export function projectOf(root: string): { sources: SourceFile[]; host: ProjectHost; options: AnalyzerOptions } {
  const all = walk(root).filter((f) => EXTENSIONS.test(f) && !f.split('/').includes('node_modules'));
  const notGivenFile = path.join(root, '_not-given.txt');
  const notGiven = new Set(fs.existsSync(notGivenFile) ? fs.readFileSync(notGivenFile, 'utf8').split(/\r?\n/).filter(Boolean) : []);
  const configFile = path.join(root, 'session-lint.json');
  const options: AnalyzerOptions = fs.existsSync(configFile)
    ? configToOptions(validateConfig(JSON.parse(fs.readFileSync(configFile, 'utf8')), 'session-lint.json'), '.')
    : {};
  const read = (file: string): string | undefined => {
    const full = path.join(root, file);
    return fs.existsSync(full) && fs.statSync(full).isFile() ? fs.readFileSync(full, 'utf8') : undefined;
  };
  const entries = (dir: string, folders: boolean): string[] | undefined => {
    const full = path.join(root, dir);
    if (!fs.existsSync(full)) return undefined;
    return fs
      .readdirSync(full, { withFileTypes: true })
      .filter((entry) => !folders || entry.isDirectory())
      .map((entry) => (dir === '.' ? entry.name : `${dir}/${entry.name}`));
  };
  return {
    sources: all.filter((f) => !notGiven.has(f)).map((file) => ({ path: file, text: read(file)! })),
    host: { readFile: read, listDirectory: (dir) => entries(dir, false), listFolders: (dir) => entries(dir, true) },
    options,
  };
}
