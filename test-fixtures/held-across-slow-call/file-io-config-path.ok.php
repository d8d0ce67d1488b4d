<?php
// Paths from the project's configuration are files of this machine: a `global` set by an
// included config file, an element of a configuration array, `$_SERVER['DOCUMENT_ROOT']`, and
// a variable the top level of a file reads from an included configuration file.
declare(strict_types=1);

function load_default_view(): array
{
    global $conf_dir, $conf;
    session_start();
    $_SESSION['view'] = 'default';
    $view = json_decode((string) file_get_contents($conf_dir . '/default.json'), true);
    $cache = file_get_contents($conf['cachefile'] . '_cluster_data');
    $robots = file($_SERVER['DOCUMENT_ROOT'] . '/robots.txt');
    return [$view, $cache, $robots];
}

session_start();
$_SESSION['page'] = 'events';
$events = fopen($events_file, 'r');
