<?php
// A Moodle plugin's manifest: `$plugin->component` is how the folder is known to be Moodle code
// when Moodle's core is not analysed with it.
defined('MOODLE_INTERNAL') || die();

$plugin->component = 'local_weather';
$plugin->version = 2024010100;
$plugin->requires = 2022041900;
