/**
 * Which files a directory walk hands to the analyzer. The one place to edit when the
 * engine learns a language. Files named on the command line are analysed whatever their
 * extension.
 */
// `.inc`, `.phtml` and `.module` are PHP in real projects (Roundcube, templates, Drupal).
const PHP_EXTENSIONS: readonly string[] = ['.php', '.phtml', '.inc', '.module'];
const TYPESCRIPT_EXTENSIONS: readonly string[] = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

export const ANALYSED_EXTENSIONS: readonly string[] = [...PHP_EXTENSIONS, ...TYPESCRIPT_EXTENSIONS];

/** Declaration files hold no code; minified bundles are build output, not the project's source. */
const SKIPPED_SUFFIXES: readonly string[] = ['.d.ts', '.d.mts', '.d.cts', '.min.js', '.min.mjs', '.min.cjs'];

/** Why a walk skips any other file (`--verbose`). */
export const SKIPPED_FILE_REASON = 'not a PHP (.php / .phtml / .inc / .module), TypeScript or JavaScript (.ts / .tsx / .mts / .cts / .js / .jsx / .mjs / .cjs) source file';

export function isAnalysedFile(fileName: string): boolean {
  // Lower-cased: `Foo.PHP` is PHP on the case-insensitive file systems people use.
  const lower = fileName.toLowerCase();
  if (SKIPPED_SUFFIXES.some((suffix) => lower.endsWith(suffix))) return false;
  return ANALYSED_EXTENSIONS.some((ext) => lower.endsWith(ext) && lower.length > ext.length);
}
