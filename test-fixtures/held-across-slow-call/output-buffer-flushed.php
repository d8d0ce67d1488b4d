<?php
// A download streamed into an output buffer that is then sent (`ob_end_flush()`), or never
// ended, reaches the client with the session held. (Clean twin: `output-buffer-captured.ok.php`.)

function download(string $name): void
{
    session_start();
    $_SESSION['downloads'][] = $name;
    ob_start();
    readfile('/srv/files/' . basename($name)); // expect: held-across-slow-call@warning "readfile"
    ob_end_flush();
}
