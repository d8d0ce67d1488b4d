import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  FileChangeType,
  LSPErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type InitializeResult,
  type WorkspaceDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createRunner, SupersededError, type AnalysisRunner } from './analysis/runner';
import { FIX_ALL_KIND, SHOW_DOCUMENTATION_COMMAND, fixAllAction, quickFixes, wantsFixAll, wantsQuickFixes } from './code-actions';
import { diagnosticsFor, SOURCE } from './diagnostics';
import { docsUrlFor } from './docs-url';
import { hoverAt } from './hover';
import { CONFIG_FILE_NAME, loadProjectConfig, type ProjectConfig } from './project-config';
import { safely } from './safely';
import { SettingsCache, type Settings } from './settings';
import { WorkspaceFolders } from './workspace-folders';
import { filePathOf, isAnalysedPath, WorkspaceIndexAnalysis, type ProjectResults, type WatchedChange } from './workspace-analysis';
import { workspaceReport } from './workspace-diagnostics';
import { ChangeSignal } from './change-signal';

/** Sent after each analysis, for the client's status bar. */
export const STATUS_NOTIFICATION = 'sessionLint/status';
export interface StatusParams {
  readonly state: 'analysing' | 'ready' | 'failed';
  readonly files?: number;
  readonly findings?: number;
  readonly elapsedMs?: number;
  readonly message?: string;
}

/** Forgets every result and analyses the open documents again (the client's "Analyze Workspace"). */
export const REANALYZE_COMMAND = 'sessionLint.reanalyze';

/** An unchanged `workspace/diagnostic` is held open at most this long (then answered `unchanged`). */
const WORKSPACE_HOLD_MS = 5 * 60 * 1000;

/** The whole folder is analysed for `workspace/diagnostic` once nothing changed for this long (not while the user types). */
const WORKSPACE_QUIET_MS = 500;

/** Push mode waits this long after the last keystroke before analysing. */
const PUSH_DELAY_MS = 150;

export interface ServerOptions {
  /** Runs analyses; default: a worker thread. Tests may pass their own. */
  readonly runner?: AnalysisRunner;
}

/**
 * Wires the language server's handlers onto a connection (stdio, IPC, or a stream pair in
 * tests). Every handler answers from the analysis of the document's project for the
 * document versions it was asked about.
 */
