<?php
// fusionpbx's waveform.php, admidio's photo_show.php: a picture the page shows, sent with a
// literal `Content-Type: image/…` (the last type set before the transfer): the session is held
// for a short transfer, reported at `info`; a computed or other type stays a download.
function waveform(string $file): void
{
    session_start();
    $_SESSION['last_waveform'] = $file;
    header('Content-Type: application/octet-stream');
    header("Content-Type: image/png");
    $fd = fopen($file, 'rb');
    fpassthru($fd); // expect: held-across-slow-call@info "until the image is sent"
}

function attachment(string $file): void
{
    session_start();
    $_SESSION['last_download'] = $file;
    header('Content-Type: image/png');
    header('Content-Type: ' . mime_content_type($file));
    readfile($file); // expect: held-across-slow-call@warning "until the transfer ends"
}

function archive(string $file): void
{
    session_start();
    $_SESSION['last_archive'] = $file;
    header('Content-Type: application/zip');
    readfile($file); // expect: held-across-slow-call@warning "until the transfer ends"
}
