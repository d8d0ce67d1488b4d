<?php
/**
 * Plugin Name: Team Chat
 * Description: Long-polling chat for logged-in users.
 */

add_action('init', 'team_chat_start_session');

function team_chat_start_session(): void
{
    if (session_status() === PHP_SESSION_NONE) {
        session_start(); // expect: prefer-read-and-close
    }
}

add_action('wp_ajax_team_chat_poll', 'team_chat_poll');

function team_chat_poll(): void
{
    $since = (int) ($_SESSION['team_chat_seen'] ?? 0);
    $deadline = time() + 20;
    while (time() < $deadline) { // expect: held-across-slow-call "polling loop"
        if (get_option('team_chat_last', 0) > $since) {
            break;
        }
        usleep(250000);
    }
    wp_send_json(['since' => $since]);
}

add_action('wp_ajax_team_chat_avatar', static function (): void {
    $user = $_SESSION['team_chat_user'] ?? '';
    session_write_close();
    $response = wp_remote_get('https://avatars.example.com/' . rawurlencode($user));
    wp_send_json(wp_remote_retrieve_body($response));
});

add_action('admin_post_team_chat_export', 'team_chat_export');

function team_chat_export(): void
{
    readfile(WP_CONTENT_DIR . '/uploads/team-chat.csv'); // expect: held-across-slow-call "readfile"
}
