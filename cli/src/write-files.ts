import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeSource } from '../../core/src';
import { describeFsError } from '../../rules/src/discovery/read-source';

export interface FileToWrite {
  readonly displayPath: string;
  readonly absPath: string;
  /** The text the analysis read: the file is written only if it still holds exactly this. */
  readonly before: string;
  readonly after: string;
}

export interface WriteOutcome {
  readonly written: readonly string[];
  /** Files left as they are, and why (changed on disk during the run, not UTF-8, a write error). */
  readonly refused: ReadonlyArray<{ readonly file: string; readonly reason: string }>;
}

/**
 * Writes fixed files atomically: the new text goes to a temporary file next to the original
 * (same folder, so the rename stays on one file system), with the original's permissions,
 * then replaces it by a rename, so a reader never sees half a file. A file whose bytes no
 * longer decode to the text the analysis read (someone saved it meanwhile) is not touched,
 * nor one that was not UTF-8 (writing it back would change its encoding). A byte-order mark
 * is kept.
 */
export function writeFixedFiles(files: readonly FileToWrite[]): WriteOutcome {
  const written: string[] = [];
  const refused: { file: string; reason: string }[] = [];
  for (const file of files) {
    const reason = writeOne(file);
    if (reason === undefined) written.push(file.displayPath);
    else refused.push({ file: file.displayPath, reason });
  }
  return { written, refused };
}

/**
 * The files that cannot be written as they are now on disk, and why: checked for all of them
 * before any is written, so that a fix that changes several files is written whole or not at
 * all (`filesTiedTo`).
 */
export function filesNotWritable(files: readonly FileToWrite[]): Array<{ readonly file: string; readonly reason: string }> {
  const refused: { file: string; reason: string }[] = [];
  for (const file of files) {
    let reason: string | undefined;
    try {
      reason = whyNotWritable(file, decodeSource(fs.readFileSync(file.absPath)));
    } catch (err) {
      reason = `cannot read the file again: ${describeFsError(err)}; not fixed`;
    }
    if (reason !== undefined) refused.push({ file: file.displayPath, reason });
  }
  return refused;
}

function whyNotWritable(file: FileToWrite, now: ReturnType<typeof decodeSource>): string | undefined {
  if (now.text !== file.before) return 'changed on disk during the run; not fixed';
  if (now.invalidUtf8 || now.utf16 === true) return 'not UTF-8: writing it back would change its encoding; not fixed';
  return undefined;
}

function writeOne(file: FileToWrite): string | undefined {
  let temporary: string | undefined;
  try {
    const bytes = fs.readFileSync(file.absPath);
    const now = decodeSource(bytes);
    const reason = whyNotWritable(file, now);
    if (reason !== undefined) return reason;
    const mode = fs.statSync(file.absPath).mode;
    temporary = path.join(path.dirname(file.absPath), `.${path.basename(file.absPath)}.session-lint-${process.pid}.tmp`);
    fs.writeFileSync(temporary, (now.hadBom ? '\uFEFF' : '') + file.after, { encoding: 'utf8', mode, flag: 'wx' });
    fs.renameSync(temporary, file.absPath);
    temporary = undefined;
    return undefined;
  } catch (err) {
    return `cannot write the fixed file: ${describeFsError(err)}`;
  } finally {
    if (temporary !== undefined) fs.rmSync(temporary, { force: true });
  }
}
