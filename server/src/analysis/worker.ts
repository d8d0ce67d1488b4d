import { parentPort } from 'node:worker_threads';
import { analyzerCache } from './analyzer-cache';
import type { AnalysisJob, AnalysisProgress } from './job';
import { JobCancelled, runJob } from './run-job';
import { WorkspaceFiles } from './workspace-files';

/**
 * The analysis worker: one job at a time, so the language server's connection thread never
 * runs the engine and typing is never blocked by an analysis. A job can be cancelled while it
 * runs: the connection thread sets its flag (shared memory), which the analysis reads between
 * files; what it computed so far stays in the per-file cache for the next job.
 */
const analyzers = analyzerCache();
const workspaceFiles = new WorkspaceFiles();

/** Progress messages at most this often. */
const PROGRESS_EVERY_MS = 100;

export type WorkerRequest =
  | {
      readonly id: number;
      readonly job: AnalysisJob;
      /** Non-zero once the connection thread cancels the job. */
      readonly cancel: Int32Array;
    }
  /** The server stops: write the cache, then end the thread. */
  | { readonly stop: true };

export type WorkerMessage =
  | { readonly id: number; readonly outcome: import('./job').AnalysisOutcome }
  | { readonly id: number; readonly error: string }
  | { readonly id: number; readonly cancelled: true }
  | { readonly id: number; readonly progress: AnalysisProgress };

const post = (message: WorkerMessage) => parentPort!.postMessage(message);

/** The job running now, if any: a stop waits for it (it was cancelled) before the cache is written. */
let running: Promise<unknown> = Promise.resolve();

parentPort?.on('message', (request: WorkerRequest) => {
  if ('stop' in request) {
    void running.finally(() => {
      analyzers.flush?.();
      process.exit(0);
    });
    return;
  }
  running = handle(request);
});

function handle(message: Extract<WorkerRequest, { job: AnalysisJob }>): Promise<unknown> {
  let lastProgress = 0;
  const onProgress = (done: number, total: number) => {
    const now = performance.now();
    if (now - lastProgress < PROGRESS_EVERY_MS && done < total) return;
    lastProgress = now;
    post({ id: message.id, progress: { done, total } });
  };
  const cancelled = () => Atomics.load(message.cancel, 0) !== 0;
  return runJob(message.job, analyzers, { workspaceFiles, onProgress, cancelled }).then(
    (outcome) => {
      post({ id: message.id, outcome });
      // After the answer is sent: what this analysis computed, for the next edit and start.
      analyzers.flush?.();
    },
    (error: unknown) => {
      if (error instanceof JobCancelled) {
        post({ id: message.id, cancelled: true });
        analyzers.flush?.();
      } else post({ id: message.id, error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) });
    },
  );
}
