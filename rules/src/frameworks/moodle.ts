import type { ApiEntry } from '../../../core/src';
import { SESSION, closeDestroy, closeWrite, each, http, mail, none, open, use, write } from './entries';
import type { FrameworkPreset } from './preset';

/** Wins over project code of the same name (Moodle's own `lib/classes/session/manager.php`). */
const authoritative = (entry: ApiEntry): ApiEntry => ({ ...entry, authoritative: true });

/**
 * Moodle: `lib/setup.php` (included by every page through `config.php`) starts the session
 * with `\core\session\manager::start()`, and every handler (file, database, Redis, Memcached)
 * locks. `\core\session\manager::write_close()` releases it; `restart_with_write_lock()`
 * reopens it with the lock. Plain `session_*()` calls must not be used in Moodle code.
 *
 * Every script that requires `config.php` runs with the session open from that `require` on
 * (a bootstrap include), whether or not Moodle's core is analysed with it: a plugin folder is
 * enough. Unless, before the `require`, it defines `NO_MOODLE_COOKIES` (no session),
 * `CLI_SCRIPT` (command line: no session) or `ABORT_AFTER_CONFIG` (stops before `setup.php`);
 * `READ_ONLY_SESSION` starts it without the lock (with `$CFG->enable_read_only_sessions`;
 * writes are then lost, and nothing waits for it).
 *
 * Recognised by its core files, the GPL header of its files, or a plugin's `version.php`
 * (`$plugin->component = 'local_x';`).
 *
 * Not modelled: `$DB`, a global: its queries are not typed.
 */
export const moodle: FrameworkPreset = {
  id: 'moodle',
  name: 'Moodle',
  locks: true,
  detect: {
    files: ['lib/moodlelib.php', 'lib/setup.php', 'config-dist.php'],
    commentMarkers: ['This file is part of Moodle'],
    settings: ['$plugin->component'],
  },
  catalog: {
    bootstrapIncludes: [
      {
        pathEndsWith: 'config.php',
        resource: SESSION,
        label: 'Moodle\'s `config.php` starts the session (`lib/setup.php` → `\\core\\session\\manager::start()`) and keeps it locked to the end of the request',
        unlessDefined: ['NO_MOODLE_COOKIES', 'CLI_SCRIPT', 'ABORT_AFTER_CONFIG'],
        readOnlyIfDefined: ['READ_ONLY_SESSION'],
        closeCall: '\\core\\session\\manager::write_close()',
        // `$SESSION` and `$USER` are `$_SESSION['SESSION']` and `$_SESSION['USER']`: Moodle code
        // (`\core\notification::add()`, `set_user_preference()`) changes them through objects
        // the lowering does not type, so a later write cannot be ruled out.
        closeCaveat: 'nothing after it changes `$SESSION` or `$USER`, as Moodle APIs such as `\\core\\notification::add()` do; those changes are lost after the close, and this analysis does not follow them',
      },
    ],
    functions: {
      // Moodle's handlers (file, database, Redis, Memcached) all lock: installing one must not
      // turn lock findings off as an unknown store would.
      session_set_save_handler: none,
      // Logs out: terminates the current session (a new empty one is written and closed).
      require_logout: closeDestroy,
      download_file_content: http,
      email_to_user: mail,
    },
    methods: {
      // Authoritative: when Moodle's own code is analysed, the manager's bodies go through
      // `self::$handler`, which the analysis cannot follow; what they do is known.
      'core\\session\\manager': {
        start: authoritative(open),
        restart_with_write_lock: authoritative(open),
        write_close: authoritative(closeWrite),
        terminate_current: authoritative(closeDestroy),
        login_user: authoritative(use),
        set_user: authoritative(write),
      },
      // lib/filelib.php's `curl` class.
      curl: each(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'download', 'download_one'], http),
    },
    classParents: {
      // Moodle 4.3+: a Guzzle client with Moodle's proxy and security settings.
      'core\\http_client': 'guzzlehttp\\client',
    },
  },
};
