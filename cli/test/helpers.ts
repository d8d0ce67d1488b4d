import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Finding, RelatedLocation, Severity } from '../../core/src';
import type { AnalysisResult, SourceFile } from '../../rules/src/api';
import type { AnalyzerOptions } from '../../rules/src/api';
import type { Analyzer } from '../../rules/src/analyzer';
import { main, type MainEnvironment } from '../src/main';

/** A fresh directory per test; `cleanup()` in `afterEach`. */
export class TempDir {
  readonly root: string;

  constructor() {
    this.root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'session-lint-cli-')));
  }

  /** Writes files given as `{ 'a/b.php': '<?php …' }`, creating folders as needed. */
  write(files: Record<string, string | Uint8Array>): this {
    for (const [rel, content] of Object.entries(files)) {
      const abs = path.join(this.root, rel);
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      fs.writeFileSync(abs, content);
    }
    return this;
  }

  mkdir(rel: string): this {
    fs.mkdirSync(path.join(this.root, rel), { recursive: true });
    return this;
  }

  path(rel = ''): string {
    return path.join(this.root, rel);
  }

  cleanup(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}

export interface FindingInit {
  readonly file: string;
  readonly start: number;
  readonly end: number;
  readonly rule?: string;
  readonly severity?: Severity;
  readonly message?: string;
  readonly related?: readonly RelatedLocation[];
}

export function makeFinding(init: FindingInit): Finding {
  return {
    rule: init.rule ?? 'held-across-slow-call',
    severity: init.severity ?? 'warning',
    message: init.message ?? 'Session lock held across `sleep()`',
    span: { file: init.file, start: init.start, end: init.end },
    related: init.related ?? [],
    fixes: [],
  };
}

export function fakeAnalyzer(analyze: (file: SourceFile) => Omit<AnalysisResult, 'notes'> & { notes?: AnalysisResult['notes'] }): Analyzer {
  const analyzeFile = (file: SourceFile): AnalysisResult => ({ notes: [], ...analyze(file) });
  return {
    analyzeFile,
    // Like the real one: all files at once, so one throwing file fails the whole call.
    analyzeProject: (files) => {
      const results = files.map(analyzeFile);
      return {
        findings: results.flatMap((r) => r.findings),
        errors: results.flatMap((r) => r.errors),
        notes: results.flatMap((r) => r.notes),
      };
    },
  };
}

/**
 * Stands in for the engine: reports every `sleep(…)` call after a `session_start()` in the
 * same file, with the `session_start()` as related location. The severity is `info` in
 * files whose text contains `@info`. Enough to drive the CLI end to end.
 */
export const sleepAnalyzer: Analyzer = fakeAnalyzer(({ path: file, text }) => {
  const open = text.indexOf('session_start()');
  const findings: Finding[] = [];
  if (open >= 0) {
    for (const match of text.matchAll(/sleep\(\d*\)/g)) {
      const start = match.index;
      if (start < open) continue;
      findings.push(
        makeFinding({
          file,
          start,
          end: start + match[0].length,
          severity: text.includes('@info') ? 'info' : 'warning',
          related: [{ message: 'session opened here', span: { file, start: open, end: open + 'session_start()'.length } }],
        }),
      );
    }
  }
  return { findings, errors: [] };
});

export interface CapturedRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process, as `session-lint <argv>` in `cwd`, with the given analyzer. */
export async function runCli(
  argv: readonly string[],
  options: { cwd: string; analyzer?: Analyzer | ((options: AnalyzerOptions) => Promise<Analyzer>); env?: Record<string, string>; isTTY?: boolean },
): Promise<CapturedRun> {
  let stdout = '';
  let stderr = '';
  const { analyzer = sleepAnalyzer } = options;
  const environment: MainEnvironment = {
    cwd: options.cwd,
    env: options.env ?? {},
    stdout: { write: (s: string) => (stdout += s), isTTY: options.isTTY ?? false },
    stderr: { write: (s: string) => (stderr += s) },
    createAnalyzer: typeof analyzer === 'function' ? analyzer : async () => analyzer,
  };
  const code = await main(argv, environment);
  return { code, stdout, stderr };
}

/** The ANSI escape character, to check that colour is (not) there. */
export const ESC = '\u001b';
