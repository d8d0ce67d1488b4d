import { SingleBar } from 'cli-progress';

/** What the analysis reports as it goes: each file's phase done, findings as the rules find them. */
export interface Progress {
  /** The files of the run: each goes through both phases. */
  start(files: number): void;
  fileDone(phase: 'declare' | 'lower'): void;
  stop(): void;
}

/** Where the bar is drawn: stderr, when it is a terminal. */
export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

const PHASES = { declare: 'reading declarations', lower: 'lowering' } as const;

/**
 * A progress bar on stderr for long runs (cli-progress): files done of the files to analyse
 * in the current phase (declarations, then lowering), and an estimate of the time left. Only on a terminal and without `--quiet`:
 * elsewhere (a pipe, CI logs, `--format json` read by a tool) nothing is drawn. Files read
 * from the cache count as done at once. The bar is cleared when the run ends, so the report
 * that follows starts on a clean line.
 */
export function progressBar(stream: ProgressStream, enabled: boolean): Progress {
  if (!enabled || stream.isTTY !== true) return { start: () => undefined, fileDone: () => undefined, stop: () => undefined };
  let bar: SingleBar | undefined;
  let files = 0;
  let phase: keyof typeof PHASES = 'declare';
  let done = 0;
  let steps = 0;
  return {
    start(count) {
      // A handful of files ends before a bar is worth drawing.
      if (count < 2) return;
      files = count;
      bar = new SingleBar({
        stream: stream as NodeJS.WritableStream,
        format: 'session-lint {bar} {done}/{files} files | {phase} | {eta_formatted} left',
        barsize: 24,
        hideCursor: true,
        clearOnComplete: true,
        // The analysis runs synchronously: the bar redraws from update() (no timer gets to run).
        synchronousUpdate: true,
        etaBuffer: 50,
        fps: 10,
      });
      // One step per file and phase: the bar and the time left cover the whole run.
      bar.start(files * 2, 0, { phase: PHASES.declare, done: 0, files });
    },
    fileDone(finished) {
      if (!bar) return;
      if (finished !== phase) {
        phase = finished;
        done = 0;
      }
      done = Math.min(done + 1, files);
      steps++;
      bar.update(Math.min(steps, files * 2), { phase: PHASES[phase], done });
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}
