import { closeDestroy, closeWrite, each, http, lazyOpen, mail, none, open, returns, use, write } from './entries';
import type { FrameworkPreset } from './preset';

const CI4_SESSION = 'codeigniter\\session\\session';
const CI4_SESSION_INTERFACE = 'codeigniter\\session\\sessioninterface';
const CURL_REQUEST = 'codeigniter\\http\\curlrequest';

/** CI4: what `service('session')` / `session()` return is already started. */
const ci4Writes = each(
  ['set', 'remove', 'push', 'setflashdata', 'settempdata', 'markasflashdata', 'markastempdata', 'keepflashdata',
    'removetempdata', 'unmarkflashdata', 'unmarktempdata', '__set', '__unset'],
  write,
);

const ci3Writes = each(
  ['set_userdata', 'unset_userdata', 'set_flashdata', 'set_tempdata', 'mark_as_flash', 'mark_as_temp', 'keep_flashdata',
    'unset_tempdata', 'unmark_flash', 'unmark_temp'],
  write,
);

/** `Config\Services::session()` constructs the shared session and starts it. */
const services = {
  session: returns(CI4_SESSION, lazyOpen),
  curlrequest: returns(CURL_REQUEST),
  email: returns('codeigniter\\email\\email'),
};

/**
 * CodeIgniter 3 and 4 use PHP's native session with their own handlers, and every driver
 * locks (files, database, Redis, Memcached).
 *
 * CI4: `session()` and `Config\Services::session()` start the session; `$session->close()`
 * (4.4+) or `session_write_close()` releases it; `destroy()` destroys it. Writes through the
 * library after a close are lost, so `set()`, `setFlashdata()`, … are writes.
 *
 * CI3: the session library starts the session when it is loaded (`$this->load->library('session')`,
 * or autoloaded for every controller); release it with `session_write_close()` (native).
 * Not modelled: the load itself (the library name is an argument) and `$autoload['libraries']`;
 * configure an entry point for controllers when the session is autoloaded.
 */
export const codeigniter: FrameworkPreset = {
  id: 'codeigniter',
  name: 'CodeIgniter',
  locks: true,
  detect: {
    composer: ['codeigniter4/framework', 'codeigniter4/codeigniter4', 'codeigniter/framework'],
    files: ['spark', 'system/CodeIgniter.php', 'system/core/CodeIgniter.php'],
  },
  catalog: {
    functions: {
      // CI's session drivers register themselves with `session_set_save_handler()`, and all of
      // them lock: the call must not turn lock findings off as an unknown store would.
      session_set_save_handler: none,
      // CI4's helper: `session()` and `session('key')` both start the shared session.
      session: returns(CI4_SESSION, lazyOpen),
    },
    methods: {
      'config\\services': services,
      'codeigniter\\config\\services': services,
      [CI4_SESSION_INTERFACE]: {
        start: open,
        close: closeWrite,
        destroy: closeDestroy,
        regenerate: use,
        ...ci4Writes,
      },
      [CURL_REQUEST]: each(['request', 'send', 'get', 'post', 'put', 'patch', 'delete', 'head', 'options'], http),
      'codeigniter\\email\\email': { send: mail },
      // CI3's library (`$this->session`, class CI_Session).
      ci_session: {
        sess_destroy: closeDestroy,
        sess_regenerate: use,
        ...ci3Writes,
      },
      ci_email: { send: mail },
    },
    classParents: {
      [CI4_SESSION]: CI4_SESSION_INTERFACE,
    },
  },
};
