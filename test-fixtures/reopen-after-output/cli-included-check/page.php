<?php
// A page that does the same for a web request: the reopen after output fails.
session_start();
session_write_close();
echo "Actualizing feeds\n";
flush();
session_start(); // expect: reopen-after-output
$_SESSION['actualized'] = time();
