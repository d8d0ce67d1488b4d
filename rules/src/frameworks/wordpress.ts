import type { FrameworkPreset } from './preset';

const registration = { effect: 'none', registersCallback: { hook: 0, callback: 1 } } as const;
const http = { effect: 'slow', kind: 'http' } as const;
const ends = { effect: 'terminate' } as const;

/**
 * WordPress plugins and themes use PHP's native session. The trap: a session started in an
 * early hook (`init`, `plugins_loaded`, `wp_loaded`) and not closed there stays locked for
 * every later callback of the request (`wp_ajax_*`, `admin_post_*`, REST, rendering).
 */
export const wordpress: FrameworkPreset = {
  id: 'wordpress',
  name: 'WordPress',
  locks: true,
  detect: {
    files: ['wp-config.php', 'wp-load.php', 'wp-includes/version.php'],
    composer: ['johnpbloch/wordpress', 'roots/wordpress'],
    commentMarkers: ['Plugin Name:', 'Theme Name:'],
  },
  catalog: {
    functions: {
      add_action: registration,
      add_filter: registration,
      wp_remote_get: http,
      wp_remote_post: http,
      wp_remote_head: http,
      wp_remote_request: http,
      wp_safe_remote_get: http,
      wp_safe_remote_post: http,
      wp_safe_remote_request: http,
      download_url: { effect: 'slow', kind: 'download' },
      wp_mail: { effect: 'slow', kind: 'mail' },
      // They end the request (`die` after the message or the JSON): nothing after them runs.
      wp_die: ends,
      wp_send_json: ends,
      wp_send_json_success: ends,
      wp_send_json_error: ends,
    },
  },
  hooks: {
    registrations: { add_action: { hook: 0, callback: 1 }, add_filter: { hook: 0, callback: 1 } },
    early: ['muplugins_loaded', 'plugins_loaded', 'setup_theme', 'after_setup_theme', 'init', 'wp_loaded'],
  },
};
