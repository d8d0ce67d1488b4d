import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import {
  createConnection,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  DocumentDiagnosticRequest,
  FileChangeType,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type CancellationToken,
  type ClientCapabilities,
  type Diagnostic,
  type FullDocumentDiagnosticReport,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type WorkspaceDocumentDiagnosticReport,
  WorkspaceDiagnosticRequest,
} from 'vscode-languageserver/node';
import { startServer } from '../src/server';

export interface SessionOptions {
  /** Whether the client pulls diagnostics (`textDocument/diagnostic`); else the server pushes. */
  readonly pull?: boolean;
  /** The `sessionLint` settings the client answers `workspace/configuration` with. */
  settings?: Record<string, unknown>;
  /** Files of the workspace folder, written before the server starts. */
  readonly files: Record<string, string>;
  /** `initializationOptions`: what the VS Code client sends (`trusted: false` in an untrusted workspace). */
  readonly initializationOptions?: Record<string, unknown>;
}

/**
 * A language server and a protocol client in one process, joined by a pair of streams: the
 * real JSON-RPC framing and the real handlers, with a workspace folder on disk.
 */
export class LspSession {
  readonly root: string;
  readonly client: ProtocolConnection;
  /** Every `workspace/diagnostic/refresh` the server sent. */
  refreshes = 0;
  /** The `kind` of every `$/progress` value the server reported (`begin`, `report`, `end`). */
  readonly progress: string[] = [];
  /** The `message` of every `$/progress` value that had one. */
  readonly progressMessages: string[] = [];
  private readonly published = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters: (() => void)[] = [];
  private readonly versions = new Map<string, number>();

  private constructor(private readonly options: SessionOptions) {
    this.root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'session-lint-lsp-')));
    for (const [name, text] of Object.entries(options.files)) this.write(name, text);
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    startServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)));
    this.client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    this.client.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => this.options.settings ?? {}));
    this.client.onRequest('client/registerCapability', () => null);
    this.client.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      this.wake();
      return null;
    });
    this.client.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.set(params.uri, params);
      this.wake();
    });
    this.client.onRequest('window/workDoneProgress/create', () => null);
    this.client.onNotification('$/progress', (params: { value: { kind: string; message?: string } }) => {
      this.progress.push(params.value.kind);
      if (params.value.message !== undefined) this.progressMessages.push(params.value.message);
      this.wake();
    });
    this.client.onNotification('window/logMessage', () => undefined);
    this.client.onNotification('sessionLint/status', () => undefined);
    this.client.listen();
  }

  static async start(options: SessionOptions): Promise<LspSession> {
    const session = new LspSession(options);
    const capabilities: ClientCapabilities = {
      window: { workDoneProgress: true },
      workspace: {
        configuration: true,
        didChangeWatchedFiles: { dynamicRegistration: true },
        ...(options.pull !== false ? { diagnostics: { refreshSupport: true } } : {}),
      },
      textDocument: {
        ...(options.pull !== false ? { diagnostic: { dynamicRegistration: false } } : {}),
        publishDiagnostics: { relatedInformation: true, versionSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
      },
    };
    await session.client.sendRequest(InitializeRequest.type, {
      processId: null,
      rootUri: session.uri(''),
      workspaceFolders: [{ uri: pathToFileURL(session.root).href, name: 'workspace' }],
      capabilities,
      ...(options.initializationOptions ? { initializationOptions: options.initializationOptions } : {}),
    });
    await session.client.sendNotification(InitializedNotification.type, {});
    return session;
  }

  uri(name: string): string {
    return pathToFileURL(path.join(this.root, name)).href;
  }

  write(name: string, text: string): void {
    fs.mkdirSync(path.dirname(path.join(this.root, name)), { recursive: true });
    fs.writeFileSync(path.join(this.root, name), text);
  }

  async open(name: string, text = fs.readFileSync(path.join(this.root, name), 'utf8')): Promise<void> {
    this.versions.set(name, 1);
    const languageId = name.endsWith('.php') ? 'php' : 'typescript';
    await this.client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: this.uri(name), languageId, version: 1, text } });
  }

  async save(name: string): Promise<void> {
    await this.client.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: this.uri(name) } });
  }

  /** Replaces the whole text; returns the new version. */
  async change(name: string, text: string): Promise<number> {
    const version = (this.versions.get(name) ?? 1) + 1;
    this.versions.set(name, version);
    await this.client.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: this.uri(name), version }, contentChanges: [{ text }] });
    return version;
  }

  async pull(name: string, token?: CancellationToken): Promise<Diagnostic[]> {
    const report = (await this.client.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: this.uri(name) } }, token)) as FullDocumentDiagnosticReport;
    return report.items;
  }

  async changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.options.settings = settings;
    await this.client.sendNotification(DidChangeConfigurationNotification.type, { settings: { sessionLint: settings } });
  }

  async fileChanged(name: string, type: FileChangeType = FileChangeType.Changed): Promise<void> {
    await this.client.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: this.uri(name), type }] });
  }

  /** `workspace/diagnostic`: the reports of the whole workspace, given the result ids the client has. */
  async pullWorkspace(previousResultIds: { uri: string; value: string }[] = []): Promise<WorkspaceDocumentDiagnosticReport[]> {
    const report = await this.client.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds });
    return report.items;
  }

  /** Waits (polling on each message, bounded) until the last diagnostics pushed for `name` satisfy `ok`. */
  async pushed(name: string, ok: (p: PublishDiagnosticsParams) => boolean, timeoutMs = 15000): Promise<PublishDiagnosticsParams> {
    return this.until(() => {
      const params = this.published.get(this.uri(name));
      return params && ok(params) ? params : undefined;
    }, timeoutMs, `pushed diagnostics for ${name}`);
  }

  async until<T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = probe();
      if (value !== undefined) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  private wake(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  async close(): Promise<void> {
    await this.client.sendRequest(ShutdownRequest.type);
    this.client.dispose();
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}
