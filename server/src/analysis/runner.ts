import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AnalysisJob, AnalysisOutcome, AnalysisProgress } from './job';
import type { WorkerMessage, WorkerRequest } from './worker';

/** Runs analysis jobs one at a time, off the connection's thread. */
export interface AnalysisRunner {
  /**
   * Queues a job. A job still waiting when another with the same `lane` (a project) arrives is
   * dropped and rejects with `SupersededError`: while the user types, only the newest text of a
   * project is analysed, never a backlog of every keystroke. A running workspace job (one with
   * `workspace`, whose first run indexes a whole folder) is cancelled too (see `supersedes`): it
   * stops at its next file, keeping what it computed in the per-file cache, and rejects with
   * `SupersededError`. Jobs for the open documents run before a folder's whole report.
   * `onProgress` hears how far the job is while it runs.
   */
  run(job: AnalysisJob, lane: string, onProgress?: (progress: AnalysisProgress) => void): Promise<AnalysisOutcome>;
  dispose(): Promise<void>;
}

/** The job was replaced by a newer one of the same project before it started. */
export class SupersededError extends Error {
  constructor() {
    super('superseded by a newer analysis of the same project');
  }
}

const WORKER_FILE = 'analysis-worker.js';

/** How long a stopping server waits for the worker to finish writing the cache. */
const STOP_GRACE_MS = 5000;

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

/**
 * Whether a new job makes a running one pointless: a newer text of the same workspace job's
 * lane, or any new job of a folder whose whole report is being computed (the open documents
 * come first; the report is asked again).
 */
function supersedes(job: AnalysisJob, lane: string, running: Pending): boolean {
  if (!running.job.workspace || running.job.root !== job.root) return false;
  return running.lane === lane || running.job.workspace.report === 'all';
}

interface Pending {
  readonly id: number;
  readonly job: AnalysisJob;
  readonly lane: string;
  readonly cancel: Int32Array;
  readonly onProgress: ((progress: AnalysisProgress) => void) | undefined;
  readonly resolve: (outcome: AnalysisOutcome) => void;
  readonly reject: (error: Error) => void;
}

class WorkerRunner implements AnalysisRunner {
  private worker: Worker | undefined;
  private nextId = 1;
  /** Posted to the worker, waiting for its answer (at most one). */
  private running: Pending | undefined;
  /** Not posted yet: at most one per lane. */
  private readonly waiting: Pending[] = [];

  constructor(
    private readonly script: string,
    private readonly log: (message: string) => void,
  ) {}

  run(job: AnalysisJob, lane: string, onProgress?: (progress: AnalysisProgress) => void): Promise<AnalysisOutcome> {
    return new Promise<AnalysisOutcome>((resolve, reject) => {
      const older = this.waiting.findIndex((p) => p.lane === lane);
      if (older >= 0) this.waiting.splice(older, 1)[0]!.reject(new SupersededError());
      if (this.running && supersedes(job, lane, this.running)) Atomics.store(this.running.cancel, 0, 1);
      this.waiting.push({ id: this.nextId++, job, lane, cancel: new Int32Array(new SharedArrayBuffer(4)), onProgress, resolve, reject });
      this.startNext();
    });
  }

  async dispose(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (!worker) return;
    // The worker writes the cache after each answer: let it finish (and stop the job it runs),
    // so the next start reads what this one computed; a worker that does not stop in time is ended.
    if (this.running) Atomics.store(this.running.cancel, 0, 1);
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage({ stop: true } satisfies WorkerRequest);
    const timer = setTimeout(() => void worker.terminate(), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  }

  private startNext(): void {
    if (this.running) return;
    // What the open documents show comes first: a whole folder's report (`workspace/diagnostic`) waits.
    const at = this.waiting.findIndex((pending) => pending.job.workspace?.report !== 'all');
    const next = this.waiting.splice(at >= 0 ? at : 0, 1)[0];
    if (!next) return;
    this.running = next;
    this.ensureWorker().postMessage({ id: next.id, job: next.job, cancel: next.cancel } satisfies WorkerRequest);
  }

  private finished(id: number, settle: (pending: Pending) => void): void {
    if (this.running?.id !== id) return;
    const done = this.running;
    this.running = undefined;
    settle(done);
    this.startNext();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script);
    worker.unref(); // an idle worker must not keep a stopped server's process alive
    worker.on('message', (message: WorkerMessage) => {
      if ('progress' in message) {
        if (this.running?.id === message.id) this.running.onProgress?.(message.progress);
        return;
      }
      this.finished(message.id, (done) => {
        if ('outcome' in message) done.resolve(message.outcome);
        else if ('cancelled' in message) done.reject(new SupersededError());
        else done.reject(new Error(message.error));
      });
    });
    // A crashed worker (out of memory on a huge file) fails its job and is started again for
    // the next one: the server itself stays up.
    const fail = (reason: string) => {
      if (this.worker === worker) this.worker = undefined;
      this.log(`session-lint: the analysis worker stopped: ${reason}`);
      if (this.running) this.finished(this.running.id, (done) => done.reject(new Error(`the analysis worker stopped: ${reason}`)));
    };
    worker.on('error', (error) => fail(error.message));
    worker.on('exit', (code) => {
      if (this.worker === worker) fail(`exit code ${code}`);
    });
    this.worker = worker;
    return worker;
  }
}
