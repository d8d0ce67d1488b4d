<?php
// A program the analysis cannot judge whose output the script relays to the client as it
// comes: read from the process in chunks, echoed by a function of this file, flushed at once
// (`ob_implicit_flush(true)`). The code says the program runs long: a warning (twin:
// `process-output-collected.php`, where the output is gathered and sent at the end: `info`).
session_start();
$_SESSION['last_update'] = time();
ob_implicit_flush(true);
header('Content-Type: text/event-stream');

function sendEvent($text)
{
    echo 'data: ' . implode("\ndata: ", explode("\n", $text)) . "\n\n";
}

$proc = popen('sudo updater --all', 'r'); // expect: held-across-slow-call@warning "streams to the client as it comes"
while (!feof($proc)) {
    sendEvent(fread($proc, 4096));
}
