<?php
// The error helper mails only when an address is configured: with the shipped `''` it needs
// the setting changed, so it is reported as an info saying so (as for an unguarded `$x = ''`).
include 'config.php';
function show_error($msg) {
    global $notifyAddress;
    echo $msg;
    if ($notifyAddress) { mail($notifyAddress, 'error', $msg); }
    die();
}
if (!isset($_GET['id'])) { show_error('no id'); } // expect: held-across-slow-call@info "changed from the value the project ships"
echo 'ok';
