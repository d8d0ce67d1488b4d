import type { CancellationToken } from 'vscode-languageserver';

/**
 * Something the analyses depend on changed (a document, a file on disk, the configuration):
 * wakes the requests that wait for it. `workspace/diagnostic` waits on it when it has nothing
 * new to tell, as the protocol allows (the request stays open), so a client that pulls the
 * workspace again and again costs no CPU while nothing changes.
 */
export class ChangeSignal {
  private waiters: (() => void)[] = [];
  private lastFired = 0;

  fire(): void {
    this.lastFired = performance.now();
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** Resolves once nothing has changed for `ms` (while the user types, a whole-folder analysis waits). */
  async quiet(ms: number, token: CancellationToken): Promise<void> {
    for (;;) {
      const left = this.lastFired + ms - performance.now();
      if (left <= 0 || token.isCancellationRequested) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          subscription.dispose();
          resolve();
        }, left);
        const subscription = token.onCancellationRequested(() => {
          clearTimeout(timer);
          subscription.dispose();
          resolve();
        });
      });
    }
  }

  /** Resolves at the next change, when the request is cancelled, or after `maxMs`. */
  next(token: CancellationToken, maxMs: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        subscription.dispose();
        this.waiters = this.waiters.filter((w) => w !== done);
        resolve();
      };
      const timer = setTimeout(done, maxMs);
      timer.unref(); // a held request never keeps a stopped server alive
      const subscription = token.onCancellationRequested(done);
      this.waiters.push(done);
    });
  }
}
