<?php
// Moodle: `NO_MOODLE_COOKIES` defined before `config.php`: no session is started, so the
// download below holds nothing.

define('NO_MOODLE_COOKIES', true);

require_once(__DIR__ . '/../../config.php');
require_once($CFG->libdir . '/filelib.php');

$image = download_file_content('https://weather.example.org/radar.png');
header('Content-Type: image/png');
echo $image;
