import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisJob, AnalysisOutcome, PositionedError, PositionedFinding } from './analysis/job';
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

/**
 * The seam between the protocol and the engine: the server asks it for the analysis of the
 * project a document belongs to and never knows how it is produced. Today it analyses the
 * project's open documents together (files they include or import are read through the
 * host, with the editor's unsaved texts); the project index and its cache can replace the
 * inside without touching the handlers.
 */
export interface WorkspaceAnalysis {
  /** The results for the current versions of the open documents of `uri`'s project. */
  resultsFor(uri: string): Promise<ProjectResults | undefined>;
  /** Something outside the open documents changed (a file on disk, the configuration): forget every result. */
  invalidate(): void;
}

export interface WorkspaceAnalysisEnv {
  readonly documents: { all(): TextDocument[]; get(uri: string): TextDocument | undefined };
  readonly runner: AnalysisRunner;
  /** The folder a document's project lives in (its workspace folder), absolute. */
  projectRoot(uri: string): string | undefined;
  /** The options of a project, and whether it is analysed at all. */
  projectConfig(root: string): Promise<{ config: ProjectConfig; enabled: boolean; maxFileSize: number }>;
  /** Whether an open document is given to the analysis (a PHP or TS/JS file the user enabled). */
  analysed(document: TextDocument): Promise<boolean>;
  /** Called when a new analysis starts (not for shared results); the returned function when it ends. */
  analysisStarted?(root: string, files: number): () => void;
}

const ANALYSED_EXTENSIONS = new Set(['.php', '.phtml', '.inc', '.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs']);

export function isAnalysedPath(file: string): boolean {
  return ANALYSED_EXTENSIONS.has(path.extname(file).toLowerCase());
}

/** Open documents analysed together per project; one analysis per set of versions, shared by every request. */
export class OpenDocumentsAnalysis implements WorkspaceAnalysis {
  private readonly latest = new Map<string, { key: string; results: Promise<ProjectResults | undefined> }>();
  private generation = 0;

  constructor(private readonly env: WorkspaceAnalysisEnv) {}

  invalidate(): void {
    this.generation++;
    this.latest.clear();
  }

  async resultsFor(uri: string): Promise<ProjectResults | undefined> {
    const root = this.env.projectRoot(uri);
    if (root === undefined) return undefined;
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
    if (!members.some((d) => d.uri === uri)) return undefined;
    members.sort((a, b) => (a.uri < b.uri ? -1 : 1));
    const key = JSON.stringify([this.generation, config.options, maxFileSize, members.map((d) => [d.uri, d.version]), overlays.map((d) => [d.uri, d.version])]);
    const cached = this.latest.get(root);
    if (cached?.key === key) return cached.results;
    const job: AnalysisJob = {
      root,
      files: members.map((d) => ({ path: projectPath(root, d.uri), text: d.getText() })),
      overlays: overlays.map((d) => ({ path: projectPath(root, d.uri), text: d.getText() })),
      options: config.options,
      maxFileSize,
    };
    const versions = new Map([...members, ...overlays].map((d) => [d.uri, d.version]));
    const ended = this.env.analysisStarted?.(root, members.length);
    const results = this.env.runner.run(job, root).then((outcome) => this.toResults(root, versions, outcome));
    if (ended) results.then(ended, ended);
    results.catch(() => {
      if (this.latest.get(root)?.results === results) this.latest.delete(root); // retried on the next request
    });
    this.latest.set(root, { key, results });
    return results;
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
