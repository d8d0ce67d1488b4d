<?php
// Output written while an output buffer is active and then captured or discarded
// (`ob_get_clean()`, `ob_end_clean()`) never reaches the client: reading a database blob with
// `fpassthru()` into a buffer (as Admidio's entities do), or rendering a view into a string,
// leaves the headers unsent, and a session started afterwards works.

function blob_value($stream): string
{
    ob_start();
    fpassthru($stream);
    $value = hex2bin((string) ob_get_contents());
    ob_end_clean();
    return (string) $value;
}

function render(string $view): string
{
    ob_start();
    readfile(__DIR__ . '/views/' . basename($view) . '.html');
    return (string) ob_get_clean();
}

function show_captcha($stream, string $view): void
{
    $image = blob_value($stream);
    $page = render($view);
    session_start();
    $_SESSION['captcha'] = md5($image . $page);
    session_write_close();
}
