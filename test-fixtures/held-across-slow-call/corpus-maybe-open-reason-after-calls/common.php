<?php
// Reduced from Postfix Admin's common.php: the session starts unless a command-line script
// defined the constant first, so pages run with it open on the web paths only.
if (!defined('APP_CLI')) {
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
