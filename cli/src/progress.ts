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
 * A progress bar on stderr for long runs (cli-progress): the phase, files done of the files
 * to analyse, and an estimate of the time left. Only on a terminal and without `--quiet`:
 * elsewhere (a pipe, CI logs, `--format json` read by a tool) nothing is drawn. Files read
 * from the cache count as done at once. The bar is cleared when the run ends, so the report
 * that follows starts on a clean line.
 */
export function progressBar(stream: ProgressStream, enabled: boolean): Progress {
  if (!enabled || stream.isTTY !== true) return { start: () => undefined, fileDone: () => undefined, stop: () => undefined };
  let bar: SingleBar | undefined;
  let phase: keyof typeof PHASES = 'declare';
  let done = 0;
  return {
    start(files) {
      // A handful of files ends before a bar is worth drawing.
      if (files < 2) return;
      bar = new SingleBar({
        stream: stream as NodeJS.WritableStream,
        format: 'session-lint {bar} {value}/{total} files | {phase} | {eta_formatted} left',
        barsize: 24,
        hideCursor: true,
        clearOnComplete: true,
        // The analysis runs synchronously: the bar redraws from update() (no timer gets to run).
        synchronousUpdate: true,
        etaBuffer: 50,
        fps: 10,
      });
      bar.start(files, 0, { phase: PHASES.declare });
    },
    fileDone(finished) {
      if (!bar) return;
      if (finished !== phase) {
        phase = finished;
        done = 0;
        bar.update(0, { phase: PHASES[phase] });
      }
      done++;
      bar.update(done);
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}
