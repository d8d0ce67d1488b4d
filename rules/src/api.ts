import type { Finding, InputError, Severity, SlowKind } from '../../core/src';
import type { CatalogLayer } from './catalog/merge';

/** A file handed to the analyzer. `path` is how the caller wants it named in output. */
export interface SourceFile {
  readonly path: string;
  readonly text: string;
  /**
   * `false`: part of the project (its declarations, includes and calls count, and it may be an
   * entry script) but nothing is reported in it: the language server gives the unopened files
   * of a workspace this way and reports on the open ones. Default: reported.
   */
  readonly reported?: boolean;
}

export type RuleSetting = Severity | 'off';

/** Reads files the analysis was not given but needs (an included bootstrap file). */
export interface ProjectHost {
  /** The text of a file (path as the analysis names it), or undefined if it can't be read. */
  readFile(path: string): string | undefined;
  /** The paths of the files in a directory (not recursive), for `include 'views/' . $v . '.php'`. */
  listDirectory?(path: string): readonly string[] | undefined;
  /** The paths of the folders in a directory (not recursive), for workspace globs (`packages/*`). */
  listFolders?(path: string): readonly string[] | undefined;
  /**
   * How many folders above the working directory exist (up to the file system's root), so a
   * run started in `apps/api/` finds `../../tsconfig.base.json` and the workspace root's
   * `package.json` as a run started at the root does. Default 0: nothing above is read.
   */
  readonly levelsAbove?: number;
}

export interface AnalyzerOptions {
  /** Per rule: a severity, or `off`. Rules not listed use their default. */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  /** Per slow kind: a severity, or `off` (e.g. `{ database: 'off' }`). */
  readonly slowKinds?: Readonly<Partial<Record<SlowKind, RuleSetting>>>;
  /** Directories searched for relative `include` paths (as PHP's include_path), relative to `root`. */
  readonly includePaths?: readonly string[];
  /** The project root (where the configuration lives), as a path relative to the working directory. */
  readonly root?: string;
  /** APIs of the user's own: opens, closes, writes, slow calls (from the configuration). */
  readonly apis?: CatalogLayer;
  /** Framework presets forced on or off; the others are detected. */
  readonly frameworks?: Readonly<Record<string, boolean>>;
  /**
   * Whether the session store locks, for the whole project. Default: decided per path: PHP's
   * file store locks; where the project installs its own store (`session_set_save_handler()`)
   * whose `open`/`read` take no lock the analysis can see, lock findings are left out (every
   * path) or `info` (some paths); a store whose code is not in the project lowers them to `info`.
   */
  readonly sessionLocks?: boolean;
  /**
   * Report lock findings where a store whose `open`/`read` visibly take no lock is installed
   * as if PHP's file store were used. By default they are left out (the summary counts them),
   * or `info` where the store is installed on some paths only.
   */
  readonly reportNonLockingStores?: boolean;
  /**
   * Analyse test code too: PHPUnit test classes (and, in the CLI, `tests/`-like folders),
   * which serve no request and are left out by default.
   */
  readonly includeTests?: boolean;
  /**
   * Run the rules on every unit, even those that can reach no resource effect (which have
   * nothing to report): the parse-everything mode the parity test compares the default with.
   */
  readonly analyseEveryUnit?: boolean;
  /**
   * Relevance first for PHP files (issue 12): parse only the files a scan of their bytes cannot
   * rule out (they name a resource API, or reach or are reached by such a file:
   * `rules/src/relevance/`); the others are left out as if not given. Same findings as parsing
   * every file (`rules/test/on-demand-parity.test.ts`); syntax errors are reported only for the
   * files parsed.
   */
  readonly onDemand?: boolean;
  /** Files (globs relative to `root`) whose code runs with the session already open. */
  readonly entryPoints?: readonly EntryPoint[];
}

export interface EntryPoint {
  readonly files: readonly string[];
  /** Shown in the related location: why the session is open there. */
  readonly description?: string;
}

export interface AnalysisResult {
  readonly findings: readonly Finding[];
  /** Problems with the input: syntax errors, nesting too deep. Analysis still ran. */
  readonly errors: readonly InputError[];
  /** What the analysis could not follow (an include computed at run time), for verbose output. */
  readonly notes: readonly InputError[];
  /**
   * What changed the findings of the whole run, for the summary of every output (not only
   * verbose): "3 lock findings lowered to info: the session store … takes no lock".
   */
  readonly summaryNotes?: readonly string[];
  /** How much work the run did, for benchmarks and for tests that bound it (never timing). */
  readonly stats?: AnalysisStats;
}

export interface AnalysisStats {
  /** Units (functions, methods, closures, top levels) lowered. */
  readonly units: number;
  /** Files of the project (given and read through the host) lowered. */
  readonly files: number;
  /**
   * Nodes the searches over includes and calls expanded (the variables an include may change,
   * the properties and constants a call reaches, which files run together). Each search
   * expands a unit or a file at most once, so this stays linear in the project.
   */
  readonly searchWork: number;
  /**
   * Files parsed in this run: PHP files to declare or to lower them (the others came from the
   * cache), and every TypeScript/JavaScript file given or imported (they have no per-file cache;
   * a language server's analyzer reuses their last lowering while their texts and what they read
   * through the host are unchanged, and then counts none).
   */
  readonly filesParsed?: number;
  /** PHP files whose declarations and IR all came from the cache. */
  readonly filesFromCache?: number;
  /**
   * Units the rules left alone because they can reach no resource effect (relevance first;
   * 0 with `analyseEveryUnit`).
   */
  readonly unitsSkipped?: number;
}
