<?php
// This file is part of Moodle - http://moodle.org/
//
// Moodle, fixed: write the session, then `\core\session\manager::write_close()` before the remote
// calls, as the session lock debugging message asks.

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
    \core\session\manager::write_close();

    $curl = new curl();
    $report = $curl->get('https://reports.example.org/api/' . rawurlencode($reportid));
    $template = download_file_content('https://certs.example.org/template.pdf');

    return $report . $template;
}
