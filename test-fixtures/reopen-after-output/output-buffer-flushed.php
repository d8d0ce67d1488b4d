<?php
// An output buffer ended with `ob_end_flush()` sends what it holds: a session started after
// it fails, as after any output. (Its clean twin, `output-buffer-captured.ok.php`, keeps the
// buffer's content instead.)

function send_file(string $name): void
{
    ob_start();
    readfile('/srv/files/' . basename($name));
    ob_end_flush();
    session_start(); // expect: reopen-after-output
    $_SESSION['sent'][] = $name;
    session_write_close();
}
