<?php
// Moodle: the page releases the session with `\core\session\manager::write_close()` before
// calling the remote service.

require_once(__DIR__ . '/../../config.php');
require_once($CFG->libdir . '/filelib.php');

require_login();
\core\session\manager::write_close();

$curl = new curl();
$data = $curl->post('https://weather.example.org/api/refresh', ['user' => $USER->id]);
echo json_encode(['ok' => $data !== false]);
