import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { SKIPPED_FILE_REASON, installedNameOfTemplate, isAnalysedFile, isPhpCommandScript, isTestFileName } from './file-types';
import { checkIgnored, IgnoreFileCache, type IgnoreLevel } from './gitignore';
import { compareStrings, displayPath } from './paths';
import { describeFsError } from './read-source';

export interface DiscoveryOptions {
  readonly cwd: string;
  /** Honour `.gitignore` files and `.git/info/exclude` (off with `--no-ignore`). */
  readonly respectIgnoreFiles: boolean;
  /** Walk into dependency directories (`--include-vendor`). */
  readonly includeVendor: boolean;
  /** Walk into test directories (`--include-tests`). */
  readonly includeTests?: boolean;
}

/** Never walked: repository metadata holds no code of the project. */
export const ALWAYS_SKIPPED_DIRS: readonly string[] = ['.git', '.hg', '.svn'];
/** Third-party code: findings there are not the user's to fix. */
export const VENDOR_DIRS: readonly string[] = ['vendor', 'node_modules'];
/** Test suites (a project's own, a bundled framework's; `__tests__`: Jest's): they serve no request. */
export const TEST_DIRS: readonly string[] = ['tests', 'test', 'Tests', 'Test', '__tests__', 'e2e'];

export interface DiscoveredFile {
  readonly absPath: string;
  /** Relative to the working directory, forward slashes: how every output names it. */
  readonly displayPath: string;
  /** Named on the command line: analysed whatever its extension or ignore rules say. */
  readonly explicit: boolean;
}

export interface SkippedPath {
  readonly displayPath: string;
  readonly reason: string;
}

export interface UnreadablePath {
  readonly displayPath: string;
  readonly message: string;
}

export interface Discovery {
  /** Sorted by display path, each file once. */
  readonly files: readonly DiscoveredFile[];
  /** What was left out and why, in walk order (for `--verbose`). */
  readonly skipped: readonly SkippedPath[];
  /** Inputs that do not exist or could not be listed: they make the run fail. */
  readonly unreadable: readonly UnreadablePath[];
  /**
   * Test folders left out, and how many files to analyse they hold; `named`: test files left
   * out by their name elsewhere (`*.spec.ts`).
   */
  readonly tests: { readonly folders: number; readonly files: number; readonly named: number };
}

/** Expands the command line's paths (files and directories) into the files to analyse. */
export async function discoverFiles(inputs: readonly string[], options: DiscoveryOptions): Promise<Discovery> {
  const walker = new Walker(options);
  for (const input of inputs) await walker.addInput(input);
  return walker.result();
}

class Walker {
  private readonly files = new Map<string, DiscoveredFile>();
  private readonly skipped: SkippedPath[] = [];
  private readonly unreadable: UnreadablePath[] = [];
  private readonly ignoreFiles = new IgnoreFileCache();
  /**
   * Real paths of the directories walked so far. A directory symlink pointing back up the
   * tree (a loop) or at a directory already walked (a duplicate) is not entered twice.
   */
  private readonly walkedDirs = new Set<string>();
  private readonly tests = { folders: 0, files: 0, named: 0 };
  /** Dependency folders a `composer.json` names with `config.vendor-dir` (absolute paths). */
  private readonly composerVendorDirs = new Set<string>();

  constructor(private readonly options: DiscoveryOptions) {}

  async addInput(input: string): Promise<void> {
    const abs = path.resolve(this.options.cwd, input);
    let stats;
    try {
      stats = await fsp.stat(abs);
    } catch (err) {
      this.unreadable.push({ displayPath: this.display(abs), message: `cannot read path: ${describeFsError(err)}` });
      return;
    }
    if (!stats.isDirectory()) {
      // Named explicitly: analysed even if ignored or of another extension. Anything that is
      // not a regular file is turned into an error by the reader, not silently dropped.
      this.files.set(abs, { absPath: abs, displayPath: this.display(abs), explicit: true });
      return;
    }
    let outer = this.options.respectIgnoreFiles ? await this.ignoreFiles.ancestorLevels(abs) : [];
    // A directory named on the command line is walked even if an outer ignore file ignores
    // it; the outer files are then dropped for it, or they would ignore all of its content.
    if (checkIgnored(outer, abs, true).ignored) outer = [];
    await this.walkDir(abs, outer);
  }

  result(): Discovery {
    const files = [...this.files.values()].sort((a, b) => compareStrings(a.displayPath, b.displayPath));
    return { files, skipped: this.skipped, unreadable: this.unreadable, tests: this.tests };
  }

