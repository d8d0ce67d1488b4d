<?php
/**
 * Plugin Name: Export
 */
// `wp_send_json_error()` ends the request (WordPress dies after sending the JSON), so the
// path that closed the session before it never reaches the write below.
declare(strict_types=1);

add_action('wp_ajax_start_export', 'start_export');

function start_export(): void
{
    session_start();
    if (empty($_SESSION['export_token'])) {
        session_write_close();
        wp_send_json_error('no export token', 403);
    }
    $_SESSION['export_started'] = time();
    session_write_close();
    wp_send_json_success(['started' => true]);
}
