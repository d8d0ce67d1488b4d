<?php
// The same include path set in code, after the fix (Loris 8058aefc7d): the library closes the
// session once it has read what it needs, so the download runs with the lock released.
set_include_path(get_include_path() . PATH_SEPARATOR . __DIR__ . '/../php/libraries');
require_once 'Client.class.inc';

$client = new Client();
$client->initialize();
readfile('https://media.example.org/files/' . rawurlencode($_GET['file']));
