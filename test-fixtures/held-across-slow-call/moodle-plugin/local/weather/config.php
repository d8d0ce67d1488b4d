<?php
// The plugin's own settings file: named `config.php`, but not Moodle's bootstrap.

return [
    'endpoint' => 'https://weather.example.org/api/',
    'timeout' => 10,
];
