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

/** `<name>.php-dist`, `<name>.php.dist`: how PHP projects ship an entry script or configuration to copy. */
const TEMPLATE_SUFFIXES: readonly string[] = ['.php-dist', '.php.dist'];

/**
 * A PHP file shipped as a template for the user to copy into place (`connector.php-dist`,
 * `index.php.dist`): installed, it is an entry script like any other (elFinder ships its only
 * entry this way). The name it is installed under, or undefined when `fileName` is no such
 * template. The walk analyses it only when no file of that name sits beside it: then the
 * installed copy is the code PHP runs, and the template would only repeat its declarations.
 */
export function installedNameOfTemplate(fileName: string): string | undefined {
  const lower = fileName.toLowerCase();
  const suffix = TEMPLATE_SUFFIXES.find((s) => lower.endsWith(s) && lower.length > s.length);
  if (suffix === undefined) return undefined;
  return fileName.slice(0, fileName.length - suffix.length + '.php'.length);
}

export function isAnalysedFile(fileName: string): boolean {
  // Lower-cased: `Foo.PHP` is PHP on the case-insensitive file systems people use.
  const lower = fileName.toLowerCase();
  if (SKIPPED_SUFFIXES.some((suffix) => lower.endsWith(suffix))) return false;
  return ANALYSED_EXTENSIONS.some((ext) => lower.endsWith(ext) && lower.length > ext.length);
}

/**
 * A PHP script installed as a command (`bin/app-cli`, Laravel's `artisan`, Symfony's
 * `bin/console`): no extension, and a first line that runs PHP (`#!/usr/bin/env php`,
 * `#!/usr/bin/php -q`). `head` is the file's first bytes. Such a file is the only entry of the
 * code it runs, and that code runs from the command line: without it, that code would look
 * like code a web request may run.
 */
export function isPhpCommandScript(fileName: string, head: string): boolean {
  if (fileName.includes('.')) return false;
  const firstLine = head.split('\n', 1)[0] ?? '';
  return /^#!\s*\S*\/(?:env\s+(?:-\S+\s+)*)?php[\d.]*(?:\s|$)/.test(firstLine.trimEnd() + ' ');
}

/** How JavaScript test runners name test files (Jest, Vitest, Mocha, Jasmine; NestJS's `*.e2e-spec.ts`). */
const TEST_FILE_MARKS: readonly string[] = ['.test', '.spec', '.e2e-spec'];

/**
 * A TypeScript or JavaScript test file by its runner's naming convention (`users.service.spec.ts`,
 * `app.e2e-spec.ts`, `parse.test.mjs`): it serves no request. PHP test code is told by its
 * folder and its `TestCase` classes instead.
 */
export function isTestFileName(fileName: string): boolean {
  const lower = fileName.toLowerCase();
  const ext = TYPESCRIPT_EXTENSIONS.find((e) => lower.endsWith(e));
  if (ext === undefined) return false;
  const stem = lower.slice(0, lower.length - ext.length);
  return TEST_FILE_MARKS.some((mark) => stem.endsWith(mark) && stem.length > mark.length);
}
