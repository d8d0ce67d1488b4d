<?php
// This file is part of Moodle - http://moodle.org/
//
// Moodle near misses: with the session locked, a MUC cache `get()`, `get_config()` and
// `optional_param()` are not slow work; the `curl` request comes after `write_close()`.

require_once(__DIR__ . '/../../config.php');
require_once($CFG->libdir . '/filelib.php');

/**
 * Returns the weather block's forecast for the user's city.
 *
 * @return string
 */
function block_weather_forecast(): string {
    global $SESSION;

    \core\session\manager::restart_with_write_lock(false);
    $city = optional_param('city', $SESSION->block_weather_city ?? 'Perth', PARAM_TEXT);
    $SESSION->block_weather_city = $city;
    $cache = cache::make('block_weather', 'forecasts');
    $cached = $cache->get($city);
    $apikey = get_config('block_weather', 'apikey');
    \core\session\manager::write_close();

    if ($cached !== false) {
        return $cached;
    }
    $curl = new curl();
    return $curl->get('https://weather.example.org/forecast', ['city' => $city, 'key' => $apikey]);
}
