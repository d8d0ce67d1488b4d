import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisJob, AnalysisOutcome, AnalysisProgress, PositionedError, PositionedFinding } from './analysis/job';
import type { AnalysisRunner } from './analysis/runner';
import type { ProjectConfig } from './project-config';

/** One analysis of a project, for the document versions it was run on. */
export interface ProjectResults {
  readonly root: string;
  /** The version of every document the analysis read (by URI): results are only valid for these. */
  readonly versions: ReadonlyMap<string, number>;
  readonly findingsByUri: ReadonlyMap<string, readonly PositionedFinding[]>;
  readonly errorsByUri: ReadonlyMap<string, readonly PositionedError[]>;
  readonly outcome: AnalysisOutcome;
  /** URI of a project path (root-relative, as findings name files). */
  uriOf(projectPath: string): string;
}

/** A file the client's watcher saw change on disk. */
export interface WatchedChange {
  readonly uri: string;
  readonly kind: 'created' | 'changed' | 'deleted';
}

/**
 * The seam between the protocol and the engine: the server asks it for the analysis of the
 * project a document belongs to and never knows how it is produced. A workspace folder is
 * one project, as the CLI checks it when started there: every file of the folder it would
 * select (read once by the analysis worker and kept, re-read when the watcher says it
 * changed), with the editor's texts over them. A file outside every folder is a project of its
 * open documents (what they include is read through the host).
 */
export interface WorkspaceAnalysis {
  /** The results for the current versions of the open documents of `uri`'s project. */
  resultsFor(uri: string): Promise<ProjectResults | undefined>;
  /** The results of a workspace folder's whole project (for `workspace/diagnostic`), open documents or not. */
  resultsForFolder(root: string): Promise<ProjectResults | undefined>;
  /** Files changed on disk: the projects are analysed again, reading only what changed. */
  filesChanged(changes: readonly WatchedChange[]): void;
  /** Something every analysis depends on changed (the configuration): forget every result, walk the folders again. */
  invalidate(): void;
}

export interface WorkspaceAnalysisEnv {
  readonly documents: { all(): TextDocument[]; get(uri: string): TextDocument | undefined };
  readonly runner: AnalysisRunner;
  /** The folder a document's project lives in (its workspace folder), absolute. */
  projectRoot(uri: string): string | undefined;
  /** Whether a project's folder is a workspace folder (indexed whole) rather than a loose file's folder. */
  isWorkspaceFolder(root: string): boolean;
  /** The options of a project, and whether it is analysed at all. */
  projectConfig(root: string): Promise<{ config: ProjectConfig; enabled: boolean; maxFileSize: number }>;
  /** Whether an open document is given to the analysis (a PHP or TS/JS file the user enabled). */
  analysed(document: TextDocument): Promise<boolean>;
  /**
   * Called when a new analysis starts (not for shared results), with the number of open files
   * it covers and whether it covers a whole workspace folder; the returned callbacks hear how
   * far it is and when it ends.
   */
  analysisStarted?(root: string, files: number, workspace: boolean): { progress(progress: AnalysisProgress): void; ended(): void };
}

const ANALYSED_EXTENSIONS = new Set(['.php', '.phtml', '.inc', '.module', '.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs']);

export function isAnalysedPath(file: string): boolean {
  return ANALYSED_EXTENSIONS.has(path.extname(file).toLowerCase());
}

/** How the CLI selects files when run with no options (its defaults): `.gitignore` honoured, vendor folders skipped. */
const CLI_DEFAULTS = { respectIgnoreFiles: true, includeVendor: false } as const;

/** Disk changes a project's worker has not read yet, each with the change count at which it was seen. */
interface PendingChanges {
  readonly changed: Map<string, number>;
  /** The change count of the last creation or deletion: the folder must be walked again. */
  rescanAt: number;
}

/** One analysis per project and set of versions, shared by every request. */
export class WorkspaceIndexAnalysis implements WorkspaceAnalysis {
  private readonly latest = new Map<string, { key: string; results: Promise<ProjectResults | undefined> }>();
  private generation = 0;
  /** Counts disk changes: part of every key, so a change analyses again. */
  private changeCount = 0;
  private readonly pending = new Map<string, PendingChanges>();
  /** The generation each folder was last walked in: a new generation (the configuration changed) walks it again. */
  private readonly walkedIn = new Map<string, number>();

  constructor(private readonly env: WorkspaceAnalysisEnv) {}

  invalidate(): void {
    this.generation++;
    this.latest.clear();
  }

  filesChanged(changes: readonly WatchedChange[]): void {
    if (changes.length === 0) return;
    this.changeCount++;
    for (const change of changes) {
      const file = filePathOf(change.uri);
      const root = file === undefined ? undefined : this.env.projectRoot(change.uri);
      if (file === undefined || root === undefined || !this.env.isWorkspaceFolder(root)) continue;
      let pending = this.pending.get(root);
      if (!pending) {
        pending = { changed: new Map(), rescanAt: 0 };
        this.pending.set(root, pending);
      }
      if (change.kind === 'changed') pending.changed.set(projectPath(root, change.uri), this.changeCount);
      else pending.rescanAt = this.changeCount;
    }
  }

