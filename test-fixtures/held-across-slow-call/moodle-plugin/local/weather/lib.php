<?php
// The plugin's library reads its own `config.php`: that include is the project's file,
// followed as written, not Moodle's bootstrap, so it starts no session here.

defined('MOODLE_INTERNAL') || die();

/**
 * Fetches the forecast for the scheduled task.
 *
 * @return string
 */
function local_weather_fetch_forecast(): string {
    $settings = require(__DIR__ . '/config.php');
    $curl = new curl();
    return $curl->get($settings['endpoint'] . 'forecast');
}
