<?php
// Streaming into an output buffer the code captures is a read into memory, not a transfer to
// the client that holds the session: a database blob read with `fpassthru()` between
// `ob_start()` and `ob_end_clean()` (Admidio's entities), and a view rendered into a string
// through a helper between `ob_start()` and `ob_get_clean()`.

function include_view(string $view): void
{
    readfile(__DIR__ . '/views/' . basename($view) . '.html');
}

function blob_value($stream): string
{
    ob_start();
    fpassthru($stream);
    $value = hex2bin((string) ob_get_contents());
    ob_end_clean();
    return (string) $value;
}

function show($stream, string $view): void
{
    session_start();
    $_SESSION['image'] = md5(blob_value($stream));
    ob_start();
    include_view($view);
    $_SESSION['page'] = ob_get_clean();
}
