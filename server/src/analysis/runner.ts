import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AnalysisJob, AnalysisOutcome } from './job';

/** Runs analysis jobs one at a time, off the connection's thread. */
export interface AnalysisRunner {
  run(job: AnalysisJob): Promise<AnalysisOutcome>;
  dispose(): Promise<void>;
}

const WORKER_FILE = 'analysis-worker.js';

/**
 * The analysis worker: `analysis-worker.js` next to the server bundle, or `analysis/worker.js`
 * in the test build. The server's own thread never loads the engine (the bundle stays small
 * and typing is never blocked by an analysis).
 */
export function createRunner(log: (message: string) => void): AnalysisRunner {
  const candidates = [path.join(__dirname, WORKER_FILE), path.join(__dirname, 'analysis', 'worker.js'), path.join(__dirname, 'worker.js')];
  const script = candidates.find((file) => fs.existsSync(file));
  if (!script) throw new Error(`session-lint: the analysis worker is missing; looked for ${candidates.join(', ')}`);
  return new WorkerRunner(script, log);
}

interface Pending {
  readonly resolve: (outcome: AnalysisOutcome) => void;
  readonly reject: (error: Error) => void;
}

class WorkerRunner implements AnalysisRunner {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(
    private readonly script: string,
    private readonly log: (message: string) => void,
  ) {}

  run(job: AnalysisJob): Promise<AnalysisOutcome> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<AnalysisOutcome>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, job });
    });
  }

  async dispose(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script);
    worker.unref(); // an idle worker must not keep a stopped server's process alive
    worker.on('message', (message: { id: number; outcome?: AnalysisOutcome; error?: string }) => {
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (!waiting) return;
      if (message.outcome) waiting.resolve(message.outcome);
      else waiting.reject(new Error(message.error ?? 'the analysis failed'));
    });
    // A crashed worker (out of memory on a huge file) fails its jobs and is started again on
    // the next one: the server itself stays up.
    const fail = (reason: string) => {
      if (this.worker === worker) this.worker = undefined;
      this.log(`session-lint: the analysis worker stopped: ${reason}`);
      for (const waiting of this.pending.values()) waiting.reject(new Error(`the analysis worker stopped: ${reason}`));
      this.pending.clear();
    };
    worker.on('error', (error) => fail(error.message));
    worker.on('exit', (code) => {
      if (this.worker === worker) fail(`exit code ${code}`);
    });
    this.worker = worker;
    return worker;
  }
}
