<?php
// Every page requires this file first: it starts the session and declares the page helpers.
// `page_footer()` includes the footer, which `require_once`s this file again: a no-op, since
// this file had to be included for `page_footer()` to exist. Its `session_start()` does not
// run again after the page's output (twin: `once-include-not-yet-run`).
declare(strict_types=1);

session_start();

function page_footer(): void
{
    require_once __DIR__ . '/footer.php';
}
