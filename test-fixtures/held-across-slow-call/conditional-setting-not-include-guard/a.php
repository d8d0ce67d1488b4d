<?php
// The address is unknown: the mail may be sent with the session held.
include 'config.php';
function show_error($msg) {
    global $notifyAddress;
    echo $msg;
    if ($notifyAddress) { mail($notifyAddress, 'error', $msg); }
    die();
}
if (!isset($_GET['id'])) { show_error('no id'); } // expect: held-across-slow-call
echo 'ok';
