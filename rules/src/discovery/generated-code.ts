/**
 * JavaScript that a bundler or a minifier wrote: build output that vendors whole libraries
 * (phpMyAdmin ships jQuery, CodeMirror and OpenLayers this way). None of it holds a session
 * or a pooled client for a request, and lowering it cost a third of a phpMyAdmin run, so a
 * directory walk leaves it out (`--verbose` says why) unless `--include-generated` or
 * `"includeGenerated": true` brings it back. Only the walk decides this, to save parsing: a
 * file named on the command line is always analysed, and nothing here is a fact the analysis
 * uses (TypeScript sources and PHP are never left out).
 */

/** A line this long is not written by hand (data strings in tests stay under it): the file is minified. */
const MINIFIED_LINE = 4000;

/** Comments the bundlers put at the top of what they write. */
const BUNDLER_MARKS: readonly string[] = ['webpackBootstrap', '/******/ (', '/*! For license information please see'];

const JAVASCRIPT = ['.js', '.mjs', '.cjs'];

/** Why the file is generated JavaScript, or undefined when it is (or may be) source. */
export function generatedJavaScriptReason(fileName: string, text: string): string | undefined {
  const lower = fileName.toLowerCase();
  if (!JAVASCRIPT.some((ext) => lower.endsWith(ext))) return undefined;
  // Only the head of the file: bundlers and minifiers mark it at once.
  const head = text.slice(0, 64 * 1024);
  const mark = BUNDLER_MARKS.find((one) => head.includes(one));
  if (mark !== undefined) return `bundled JavaScript (\`${mark}\` near its top), left out as build output (--include-generated analyses it)`;
  let start = 0;
  while (start < head.length) {
    const end = head.indexOf('\n', start);
    const length = (end === -1 ? head.length : end) - start;
    if (length > MINIFIED_LINE) return `minified JavaScript (a line of more than ${MINIFIED_LINE} characters), left out as build output (--include-generated analyses it)`;
    if (end === -1) break;
    start = end + 1;
  }
  return undefined;
}

/** Folders build tools write their output to. */
const OUTPUT_DIRS: readonly string[] = ['dist', 'build'];
const SOURCE_EXTENSIONS: readonly string[] = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/**
 * JavaScript in a `dist/` or `build/` folder whose source is in the same walk, at the same
 * place under a sibling `src/` (phpMyAdmin's `js/dist/functions.js`, compiled from
 * `js/src/functions.js`): a second copy of code already analysed. Output whose source is
 * not in the walk (a package published compiled) is analysed: it is all there is.
 * Paths use `/`; the answer maps each such copy to its source.
 */
export function compiledCopies(paths: readonly string[]): Map<string, string> {
  const stems = new Map<string, string>();
  const stem = (file: string): string | undefined => {
    const ext = SOURCE_EXTENSIONS.find((one) => file.toLowerCase().endsWith(one));
    return ext === undefined ? undefined : file.slice(0, -ext.length);
  };
  for (const file of paths) {
    const base = stem(file);
    if (base !== undefined && !stems.has(base)) stems.set(base, file);
  }
  const copies = new Map<string, string>();
  for (const file of paths) {
    if (!JAVASCRIPT.some((ext) => file.toLowerCase().endsWith(ext))) continue;
    const base = stem(file)!;
    const parts = base.split('/');
    for (let i = parts.length - 2; i >= 0; i--) {
      if (!OUTPUT_DIRS.includes(parts[i]!)) continue;
      const source = stems.get([...parts.slice(0, i), 'src', ...parts.slice(i + 1)].join('/'));
      if (source !== undefined) copies.set(file, source);
      break;
    }
  }
  return copies;
}
