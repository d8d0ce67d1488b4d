<?php
// Moodle: `config.php` starts the session (lib/setup.php), so this page holds the session lock
// from the `require` on, here while Moodle's `curl` class calls a remote API. Moodle's core is
// not in the analysed folder: the `require` of `config.php` is enough.

require_once(__DIR__ . '/../../config.php');
require_once($CFG->libdir . '/filelib.php');

require_login();

$city = required_param('city', PARAM_TEXT);
$curl = new curl();
$forecast = $curl->get('https://weather.example.org/api/' . rawurlencode($city)); // expect: held-across-slow-call "config.php. starts the session"

echo $OUTPUT->header();
echo s($forecast);
echo $OUTPUT->footer();
