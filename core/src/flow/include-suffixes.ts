import type { StaticString } from '../ir/static-string';

/**
 * An include whose whole start is a value the analysis cannot know and whose rest is written:
 * `require($SETS['path']['physical'] . "functions/prepend_adm.php")` with `$SETS` read from an
 * INI file (NagiosQL), `include($config['html_dir'] . "/pages/logon.inc.php")` (Observium). The
 * installation's folder is not in the code, but the written rest names a folder and a file of
 * the project: when exactly one project file's path ends with that text, PHP can only be
 * loading that file (the folder is where the project is installed), so it is the target.
 *
 * Bounded, so that an include whose target cannot be known does not fan out (issue 9, cause 5):
 * - everything after the unknown start is literal text (no further unknown part: that is a
 *   pattern or a skeleton, `include-skeletons.ts`), with no `.` or `..` folder in it;
 * - the text names at least one folder and a file (`functions/prepend_adm.php`,
 *   `/pages/logon.inc.php`); a bare file name (`'/config.php'`) is in too many places to say;
 * - exactly one project file ends with it; two or more (every plugin's `includes/init.php`),
 *   or none, resolve nothing. One target at most: never a set of candidates.
 *
 * When the text does not start with `/`, the unknown start may end inside a folder name
 * (`$base . 'functions/x.php'` with `$base = '/srv/app_'`), so any file whose path ends with
 * the text counts towards uniqueness, not only those where it starts a folder.
 */
export function writtenSuffix(value: StaticString): string | undefined {
  let start = 0;
  while (start < value.length && !('text' in value[start]!)) start++;
  // Nothing unknown in front (a literal path, resolved elsewhere), or nothing written after it.
  if (start === 0 || start === value.length) return undefined;
  let suffix = '';
  for (const part of value.slice(start)) {
    if (!('text' in part)) return undefined;
    suffix += part.text;
  }
  const segments = (suffix.startsWith('/') ? suffix.slice(1) : suffix).split('/');
  // A folder and a file at least, every one of them named.
  if (segments.length < 2 || segments.some((segment) => segment === '' || segment === '.' || segment === '..')) return undefined;
  return suffix;
}

/** The one project file (normalized path) whose path ends with the written suffix, if exactly one does. */
export function uniqueSuffixMatch(suffix: string, files: ReadonlySet<string>): string | undefined {
  let found: string | undefined;
  for (const file of files) {
    const fits = suffix.startsWith('/') ? `/${file}`.endsWith(suffix) : file.endsWith(suffix);
    if (!fits) continue;
    if (found !== undefined) return undefined;
    found = file;
  }
  return found;
}
