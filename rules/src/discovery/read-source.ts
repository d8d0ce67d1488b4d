import { promises as fsp } from 'node:fs';
import { decodeSource } from '../../../core/src';

/** The file-system calls reading needs; tests pass a failing one. */
export interface SourceFileSystem {
  stat(file: string): Promise<{ isFile(): boolean; isDirectory(): boolean; size: number }>;
  readFile(file: string): Promise<Uint8Array>;
}

export const nodeFileSystem: SourceFileSystem = {
  stat: (file) => fsp.stat(file),
  readFile: (file) => fsp.readFile(file),
};

export interface ReadOptions {
  readonly maxFileSize: number;
  readonly fs?: SourceFileSystem;
}

/**
 * - `ok`: text to analyse, plus notes worth reporting (invalid UTF-8);
 * - `skipped`: readable but deliberately not analysed (binary, too large): reported, the
 *   run still counts as complete;
 * - `unreadable`: the input could not be read: reported, and the run fails (exit 2),
 *   because the result would silently miss a file.
 */
export type ReadOutcome =
  | { readonly kind: 'ok'; readonly text: string; readonly notes: readonly string[] }
  | { readonly kind: 'skipped'; readonly message: string }
  | { readonly kind: 'unreadable'; readonly message: string };

export async function readSource(file: string, options: ReadOptions): Promise<ReadOutcome> {
  const fs = options.fs ?? nodeFileSystem;
  try {
    // stat before reading: a huge file is refused without loading it, and a FIFO or
    // device would block or never end if read.
    const stats = await fs.stat(file);
    if (stats.isDirectory()) return { kind: 'unreadable', message: 'cannot read file: is a directory' };
    if (!stats.isFile()) return { kind: 'unreadable', message: 'cannot read file: not a regular file' };
    if (stats.size > options.maxFileSize) return tooLarge(stats.size, options.maxFileSize);

    const bytes = await fs.readFile(file);
    // The file may have grown between stat and read.
    if (bytes.length > options.maxFileSize) return tooLarge(bytes.length, options.maxFileSize);

    const decoded = decodeSource(bytes);
    if (decoded.binary) return { kind: 'skipped', message: 'binary file, not analysed' };
    const notes = decoded.invalidUtf8
      ? ['file is not valid UTF-8: invalid bytes were replaced by U+FFFD before analysis, so positions may be off']
      : decoded.utf16
        ? ['file is UTF-16: it was converted for analysis (PHP itself expects an ASCII-compatible encoding such as UTF-8)']
        : [];
    return { kind: 'ok', text: decoded.text, notes };
  } catch (err) {
    return { kind: 'unreadable', message: `cannot read file: ${describeFsError(err)}` };
  }
}

function tooLarge(size: number, limit: number): ReadOutcome {
  return {
    kind: 'skipped',
    message: `file is too large (${size} bytes, limit ${limit}; see --max-file-size), not analysed`,
  };
}

const FS_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'a parent of this path is not a directory',
  ELOOP: 'too many levels of symbolic links',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
};

/** A short human reason for a Node fs error, with its code for searching. */
export function describeFsError(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  const known = typeof code === 'string' ? FS_ERRORS[code] : undefined;
  if (known !== undefined) return `${known} (${code as string})`;
  return err instanceof Error ? err.message : String(err);
}
