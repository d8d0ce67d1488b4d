import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { discoverFiles, type Discovery, type SkippedPath } from './discover';
import { compiledCopies, generatedJavaScriptReason } from './generated-code';
import { displayPath } from './paths';
import { readSource, type SourceFileSystem } from './read-source';

/**
 * Which files are the project, and their texts: the one selection the CLI's run and the
 * language server's workspace index share, so the editor sees the project the command line
 * checks (the same extensions, ignore files, vendor and test folders, configuration globs,
 * build output and size limit).
 */
export interface SelectionOptions {
  /** As typed on the command line; empty means the working directory. */
  readonly paths: readonly string[];
  readonly cwd: string;
  readonly respectIgnoreFiles: boolean;
  readonly includeVendor: boolean;
  /** Walk test folders (`tests/`, `Test/`…) too. */
  readonly includeTests?: boolean;
  readonly maxFileSize: number;
  /** Globs (relative to `root`) of paths the configuration says not to analyse. */
  readonly ignoreGlobs?: readonly string[];
  /** The configuration's folder, relative to cwd. */
  readonly root?: string;
  /** Analyse minified and bundled JavaScript a walk finds too (left out by default). */
  readonly includeGenerated?: boolean;
}

export interface SelectionHooks {
  /** Each path left out, and why (`--verbose`). */
  readonly onSkip?: (skipped: SkippedPath) => void;
  readonly fs?: SourceFileSystem;
  /**
   * A text the caller already has for a file (the editor's, or one read before and unchanged):
   * used instead of reading the file. Undefined: the file is read.
   */
  readonly knownText?: (absPath: string) => string | undefined;
}

export interface SelectedSource {
  /** Relative to cwd, forward slashes: how every output names it. */
  readonly displayPath: string;
  readonly absPath: string;
  readonly text: string;
}

export interface SelectionError {
  readonly kind: 'unreadable' | 'skipped' | 'analysis';
  readonly file: string;
  readonly message: string;
}

export interface Selection {
  readonly sources: readonly SelectedSource[];
  /** Paths that could not be read or were refused (too large, binary), and notes on texts (invalid UTF-8). */
  readonly errors: readonly SelectionError[];
  readonly tests: Discovery['tests'];
}

/** discover → the configuration's globs → build output → read (size limit, binary, encoding) → generated JavaScript. */
export async function selectProjectFiles(options: SelectionOptions, hooks: SelectionHooks = {}): Promise<Selection> {
  const { cwd, maxFileSize } = options;
  const discovery = await discoverFiles(options.paths.length > 0 ? options.paths : ['.'], {
    cwd,
    respectIgnoreFiles: options.respectIgnoreFiles,
    includeVendor: options.includeVendor,
    includeTests: options.includeTests === true,
  });
  for (const skipped of discovery.skipped) hooks.onSkip?.(skipped);
  const configIgnored = ignoredByConfig(options.ignoreGlobs ?? [], path.resolve(cwd, options.root ?? '.'));
  const discovered = discovery.files.filter((file) => {
    if (!configIgnored(file.absPath)) return true;
    hooks.onSkip?.({ displayPath: file.displayPath, reason: 'ignored by the configuration' });
    return false;
  });
  const errors: SelectionError[] = discovery.unreadable.map((u) => ({ kind: 'unreadable' as const, file: u.displayPath, message: u.message }));
  const readOptions = { maxFileSize, ...(hooks.fs === undefined ? {} : { fs: hooks.fs }) };
  const sources: SelectedSource[] = [];
  const copies = options.includeGenerated ? new Map<string, string>() : compiledCopies(discovered.filter((file) => !file.explicit).map((file) => toSlashes(file.absPath)));
  for (const file of discovered) {
    const copied = copies.get(toSlashes(file.absPath));
    if (copied !== undefined) {
      hooks.onSkip?.({ displayPath: file.displayPath, reason: `build output of ${displayPath(cwd, copied)}, which is analysed (--include-generated analyses it too)` });
      continue;
    }
    const known = hooks.knownText?.(file.absPath);
    const source = known !== undefined ? { kind: 'ok' as const, text: known, notes: [] } : await readSource(file.absPath, readOptions);
    if (source.kind !== 'ok') {
      errors.push({ kind: source.kind, file: file.displayPath, message: source.message });
      continue;
    }
    const generated = file.explicit || options.includeGenerated ? undefined : generatedJavaScriptReason(file.absPath, source.text);
    if (generated !== undefined) {
      hooks.onSkip?.({ displayPath: file.displayPath, reason: generated });
      continue;
    }
    for (const note of source.notes) errors.push({ kind: 'analysis', file: file.displayPath, message: note });
    sources.push({ displayPath: file.displayPath, absPath: file.absPath, text: source.text });
  }
  return { sources, errors, tests: discovery.tests };
}

/**
 * Matches files against the configuration's `ignore` globs, relative to the configuration's
 * folder. A file reached through a symbolic link (`corpus/` linking elsewhere, a working
 * directory whose physical path differs from the one typed) is matched by its real path
 * relative to the folder's real path, so the globs apply whichever way either was named.
 */
function ignoredByConfig(globs: readonly string[], root: string): (absPath: string) => boolean {
  if (globs.length === 0) return () => false;
  const matches = picomatch([...globs], { dot: true });
  const realRoot = realPath(root);
  return (absPath) => {
    const logical = relativeInside(root, absPath);
    if (logical !== undefined && matches(logical)) return true;
    const real = realRoot === undefined ? undefined : realPath(absPath);
    const physical = real === undefined ? undefined : relativeInside(realRoot!, real);
    return physical !== undefined && physical !== logical && matches(physical);
  };
}

/** `file` relative to `root` in POSIX form, or undefined when it lies outside it. */
function relativeInside(root: string, file: string): string | undefined {
  const relative = path.relative(root, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join('/');
}

function realPath(file: string): string | undefined {
  try {
    return fs.realpathSync(file);
  } catch {
    return undefined;
  }
}

const toSlashes = (file: string): string => file.split(path.sep).join('/');
