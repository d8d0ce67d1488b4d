<?php
// A program the analysis cannot judge, read in chunks but gathered and sent once at the end,
// with nothing flushed as it comes: nothing says the program runs long, so `info` (twin:
// `process-output-streamed-live.php`).
session_start();
$_SESSION['last_update'] = time();

$proc = popen('sudo updater --all', 'r'); // expect: held-across-slow-call@info "not known to take time"
$output = '';
while (!feof($proc)) {
    $output .= fread($proc, 4096);
}
pclose($proc);
echo json_encode(['output' => $output]);
