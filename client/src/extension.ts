import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { StatusItem, type ServerStatus } from './status';

/**
 * The VS Code glue: starts the bundled language server over IPC and adds the commands and the
 * status bar item. It knows nothing about the analysis: everything comes from the server.
 */

const SERVER_BUNDLE = 'server/out/server.js';
/** How many crashes in a row are restarted before the user is asked to do it. */
const RESTARTS = 4;

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Session Lint', { log: true });
  const status = new StatusItem();
  context.subscriptions.push(output, status);

  const module = context.asAbsolutePath(SERVER_BUNDLE);
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  let crashes = 0;
  const clientOptions: LanguageClientOptions = {
    documentSelector: ['php', 'typescript', 'typescriptreact', 'javascript', 'javascriptreact'].map((language) => ({ scheme: 'file', language })),
    outputChannel: output,
    // Untrusted workspaces: the server honours no configured include paths or config file path.
    initializationOptions: { trusted: vscode.workspace.isTrusted },
    diagnosticPullOptions: { onChange: true, onSave: true },
    errorHandler: {
      error: () => ({ action: ErrorAction.Continue }),
      closed: () => {
        crashes++;
        status.show({ state: 'failed', message: 'the server stopped' });
        if (crashes <= RESTARTS) return { action: CloseAction.Restart, message: `Session Lint: the language server stopped; restarting it (${crashes}/${RESTARTS}). See "Session Lint: Show Output".` };
        return { action: CloseAction.DoNotRestart, message: 'Session Lint: the language server keeps stopping. See "Session Lint: Show Output", then run "Session Lint: Restart Server".' };
      },
    },
  };
  client = new LanguageClient('sessionLint', 'Session Lint', serverOptions, clientOptions);
  const running = client;
  context.subscriptions.push(
    running.onNotification('sessionLint/status', (params: ServerStatus) => {
      if (params.state === 'ready') crashes = 0;
      status.show(params);
    }),
    vscode.commands.registerCommand('sessionLint.analyzeWorkspace', () => running.sendRequest('workspace/executeCommand', { command: 'sessionLint.reanalyze', arguments: [] })),
    vscode.commands.registerCommand('sessionLint.fixAll', () => fixAll()),
    vscode.commands.registerCommand('sessionLint.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('sessionLint.restart', async () => {
      crashes = 0;
      await running.restart();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => running.restart()),
  );
  status.show({ state: 'analysing' });
  await running.start();
}

/** The same edits as `source.fixAll.sessionLint` on save, on demand for the active editor. */
async function fixAll(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const document = editor.document;
  const range = new vscode.Range(0, 0, document.lineCount, 0);
  const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, range, 'source.fixAll.sessionLint')) ?? [];
  const fix = actions.find((action) => action.kind?.value === 'source.fixAll.sessionLint' && action.edit);
  if (!fix) {
    void vscode.window.showInformationMessage('Session Lint: no safe fix to apply in this file.');
    return;
  }
  await vscode.workspace.applyEdit(fix.edit!);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
