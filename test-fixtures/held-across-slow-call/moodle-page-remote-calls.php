<?php
// This file is part of Moodle - http://moodle.org/
//
// Moodle: a page that needs to write the session asks for the lock again with
// `\core\session\manager::restart_with_write_lock()` and then calls a remote service with it held
// (Moodle's `curl` class, `download_file_content()`, `email_to_user()`), so every other request
// of the user waits. `\core\session\manager::write_close()` releases it.

require_once(__DIR__ . '/../../config.php');
require_once($CFG->libdir . '/filelib.php');

require_login();

/**
 * Stores the user's chosen report and fetches it from the reporting service.
 *
 * @param string $reportid
 * @return string
 */
function local_reports_fetch(string $reportid): string {
    global $SESSION;

    \core\session\manager::restart_with_write_lock(false);
    $SESSION->local_reports_last = $reportid;

    $curl = new curl(['ignoresecurity' => false]);
    return $curl->get('https://reports.example.org/api/' . rawurlencode($reportid)); // expect: held-across-slow-call "curl->get"
}

/**
 * Downloads the certificate template and mails it.
 *
 * @param stdClass $user
 */
function local_reports_mail_certificate(stdClass $user): void {
    global $SESSION;

    \core\session\manager::restart_with_write_lock(false);
    $SESSION->local_reports_certificate_requested = time();

    $template = download_file_content('https://certs.example.org/template.pdf'); // expect: held-across-slow-call "download_file_content"
    email_to_user($user, core_user::get_noreply_user(), 'Your certificate', 'Attached.', '', $template);
}
