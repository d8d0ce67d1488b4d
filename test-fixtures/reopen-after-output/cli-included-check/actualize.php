<?php
// FreshRSS app/actualize_script.php: includes a file that dies unless PHP runs from the command line, then prints
// and starts the session again. From the command line no client is there to lose the session: not reported.
require __DIR__ . '/_cli.php';
session_start();
session_write_close();
echo "Actualizing feeds\n";
flush();
session_start();
$_SESSION['actualized'] = time();
