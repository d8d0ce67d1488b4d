<?php
// The session is started by a helper after the download has streamed the file: PHP refuses
// to start it once output was sent, so the download counter is never saved.

function remember_download(string $file): void
{
    session_start();
    $_SESSION['downloads'][] = $file;
    session_write_close();
}

function download(string $file): void
{
    header('Content-Type: application/zip');
    readfile('/srv/files/' . basename($file));
    remember_download($file); // expect: reopen-after-output "remember_download\(\)"
}
