import { LineIndex, lineEndingOf } from '../../core/src';

/** Reads one file's text by display path; a string is the reason it could not. */
export type TextLoader = (file: string) => Promise<{ text: string } | { error: string }>;

/**
 * The texts of the files the report points into, keyed by display path. Spans are UTF-16
 * offsets, and turning them into lines and columns needs the exact text the engine saw.
 * Only files that findings or errors point into are kept after analysis (a whole
 * repository's text would be a lot of memory); a related location in a file whose text was
 * dropped, or never read, is loaded on demand.
 */
export class SourceTexts {
  private readonly indexes = new Map<string, LineIndex>();
  private readonly lineEndings = new Map<string, '\n' | '\r\n'>();

  constructor(private readonly loader?: TextLoader) {}

  remember(file: string, text: string): void {
    this.indexes.set(file, new LineIndex(text));
    this.lineEndings.set(file, lineEndingOf(text));
  }

  /** The file's line ending (its first one), `\n` for a file not known. */
  lineEndingOf(file: string): '\n' | '\r\n' {
    return this.lineEndings.get(file) ?? '\n';
  }

  get(file: string): LineIndex | undefined {
    return this.indexes.get(file);
  }

  /** Loads the files not known yet; returns the ones that could not be read, with why. */
  async ensure(files: Iterable<string>): Promise<Array<{ file: string; message: string }>> {
    const failures: Array<{ file: string; message: string }> = [];
    for (const file of new Set(files)) {
      if (this.indexes.has(file)) continue;
      if (this.loader === undefined) {
        failures.push({ file, message: 'text not available' });
        continue;
      }
      const loaded = await this.loader(file);
      if ('text' in loaded) this.remember(file, loaded.text);
      else failures.push({ file, message: loaded.error });
    }
    return failures;
  }
}
