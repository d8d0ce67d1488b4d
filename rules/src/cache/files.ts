import * as fs from 'node:fs';
import * as path from 'node:path';

/** Whether `dir` is a directory; anything that cannot be read counts as no. */
export function isDirectory(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Writes `file` through a temporary name and a rename, so a concurrent reader never sees half
 * an entry. Throws on failure, after removing the temporary file; callers decide whether a
 * failed write is worth a message.
 */
export function writeFileAtomically(file: string, data: string | Uint8Array): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(temporary, data);
    fs.renameSync(temporary, file);
  } catch (err) {
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // The write failure below is what the caller needs to know.
    }
    throw err;
  }
}
