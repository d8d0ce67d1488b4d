<?php
// Moodle: `READ_ONLY_SESSION` defined before `config.php` starts the session without its lock,
// so the remote call below makes no other request of the user wait.

define('READ_ONLY_SESSION', true);

require_once(__DIR__ . '/../../config.php');
require_once($CFG->libdir . '/filelib.php');

require_login();

$curl = new curl();
echo $curl->get('https://weather.example.org/api/widget');
