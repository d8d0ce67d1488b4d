import { InvalidArgumentError } from 'commander';

/** 10 MiB: far above hand-written PHP; what is larger is generated or data, and slow to parse. */
export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

export const OUTPUT_FORMATS = ['pretty', 'json'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** The `check` command's options as commander hands them over (see main.ts). */
export interface CheckCommandOptions {
  readonly format: OutputFormat;
  /** false with `--no-ignore`. */
  readonly ignore: boolean;
  readonly includeVendor: boolean;
  /** `--include-tests`: analyse test folders and test classes too. */
  readonly includeTests?: boolean;
  readonly includeGenerated?: boolean;
  /** `--report-non-locking-stores`: report lock findings under a store that takes no lock as if PHP's file store were used. */
  readonly reportNonLockingStores?: boolean;
  readonly quiet: boolean;
  readonly verbose: boolean;
  readonly maxFileSize: number;
  /** true with `--color`, false with `--no-color`, undefined: automatic. */
  readonly color: boolean | undefined;
  /** `--config <file>`; undefined: look for session-lint.json upwards. */
  readonly config?: string;
  /** `--fix`: apply safe fixes. */
  readonly fix?: boolean;
  /** `--unsafe-fixes`: apply unsafe fixes too (implies `--fix`). */
  readonly unsafeFixes?: boolean;
  /** `--diff`: print what the fixes would change as a unified diff instead of writing (implies `--fix`). */
  readonly diff?: boolean;
  /** `--cache`: keep per-file results (and the run's) between runs. */
  readonly cache?: boolean;
  /** `--cache-location <dir>`; undefined: `defaultCacheLocation`. */
  readonly cacheLocation?: string;
  /** `--on-demand` (true) or `--no-on-demand` (false): parse only the relevant PHP files; undefined: `ON_DEMAND_BY_DEFAULT`. */
  readonly onDemand?: boolean;
  /** `--jobs <n>`: threads that parse and lower; undefined: the number of cores. */
  readonly jobs?: number;
}

/** Whether PHP files are parsed on demand when neither the flag nor the configuration says. */
export const ON_DEMAND_BY_DEFAULT = false;

/** `--jobs`: a whole number of threads, at least 1. */
export function parseJobs(value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value.trim()) < 1) {
    throw new InvalidArgumentError('Expected a whole number of threads, at least 1.');
  }
  return Math.min(Number(value.trim()), 256);
}

/** `--max-file-size`: a whole number of bytes. Units are left out on purpose (MB vs MiB). */
export function parseByteCount(value: string): number {
  if (!/^\d+$/.test(value.trim())) {
    throw new InvalidArgumentError('Expected a whole number of bytes, e.g. 10485760 for 10 MiB.');
  }
  const bytes = Number(value.trim());
  if (!Number.isSafeInteger(bytes)) throw new InvalidArgumentError('Number too large.');
  return bytes;
}
