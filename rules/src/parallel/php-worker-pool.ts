import * as fs from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { PhpWorkRunner } from '../cache/php-file-work';
import type { DeclaredPhp, LoweredPhp, LoweringInputs, PhpText } from '../cache/php-file-results';
import type { WorkerReply, WorkerRequest, WorkerSetup } from './messages';

/** Files per request: enough to pay for the message, few enough to share the work evenly. */
const FILES_PER_REQUEST = 16;
/**
 * A worker that stays silent this long is taken as lost (killed for memory, crashed): what is
 * left is computed in the main thread, so a run never hangs on a dead worker.
 */
const SILENCE_LIMIT_MS = 5 * 60 * 1000;

/** The default `--jobs`: the cores this process may use. */
export function defaultJobs(): number {
  return availableParallelism();
}

interface PoolWorker {
  readonly worker: Worker;
  readonly replies: MessagePort;
  readonly index: number;
  /** The request it is working on (the indices of its files), if any. */
  busy?: { readonly id: number; readonly indices: readonly number[] };
  lost: boolean;
}

/**
 * Parses, declares and lowers PHP files on `size` worker threads, synchronously: the main
 * thread hands out requests of a few files each, then sleeps on a shared counter
 * (`Atomics.wait`) and reads each reply as it comes (`receiveMessageOnPort`), so the analysis
 * that calls it stays an ordinary synchronous function. Results are plain data; they cross
 * threads by structured clone. Workers start on first use and end with `close()`.
 */
export class PhpWorkerPool implements PhpWorkRunner {
  private workers: PoolWorker[] | undefined;
  private readonly signal = new SharedArrayBuffer(4);
  private nextId = 0;
  private nextInputsId = 0;
  /** Which worker declared each file (and so keeps its tree), by path. */
  private readonly declaredBy = new Map<string, number>();
  /** Why the pool stopped using its workers, if it did (for a note). */
  failure: string | undefined;

  constructor(
    /** The worker's script: `php-worker.js` next to the bundle, or in `build/`. */
    private readonly script: string,
    private readonly size: number,
  ) {}

  declare(files: readonly PhpText[]): (DeclaredPhp | undefined)[] {
    const results = this.run(files, (id, chunk) => ({ kind: 'declare', id, files: chunk }), (reply) => ('declared' in reply ? reply.declared : undefined), () => -1);
    return results;
  }

  lower(files: readonly PhpText[], inputs: LoweringInputs): (LoweredPhp | undefined)[] {
    const inputsId = this.nextInputsId++;
    const workers = this.started();
    for (const w of workers) if (!w.lost) w.worker.postMessage({ kind: 'inputs', inputsId, inputs } satisfies WorkerRequest);
    // Each file to the worker that declared it, which kept its tree (one parse per file).
    return this.run(files, (id, chunk) => ({ kind: 'lower', id, inputsId, files: chunk }), (reply) => ('lowered' in reply ? reply.lowered : undefined), (file) => this.declaredBy.get(file.path) ?? -1);
  }

  /** Ends the workers (the process can exit). */
  close(): void {
    for (const w of this.workers ?? []) {
      w.replies.close();
      void w.worker.terminate();
    }
    this.workers = undefined;
    this.declaredBy.clear();
  }

  private started(): PoolWorker[] {
    if (this.workers) return this.workers;
    this.workers = [];
    for (let i = 0; i < this.size; i++) {
      const channel = new MessageChannel();
      const setup: WorkerSetup = { signal: this.signal, replies: channel.port2 };
      const worker = new Worker(this.script, { workerData: setup, transferList: [channel.port2] });
      // Never keep the process alive for an idle worker.
      worker.unref();
      worker.on('error', () => undefined);
      this.workers.push({ worker, replies: channel.port1, lost: false, index: i });
    }
    return this.workers;
  }

  /**
   * Hands the files out a few at a time, each to the worker `preferred` names when it is
   * free (else to any: work is never left waiting), and collects the replies in order.
   */
  private run<T>(
    files: readonly PhpText[],
    request: (id: number, chunk: readonly PhpText[]) => WorkerRequest,
    resultsOf: (reply: WorkerReply) => readonly T[] | undefined,
    preferred: (file: PhpText) => number,
  ): (T | undefined)[] {
    // Entries left undefined (a worker failed or was lost) are computed by the caller.
    const results: (T | undefined)[] = new Array(files.length).fill(undefined);
    const workers = this.failure === undefined ? this.started().filter((w) => !w.lost) : [];
    if (workers.length === 0) return results;
    // One queue of file indices per worker, and one for files no worker prefers.
    const queues = new Map<number, number[]>(workers.map((w) => [w.index, []]));
    const shared: number[] = [];
    files.forEach((file, i) => (queues.get(preferred(file)) ?? shared).push(i));
    const takeFor = (w: PoolWorker): number[] => {
      const own = queues.get(w.index)!;
      const source = own.length > 0 ? own : shared.length > 0 ? shared : [...queues.values()].reduce((a, b) => (b.length > a.length ? b : a));
      return source.splice(0, FILES_PER_REQUEST);
    };
    const handOut = (w: PoolWorker): void => {
      const indices = takeFor(w);
      if (indices.length === 0) return;
      const id = this.nextId++;
      w.busy = { id, indices };
      w.worker.postMessage(request(id, indices.map((i) => files[i]!)));
    };
    workers.forEach(handOut);
    const counter = new Int32Array(this.signal);
    let lastReply = Date.now();
    while (workers.some((w) => w.busy)) {
      const seen = Atomics.load(counter, 0);
      let progressed = false;
      for (const w of workers) {
        for (let message = receiveMessageOnPort(w.replies); message; message = receiveMessageOnPort(w.replies)) {
          const reply = message.message as WorkerReply;
          const busy = w.busy;
          if (!busy || reply.id !== busy.id) continue;
          w.busy = undefined;
          progressed = true;
          // A failure in the worker leaves the chunk to the caller, which computes it in the
          // main thread (where the same failure becomes the analysis's error entry).
          const values = resultsOf(reply);
          if (values !== undefined && values.length === busy.indices.length) {
            busy.indices.forEach((fileIndex, i) => {
              results[fileIndex] = values[i];
              this.declaredBy.set(files[fileIndex]!.path, w.index);
            });
          }
          handOut(w);
        }
      }
      if (progressed) {
        lastReply = Date.now();
        continue;
      }
      if (Date.now() - lastReply > SILENCE_LIMIT_MS) {
        this.failure ??= `no reply from the worker threads in ${SILENCE_LIMIT_MS / 1000} s`;
        for (const w of workers) {
          if (!w.busy) continue;
          w.busy = undefined;
          w.lost = true;
        }
        break;
      }
      Atomics.wait(counter, 0, seen, 1000);
    }
    return results;
  }
}

/**
 * The worker's script: `php-worker.js` next to this code (the bundle's folder, where
 * esbuild.mjs writes it; or `build/rules/src/parallel/` in an unbundled run). Undefined when
 * it is missing: the work then runs in the main thread.
 */
export function phpWorkerScript(): string | undefined {
  const script = path.join(__dirname, 'php-worker.js');
  return fs.existsSync(script) ? script : undefined;
}
