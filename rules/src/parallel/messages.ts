import type { DeclaredPhp, LoweredPhp, LoweringInputs, PhpText } from '../cache/php-file-results';

/** Main thread → worker: what to compute. Plain data (structured clone). */
export type WorkerRequest =
  | { readonly kind: 'declare'; readonly id: number; readonly files: readonly PhpText[] }
  /** The inputs every later `lower` of the same `inputsId` uses: sent once per batch. */
  | { readonly kind: 'inputs'; readonly inputsId: number; readonly inputs: LoweringInputs }
  | { readonly kind: 'lower'; readonly id: number; readonly inputsId: number; readonly files: readonly PhpText[] };

/** Worker → main thread: one request's results, in the order of its files, or why it failed. */
export type WorkerReply =
  | { readonly id: number; readonly declared: readonly DeclaredPhp[] }
  | { readonly id: number; readonly lowered: readonly LoweredPhp[] }
  | { readonly id: number; readonly error: string };

/** What a worker is started with. */
export interface WorkerSetup {
  /** Counts replies; the main thread sleeps on it (`Atomics.wait`) while the workers run. */
  readonly signal: SharedArrayBuffer;
  /** Where replies go: the main thread reads them synchronously (`receiveMessageOnPort`). */
  readonly replies: import('node:worker_threads').MessagePort;
}
