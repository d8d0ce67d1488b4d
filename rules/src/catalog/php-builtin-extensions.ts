/**
 * The extensions of the PHP build `php-builtin-functions.ts` was generated from (its header),
 * lower-case: those a PHP installation has as a rule. `extension_loaded()` of one of them is an
 * environment probe whose false outcome is an installation's fallback
 * (`core/src/lower/php/environment-probes.ts`); an extension outside this list (`redis`,
 * `mcrypt`, `apcu`) is optional, and a branch for its absence is an ordinary path.
 */
export const PHP_BUILTIN_EXTENSIONS: readonly string[] = [
  'core', 'ffi', 'pdo', 'phar', 'reflection', 'spl', 'simplexml', 'zend opcache', 'calendar', 'ctype', 'date', 'dom',
  'exif', 'fileinfo', 'filter', 'ftp', 'gettext', 'hash', 'iconv', 'json', 'libxml', 'openssl', 'pcntl', 'pcre',
  'posix', 'random', 'readline', 'session', 'shmop', 'sockets', 'sodium', 'standard', 'sysvmsg', 'sysvsem', 'sysvshm',
  'tokenizer', 'xml', 'xmlreader', 'xmlwriter', 'xsl', 'zlib',
];
