import { parentPort } from 'node:worker_threads';
import { analyzerCache } from './analyzer-cache';
import type { AnalysisJob } from './job';
import { runJob } from './run-job';

/**
 * The analysis worker: one job at a time, so the language server's connection thread never
 * runs the engine and typing is never blocked by an analysis.
 */
const analyzers = analyzerCache();

parentPort?.on('message', (message: { id: number; job: AnalysisJob }) => {
  runJob(message.job, analyzers).then(
    (outcome) => {
      parentPort!.postMessage({ id: message.id, outcome });
      // After the answer is sent: what this analysis computed, for the next edit and start.
      analyzers.flush?.();
    },
    (error: unknown) => parentPort!.postMessage({ id: message.id, error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) }),
  );
});