  async resultsFor(uri: string): Promise<ProjectResults | undefined> {
    const root = this.env.projectRoot(uri);
    if (root === undefined) return undefined;
    return this.resultsOf(root, uri, 'open');
  }

  async resultsForFolder(root: string): Promise<ProjectResults | undefined> {
    return this.env.isWorkspaceFolder(root) ? this.resultsOf(root, undefined, 'all') : undefined;
  }

  /**
   * `member`: the document asked about, which must be analysed (else there are no results for
   * it). `report`: findings for the open documents only, or for every file of a workspace folder.
   */
  private async resultsOf(root: string, member: string | undefined, report: 'open' | 'all'): Promise<ProjectResults | undefined> {
    const { config, enabled, maxFileSize } = await this.env.projectConfig(root);
    if (!enabled) return undefined;
    const members: TextDocument[] = [];
    const overlays: TextDocument[] = [];
    for (const document of this.env.documents.all()) {
      const file = filePathOf(document.uri);
      if (file === undefined || !isInside(root, file)) continue;
      if (await this.env.analysed(document)) members.push(document);
      else overlays.push(document);
    }
    if (member !== undefined && !members.some((d) => d.uri === member)) return undefined;
    const workspace = this.env.isWorkspaceFolder(root);
    members.sort((a, b) => (a.uri < b.uri ? -1 : 1));
    const key = JSON.stringify([this.generation, workspace ? this.changeCount : 0, config.options, config.selection, maxFileSize, members.map((d) => [d.uri, d.version]), overlays.map((d) => [d.uri, d.version])]);
    // The two reports of a folder are analyses of their own, each shared by the requests that need it.
    const lane = `${report}:${root}`;
    const cached = this.latest.get(lane);
    if (cached?.key === key) return cached.results;
    const changesSeen = this.changeCount;
    const pending = this.pending.get(root);
    const job: AnalysisJob = {
      root,
      files: members.map((d) => ({ path: projectPath(root, d.uri), text: d.getText() })),
      overlays: overlays.map((d) => ({ path: projectPath(root, d.uri), text: d.getText() })),
      options: config.options,
      maxFileSize,
      ...(workspace
        ? {
            workspace: {
              ...CLI_DEFAULTS,
              includeTests: config.selection.includeTests,
              includeGenerated: config.selection.includeGenerated,
              ignoreGlobs: config.selection.ignoreGlobs,
              configRoot: config.selection.configRoot,
              changed: [...(pending?.changed.keys() ?? [])],
              rescan: (pending?.rescanAt ?? 0) > 0 || this.walkedIn.get(root) !== this.generation,
              report,
            },
          }
        : {}),
    };
    const generation = this.generation;
    const versions = new Map([...members, ...overlays].map((d) => [d.uri, d.version]));
    const started = this.env.analysisStarted?.(root, members.length, workspace);
    const outcome = this.env.runner.run(job, lane, started ? (progress) => started.progress(progress) : undefined);
    const results = outcome.then((done) => {
      if (workspace) this.read(root, changesSeen, generation);
      return this.toResults(root, versions, done);
    });
    if (started) results.then(started.ended, started.ended);
    results.catch(() => {
      if (this.latest.get(lane)?.results === results) this.latest.delete(lane); // retried on the next request
    });
    this.latest.set(lane, { key, results });
    return results;
  }

  /** The worker has read the folder's changes seen up to `changesSeen`: they need not be sent again. */
  private read(root: string, changesSeen: number, generation: number): void {
    this.walkedIn.set(root, generation);
    const pending = this.pending.get(root);
    if (!pending) return;
    for (const [file, seenAt] of pending.changed) if (seenAt <= changesSeen) pending.changed.delete(file);
    if (pending.rescanAt <= changesSeen) pending.rescanAt = 0;
    if (pending.changed.size === 0 && pending.rescanAt === 0) this.pending.delete(root);
  }

  private toResults(root: string, versions: ReadonlyMap<string, number>, outcome: AnalysisOutcome): ProjectResults {
    const openUris = new Map<string, string>();
    for (const uri of versions.keys()) openUris.set(projectPath(root, uri), uri);
    const uriOf = (file: string) => openUris.get(file) ?? pathToFileURL(path.resolve(root, file)).href;
    const findingsByUri = new Map<string, PositionedFinding[]>();
    for (const finding of outcome.findings) push(findingsByUri, uriOf(finding.path), finding);
    const errorsByUri = new Map<string, PositionedError[]>();
    for (const error of outcome.errors) push(errorsByUri, uriOf(error.path), error);
    return { root, versions, findingsByUri, errorsByUri, outcome, uriOf };
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** A document's path relative to the project's folder, POSIX-style, as the CLI names files. */
export function projectPath(root: string, uri: string): string {
  return path.relative(root, filePathOf(uri) ?? uri).split(path.sep).join('/');
}

export function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
