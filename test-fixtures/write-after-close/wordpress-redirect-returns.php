<?php
/**
 * Plugin Name: Export
 */
// Near miss of wordpress-json-error-ends-request.ok.php: `wp_redirect()` only sets the header
// and returns (the caller must `exit`), so the path that closed the session goes on to the write.
declare(strict_types=1);

add_action('admin_post_start_export', 'start_export');

function start_export(): void
{
    session_start();
    if (empty($_SESSION['export_token'])) {
        session_write_close();
        wp_redirect('/wp-admin/admin.php?page=export&error=token');
    }
    $_SESSION['export_started'] = time(); // expect: write-after-close "may be lost"
    session_write_close();
    wp_redirect('/wp-admin/admin.php?page=export');
    exit;
}