export function startServer(connection: Connection, serverOptions: ServerOptions = {}): void {
  const log = (message: string) => connection.console.error(message);
  const documents = new TextDocuments(TextDocument);
  const folders = new WorkspaceFolders();
  const runner = serverOptions.runner ?? createRunner(log);
  let pullDiagnostics = false;
  let refreshSupport = false;
  let configurationSupport = false;
  let watchRegistration = false;
  let trusted = true;
  let workspaceFolderEvents = false;
  let progressSupport = false;

  const settings = new SettingsCache(async (scopeUri) => (configurationSupport ? connection.workspace.getConfiguration({ scopeUri, section: 'sessionLint' }) : {}));
  const settingsOf = (uri: string): Promise<Settings> => settings.get(folders.folderUriOf(uri) ?? uri);

  const configs = new Map<string, Promise<{ config: ProjectConfig; enabled: boolean; maxFileSize: number; settings: Settings }>>();
  const configErrorsShown = new Set<string>();
  const projectConfig = (root: string) => {
    let loaded = configs.get(root);
    if (!loaded) {
      loaded = settings.get(pathToFileURL(root).href).then((s) => {
        const config = loadProjectConfig(root, s, trusted);
        showConfigError(config);
        return { config, enabled: s.enable, maxFileSize: s.maxFileSize, settings: s };
      });
      configs.set(root, loaded);
    }
    return loaded;
  };
  // The configuration file's problems are shown in that file (pushed: it is not a document the analysis covers).
  const showConfigError = (config: ProjectConfig) => {
    if (!config.file) return;
    const uri = pathToFileURL(config.file).href;
    const diagnostics: Diagnostic[] = config.error
      ? [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, severity: DiagnosticSeverity.Error, source: SOURCE, message: `${config.error}\nThe analysis uses the editor settings alone until this is fixed.` }]
      : [];
    if (diagnostics.length === 0 && !configErrorsShown.has(uri)) return;
    if (diagnostics.length > 0) configErrorsShown.add(uri);
    else configErrorsShown.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics });
  };

  const analysis = new WorkspaceIndexAnalysis({
    documents,
    runner,
    projectRoot: (uri) => folders.projectRootOf(uri),
    isWorkspaceFolder: (root) => folders.isWorkspaceFolder(root),
    projectConfig,
    // Progress and the status bar while an analysis runs (shared results start none).
    analysisStarted: (root, files, workspace) => {
      void connection.sendNotification(STATUS_NOTIFICATION, { state: 'analysing', files } satisfies StatusParams);
      if (!progressSupport) return { progress: () => undefined, ended: () => undefined };
      const what = workspace ? `indexing ${path.basename(root)}` : `analysing ${files} open file(s) of ${path.basename(root)}`;
      const progress = connection.window.createWorkDoneProgress().then(
        (reporter) => {
          reporter.begin('Session Lint', 0, what);
          return reporter;
        },
        () => undefined,
      );
      return {
        progress: ({ done, total }) => void progress.then((reporter) => reporter?.report(total > 0 ? Math.floor((100 * done) / total) : 0, `${what}: ${Math.ceil(done / 2)} of ${total / 2} PHP files`)),
        ended: () => void progress.then((reporter) => reporter?.done()),
      };
    },
    analysed: async (document) => {
      const file = filePathOf(document.uri);
      if (file === undefined || !isAnalysedPath(file)) return false;
      const s = await settingsOf(document.uri);
      // The size limit of the CLI: a huge generated file is left out, as on the command line.
      return s.enable && Buffer.byteLength(document.getText()) <= s.maxFileSize;
    },
  });

  /** Results for a document, reported to the client's status bar; undefined when it is not analysed. */
  const resultsFor = async (uri: string): Promise<ProjectResults | undefined> => {
    try {
      const results = await analysis.resultsFor(uri);
      if (results) {
        for (const error of results.outcome.errors) if (error.internal) log(`session-lint: ${error.path}: ${error.message}`);
        void connection.sendNotification(STATUS_NOTIFICATION, {
          state: 'ready',
          files: results.versions.size,
          findings: results.outcome.findings.length,
          elapsedMs: results.outcome.elapsedMs,
        } satisfies StatusParams);
      }
      return results;
    } catch (error) {
      if (!(error instanceof SupersededError)) {
        const message = error instanceof Error ? error.message : String(error);
        void connection.sendNotification(STATUS_NOTIFICATION, { state: 'failed', message } satisfies StatusParams);
      }
      throw error;
    }
  };

  const docsUrls = async (uri: string) => docsUrlFor((await settingsOf(uri)).docsBaseUrl);

  // ---- diagnostics: pulled by clients that can, pushed to the others ----

  /** In `onSave` mode a dirty document keeps the diagnostics of its last saved version. */
  const savedVersions = new Map<string, number>();
  const lastReports = new Map<string, Diagnostic[]>();

  const currentDiagnostics = async (uri: string, token?: CancellationToken): Promise<Diagnostic[] | undefined> => {
    const document = documents.get(uri);
    if (!document) return [];
    const s = await settingsOf(uri);
    const previous = lastReports.get(uri);
    if (s.run === 'onSave' && previous && savedVersions.get(uri) !== document.version) return previous;
    let results: ProjectResults | undefined;
    try {
      results = await cancellable(resultsFor(uri), token);
    } catch (error) {
      if (error instanceof SupersededError) return undefined; // a newer text is being analysed
      throw error;
    }
    if (!results) return [];
    // Answers only for the version asked about: the document changed while the analysis ran.
    if (results.versions.get(uri) !== documents.get(uri)?.version) return undefined;
    const diagnostics = diagnosticsFor(uri, results, await docsUrls(uri));
    lastReports.set(uri, diagnostics);
    return diagnostics;
  };

  connection.languages.diagnostics.on(
    safely(log, 'textDocument/diagnostic', { kind: DocumentDiagnosticReportKind.Full, items: [] } as DocumentDiagnosticReport, async (params, token: CancellationToken) => {
      const items = await currentDiagnostics(params.textDocument.uri, token);
      if (items === undefined) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'the document changed during the analysis', { retriggerRequest: true });
      return { kind: DocumentDiagnosticReportKind.Full, items } satisfies DocumentDiagnosticReport;
    }),
  );

  const changes = new ChangeSignal();
  /** The reports of every workspace folder, given the result ids the client has. */
  const workspaceReports = async (previous: ReadonlyMap<string, string>, token: CancellationToken): Promise<WorkspaceDocumentDiagnosticReport[]> => {
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    for (const root of folders.paths()) {
      let results: ProjectResults | undefined;
      try {
        results = await cancellable(analysis.resultsForFolder(root), token);
      } catch (error) {
        if (error instanceof SupersededError) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'the workspace changed during the analysis', { retriggerRequest: true });
        throw error;
      }
      if (results) items.push(...workspaceReport(root, results, previous, (uri) => documents.get(uri)?.version ?? null, await docsUrls(pathToFileURL(root).href)));
    }
    return items;
  };
  connection.languages.diagnostics.onWorkspace(
    safely(log, 'workspace/diagnostic', { items: [] } as WorkspaceDiagnosticReport, async (params, token: CancellationToken) => {
      const previous = new Map(params.previousResultIds.map((p) => [p.uri, p.value]));
      // Waits for changes made after this point (one made while the analysis runs wakes it too).
      const changed = changes.next(token, WORKSPACE_HOLD_MS);
      await changes.quiet(WORKSPACE_QUIET_MS, token);
      const items = await workspaceReports(previous, token);
      // Nothing new for a client that has reports: held open until something changes (VS Code
      // asks again 2 s after each answer, which would otherwise cost CPU while idle).
      if (previous.size === 0 || items.some((item) => item.kind === DocumentDiagnosticReportKind.Full)) return { items };
      await changed;
      await changes.quiet(WORKSPACE_QUIET_MS, token);
      if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
      return { items: await workspaceReports(previous, token) };
    }),
  );

  const pushTimers = new Map<string, NodeJS.Timeout>();
  /** Push mode: the diagnostics of every open document of the project `uri` belongs to. */
  const schedulePush = (uri: string, delay = PUSH_DELAY_MS) => {
    if (pullDiagnostics) return;
    const root = folders.projectRootOf(uri) ?? uri;
    clearTimeout(pushTimers.get(root));
    pushTimers.set(
      root,
      setTimeout(() => {
        pushTimers.delete(root);
        void pushProject(root);
      }, delay),
    );
  };
  const pushProject = async (root: string) => {
    for (const document of documents.all()) {
      if (folders.projectRootOf(document.uri) !== root) continue;
      try {
        const diagnostics = await currentDiagnostics(document.uri);
        if (diagnostics !== undefined) await connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
      } catch (error) {
        log(`session-lint: diagnostics of ${document.uri} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };

  /** Something every analysis depends on changed: ask pull clients to pull again, push to the others. */
  const refreshAll = () => {
    analysis.invalidate();
    refreshDiagnostics();
  };
  /** Results may have changed: ask pull clients to pull again, push to the others. */
  const refreshDiagnostics = () => {
    changes.fire();
    if (pullDiagnostics) {
      if (refreshSupport) void connection.languages.diagnostics.refresh().catch((e: unknown) => log(`session-lint: diagnostics refresh failed: ${String(e)}`));
      return;
    }
    const roots = new Set(documents.all().map((d) => folders.projectRootOf(d.uri) ?? d.uri));
    for (const root of roots) void pushProject(root);
  };

  documents.onDidOpen((event) => {
    savedVersions.set(event.document.uri, event.document.version);
    schedulePush(event.document.uri, 0);
  });
  documents.onDidChangeContent((event) => {
    changes.fire();
    schedulePush(event.document.uri);
  });
  documents.onDidSave((event) => {
    savedVersions.set(event.document.uri, event.document.version);
    void settingsOf(event.document.uri).then((s) => {
      if (s.run !== 'onSave') return;
      if (pullDiagnostics) refreshAll();
      else schedulePush(event.document.uri, 0);
    });
  });
  documents.onDidClose((event) => {
    changes.fire();
    savedVersions.delete(event.document.uri);
    lastReports.delete(event.document.uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
    // The project no longer has this document's unsaved text: its includers are analysed again.
    schedulePush(event.document.uri);
  });

  // ---- code actions, hover, commands ----

  connection.onCodeAction(
    safely(log, 'textDocument/codeAction', [], async (params) => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return [];
      const versionOf = (uri: string) => documents.get(uri)?.version;
      const actions = wantsQuickFixes(params.context.only) ? quickFixes(params, document, versionOf) : [];
      if (wantsFixAll(params.context.only)) {
        // Source actions come with no diagnostics: the fixes are those of the current analysis.
        const diagnostics = (await currentDiagnostics(document.uri)) ?? [];
        const fixAll = fixAllAction(document, diagnostics, versionOf);
        if (fixAll) actions.push(fixAll);
      }
      return actions;
    }),
  );

  connection.onHover(
    safely(log, 'textDocument/hover', null, async (params) => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return null;
      const results = await resultsFor(document.uri);
      if (!results || results.versions.get(document.uri) !== document.version) return null;
      return hoverAt(document.uri, params.position, results) ?? null;
    }),
  );

  connection.onExecuteCommand(
    safely(log, 'workspace/executeCommand', null, async (params) => {
      if (params.command === REANALYZE_COMMAND) refreshAll();
      if (params.command === SHOW_DOCUMENTATION_COMMAND) {
        const url = params.arguments?.[0];
        if (typeof url === 'string') await connection.window.showDocument({ uri: url, external: !url.startsWith('file:') });
      }
      return null;
    }),
  );

  // ---- settings, configuration file, files on disk ----

  connection.onDidChangeConfiguration(() => {
    settings.clear();
    configs.clear();
    refreshAll();
  });

  connection.onDidChangeWatchedFiles((params) => {
    if (params.changes.some((change) => path.basename(filePathOf(change.uri) ?? '') === CONFIG_FILE_NAME)) {
      configs.clear();
      // Read again now, not at the next analysis: its errors (or their end) show at once.
      for (const root of new Set(documents.all().map((d) => folders.projectRootOf(d.uri)))) if (root !== undefined) void projectConfig(root);
      refreshAll();
      return;
    }
    // Only the changed files are read again (a created or deleted one, or an ignore file, walks the folder again).
    analysis.filesChanged(params.changes.map((change): WatchedChange => ({ uri: change.uri, kind: change.type === FileChangeType.Changed && path.basename(filePathOf(change.uri) ?? '') !== '.gitignore' ? 'changed' : change.type === FileChangeType.Deleted ? 'deleted' : 'created' })));
    refreshDiagnostics();
  });

  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities;
    pullDiagnostics = capabilities.textDocument?.diagnostic !== undefined;
    refreshSupport = capabilities.workspace?.diagnostics?.refreshSupport === true;
    configurationSupport = capabilities.workspace?.configuration === true;
    watchRegistration = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    workspaceFolderEvents = capabilities.workspace?.workspaceFolders === true;
    progressSupport = capabilities.window?.workDoneProgress === true;
    const init = (params.initializationOptions ?? {}) as { trusted?: unknown };
    trusted = init.trusted !== false;
    folders.set(params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        hoverProvider: true,
        executeCommandProvider: { commands: [SHOW_DOCUMENTATION_COMMAND, REANALYZE_COMMAND] },
        // Inter-file: editing an included file changes its includers' diagnostics.
        // Workspace diagnostics: the findings of every file of the workspace folders, opened or not.
        ...(pullDiagnostics ? { diagnosticProvider: { identifier: SOURCE, interFileDependencies: true, workspaceDiagnostics: true } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'session-lint', version: SERVER_VERSION },
    };
  });

  connection.onInitialized(() => {
    if (configurationSupport) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'sessionLint' }).catch(() => undefined);
    if (watchRegistration) {
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }, { globPattern: '**/*.{php,phtml,inc,module,ts,tsx,mts,cts,js,jsx,mjs,cjs}' }, { globPattern: '**/{tsconfig,jsconfig,package,composer}.json' }, { globPattern: '**/.gitignore' }] })
        .catch(() => undefined);
    }
    if (workspaceFolderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        folders.change(event.added, event.removed);
        settings.clear();
        configs.clear();
        refreshAll();
      });
    }
  });

  connection.onShutdown(async () => {
    changes.fire(); // a held workspace/diagnostic is answered
    for (const timer of pushTimers.values()) clearTimeout(timer);
    await runner.dispose();
  });

  documents.listen(connection);
  connection.listen();
}

declare const SESSION_LINT_VERSION: string | undefined;
const SERVER_VERSION = typeof SESSION_LINT_VERSION === 'string' ? SESSION_LINT_VERSION : 'dev';

/** Resolves with the value, or rejects as the protocol says a cancelled request must. */
async function cancellable<T>(promise: Promise<T>, token: CancellationToken | undefined): Promise<T> {
  if (!token) return promise;
  if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
  return new Promise<T>((resolve, reject) => {
    const subscription = token.onCancellationRequested(() => reject(new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled')));
    promise.then(
      (value) => {
        subscription.dispose();
        resolve(value);
      },
      (error: unknown) => {
        subscription.dispose();
        reject(error);
      },
    );
  });
}
