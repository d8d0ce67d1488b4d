<?php
// Reduced from Postfix Admin's common.php: the session starts unless a command-line script
// said so first, so pages run with it open on the web paths only. (A global flag: a constant
// that no script defines would be known undefined in the page's request.)
if (empty($GLOBALS['app_cli'])) {
    session_start();
}

function show_message(string $text): void
{
    echo htmlspecialchars($text);
}

function write_dump($fh): void
{
    fwrite($fh, "-- dump\n");
}
