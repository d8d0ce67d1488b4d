import * as vscode from 'vscode';

/** What the server says after each analysis (`sessionLint/status`, see server/src/server.ts). */
export interface ServerStatus {
  readonly state: 'analysing' | 'ready' | 'failed';
  readonly files?: number;
  readonly findings?: number;
  readonly elapsedMs?: number;
  readonly message?: string;
}

/** The status bar item: the server's state and the last analysis's time; a click shows the output. */
export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('sessionLint.status', vscode.StatusBarAlignment.Right, 100);

  constructor() {
    this.item.name = 'Session Lint';
    this.item.command = 'sessionLint.showOutput';
    this.item.show();
  }

  show(status: ServerStatus): void {
    switch (status.state) {
      case 'analysing':
        this.item.text = '$(sync~spin) Session Lint';
        this.item.tooltip = 'Session Lint: analysing…';
        break;
      case 'ready':
        this.item.text = `$(check) Session Lint ${status.elapsedMs ?? 0} ms`;
        this.item.tooltip = `Session Lint: last analysis of ${status.files ?? 0} open file(s) took ${status.elapsedMs ?? 0} ms; ${status.findings ?? 0} finding(s)`;
        break;
      case 'failed':
        this.item.text = '$(error) Session Lint';
        this.item.tooltip = `Session Lint: ${status.message ?? 'the analysis failed'} (click for the output)`;
        break;
    }
  }

  dispose(): void {
    this.item.dispose();
  }
}