  private async walkDir(dir: string, outerLevels: readonly IgnoreLevel[]): Promise<void> {
    let entries;
    try {
      const real = await fsp.realpath(dir);
      if (this.walkedDirs.has(real)) {
        this.skip(dir, true, 'already walked (a symbolic link to a directory seen before)');
        return;
      }
      this.walkedDirs.add(real);
      entries = await fsp.readdir(dir, { withFileTypes: true });
    } catch (err) {
      this.unreadable.push({ displayPath: this.display(dir), message: `cannot list directory: ${describeFsError(err)}` });
      return;
    }
    const own = this.options.respectIgnoreFiles ? await this.ignoreFiles.gitignoreIn(dir) : undefined;
    const levels = own === undefined ? outerLevels : [...outerLevels, own];

    entries.sort((a, b) => compareStrings(a.name, b.name));
    const names = new Set(entries.map((entry) => entry.name));
    if (names.has('composer.json') && !this.options.includeVendor) {
      const vendorDir = await composerVendorDir(dir);
      if (vendorDir !== undefined) this.composerVendorDirs.add(vendorDir);
    }
    for (const entry of entries) {
      const abs = path.join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = await fsp.stat(abs);
          isDir = target.isDirectory();
          isFile = target.isFile();
        } catch {
          this.skip(abs, false, 'broken symbolic link');
          continue;
        }
      }
      if (isDir) {
        const reason = (await this.testDirSkipReason(entry.name, abs)) ?? this.dirSkipReason(entry.name, abs, levels);
        if (reason !== undefined) this.skip(abs, true, reason);
        else await this.walkDir(abs, levels);
      } else if (isFile) {
        const reason = this.testFileSkipReason(entry.name) ?? (await this.fileSkipReason(entry.name, abs, levels, names));
        if (reason !== undefined) this.skip(abs, false, reason);
        else if (!this.files.has(abs)) this.files.set(abs, { absPath: abs, displayPath: this.display(abs), explicit: false });
      } else {
        this.skip(abs, false, 'not a regular file');
      }
    }
  }

  private dirSkipReason(name: string, abs: string, levels: readonly IgnoreLevel[]): string | undefined {
    if (ALWAYS_SKIPPED_DIRS.includes(name)) return 'version-control directory';
    if (!this.options.includeVendor && VENDOR_DIRS.includes(name)) {
      return 'dependency directory (use --include-vendor to analyse it)';
    }
    if (this.composerVendorDirs.has(abs)) {
      return "dependency directory (composer.json's config.vendor-dir; use --include-vendor to analyse it)";
    }
    return this.ignoredReason(abs, true, levels);
  }

  /**
   * A test folder inside a walked directory is not walked (one named on the command line
   * is). Its files are only counted, by name, so that `--verbose` can say what was left out.
   */
  private async testDirSkipReason(name: string, abs: string): Promise<string | undefined> {
    if (this.options.includeTests || !TEST_DIRS.includes(name)) return undefined;
    this.tests.folders++;
    this.tests.files += await countAnalysedFiles(abs, 0);
    return TEST_CODE_REASON;
  }

  /** A TypeScript or JavaScript test file (`*.spec.ts`) found by the walk is left out, and counted. */
  private testFileSkipReason(name: string): string | undefined {
    if (this.options.includeTests || !isTestFileName(name)) return undefined;
    this.tests.named++;
    return TEST_CODE_REASON;
  }

  private async fileSkipReason(name: string, abs: string, levels: readonly IgnoreLevel[], siblings: ReadonlySet<string>): Promise<string | undefined> {
    const installed = installedNameOfTemplate(name);
    if (installed !== undefined && siblings.has(installed)) return `a template of \`${installed}\`, which is analysed instead`;
    if (installed === undefined && !isAnalysedFile(name) && !(!name.includes('.') && isPhpCommandScript(name, await fileHead(abs)))) return SKIPPED_FILE_REASON;
    return this.ignoredReason(abs, false, levels);
  }

  private ignoredReason(abs: string, isDir: boolean, levels: readonly IgnoreLevel[]): string | undefined {
    if (!this.options.respectIgnoreFiles) return undefined;
    const verdict = checkIgnored(levels, abs, isDir);
    if (!verdict.ignored) return undefined;
    return `ignored by ${verdict.source === undefined ? 'an ignore file' : this.display(verdict.source)} (use --no-ignore to analyse it)`;
  }

  private skip(abs: string, isDir: boolean, reason: string): void {
    this.skipped.push({ displayPath: this.display(abs) + (isDir ? '/' : ''), reason });
  }

  private display(abs: string): string {
    return displayPath(this.options.cwd, abs);
  }
}

/** Enough of a file to read its `#!` line. */
const HEAD_BYTES = 128;

/** The first bytes of a file as text ('' when it cannot be read: then it is skipped as before). */
async function fileHead(abs: string): Promise<string> {
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(abs, 'r');
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.toString('latin1', 0, bytesRead);
  } catch {
    return '';
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

const TEST_CODE_REASON = 'test code, which serves no request (use --include-tests to analyse it)';

/** Test folders deeper than this are not counted further (a count for a note, not a walk). */
const MAX_COUNT_DEPTH = 12;

/** How many files a folder holds that a walk would analyse (names only, nothing is read). */
async function countAnalysedFiles(dir: string, depth: number): Promise<number> {
  if (depth > MAX_COUNT_DEPTH) return 0;
  let entries;
  try {
    entries = await fsp.readdir(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  let count = 0;
  for (const entry of entries) {
    if (entry.isDirectory() && !ALWAYS_SKIPPED_DIRS.includes(entry.name) && !VENDOR_DIRS.includes(entry.name)) {
      count += await countAnalysedFiles(path.join(dir, entry.name), depth + 1);
    } else if (entry.isFile() && isAnalysedFile(entry.name)) {
      count++;
    }
  }
  return count;
}

/**
 * The folder Composer installs a project's dependencies into when its `composer.json` says
 * so (`"config": { "vendor-dir": "lib/3rdParty/composer" }`): third-party code like `vendor/`.
 * Undefined when the file names none, cannot be read or is not valid JSON (Composer's problem,
 * not the analysis's: the walk goes on as without it).
 */
async function composerVendorDir(dir: string): Promise<string | undefined> {
  let manifest: unknown;
  try {
    manifest = JSON.parse(await fsp.readFile(path.join(dir, 'composer.json'), 'utf8'));
  } catch {
    return undefined;
  }
  const config = typeof manifest === 'object' && manifest !== null ? (manifest as { config?: unknown }).config : undefined;
  const vendorDir = typeof config === 'object' && config !== null ? (config as { 'vendor-dir'?: unknown })['vendor-dir'] : undefined;
  if (typeof vendorDir !== 'string' || vendorDir.trim() === '') return undefined;
  return path.resolve(dir, vendorDir);
}
