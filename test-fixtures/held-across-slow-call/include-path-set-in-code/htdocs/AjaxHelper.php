<?php
// The entry script adds the library folder to the include path and then includes a bare
// file name from it (Loris' AjaxHelper.php): the session it opens is held across the download.
set_include_path(get_include_path() . PATH_SEPARATOR . __DIR__ . '/../php/libraries');
require_once 'Client.class.inc';

$client = new Client();
$client->initialize();
readfile('https://media.example.org/files/' . rawurlencode($_GET['file'])); // expect: held-across-slow-call
