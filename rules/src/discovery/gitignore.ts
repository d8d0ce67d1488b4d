import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { toForwardSlashes } from './paths';

/** The patterns of one ignore file; they match paths relative to `dir`, as git reads them. */
export interface IgnoreLevel {
  readonly dir: string;
  /** The file the patterns came from, for `--verbose` ("ignored by …"). */
  readonly source: string;
  readonly matcher: Ignore;
}

export interface IgnoreVerdict {
  readonly ignored: boolean;
  readonly source?: string;
}

/**
 * Git precedence: a deeper ignore file overrides a shallower one, and a later pattern in a
 * file overrides an earlier one (`ignore` handles the latter). So the deepest level with an
 * opinion (ignore or `!un-ignore`) decides. `levels` run from the outermost to the deepest.
 */
export function checkIgnored(levels: readonly IgnoreLevel[], absPath: string, isDir: boolean): IgnoreVerdict {
  let verdict: IgnoreVerdict = { ignored: false };
  for (const level of levels) {
    const rel = toForwardSlashes(path.relative(level.dir, absPath));
    if (rel === '' || rel === '..' || rel.startsWith('../') || path.isAbsolute(rel)) continue; // not below this level
    // The trailing slash lets directory-only patterns (`build/`) match directories.
    const result = level.matcher.test(isDir ? `${rel}/` : rel);
    if (result.ignored) verdict = { ignored: true, source: level.source };
    else if (result.unignored) verdict = { ignored: false };
  }
  return verdict;
}

/**
 * Loads ignore files once each: several roots may share ancestors, and a walk must not
 * read the same `.gitignore` twice.
 */
export class IgnoreFileCache {
  private readonly levels = new Map<string, Promise<IgnoreLevel | undefined>>();

  /** `<dir>/.gitignore`, or undefined when there is none (or it cannot be read). */
  gitignoreIn(dir: string): Promise<IgnoreLevel | undefined> {
    return this.load(dir, path.join(dir, '.gitignore'));
  }

  /**
   * The levels that apply to `dir` from above it: `.git/info/exclude` and the `.gitignore`
   * files from the repository root down to `dir`'s parent. Outside a repository there are
   * none: a stray `.gitignore` in a parent folder (say, the home directory) is not ours.
   */
  async ancestorLevels(dir: string): Promise<IgnoreLevel[]> {
    const chain: string[] = [];
    let gitRoot: string | undefined;
    for (let current = dir; ; current = path.dirname(current)) {
      chain.push(current);
      if (await exists(path.join(current, '.git'))) {
        gitRoot = current;
        break;
      }
      if (path.dirname(current) === current) break;
    }
    if (gitRoot === undefined) return [];
    const levels: Array<IgnoreLevel | undefined> = [
      await this.load(gitRoot, path.join(gitRoot, '.git', 'info', 'exclude')),
    ];
    // chain runs from `dir` up to the root; `dir`'s own .gitignore is read by the walk.
    for (const ancestor of chain.slice(1).reverse()) levels.push(await this.gitignoreIn(ancestor));
    return levels.filter((level): level is IgnoreLevel => level !== undefined);
  }

  private load(dir: string, file: string): Promise<IgnoreLevel | undefined> {
    let pending = this.levels.get(file);
    if (pending === undefined) {
      pending = readIgnoreFile(dir, file);
      this.levels.set(file, pending);
    }
    return pending;
  }
}

async function readIgnoreFile(dir: string, file: string): Promise<IgnoreLevel | undefined> {
  let content: string;
  try {
    content = await fsp.readFile(file, 'utf8');
  } catch {
    // Missing is the usual case; an unreadable ignore file is treated like git does: as absent.
    return undefined;
  }
  return { dir, source: file, matcher: ignore({ ignorecase: CASE_INSENSITIVE_FS }).add(content) };
}

// Git sets core.ignorecase on the file systems that ignore case (macOS, Windows by default).
const CASE_INSENSITIVE_FS = process.platform === 'darwin' || process.platform === 'win32';

async function exists(file: string): Promise<boolean> {
  try {
    await fsp.lstat(file);
    return true;
  } catch {
    return false;
  }
}
