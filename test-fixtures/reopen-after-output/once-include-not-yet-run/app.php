<?php
// Twin of `once-include-of-running-file`: the footer `require_once`s a file that nothing on
// this path has included yet, so its `session_start()` runs after the page's output.
declare(strict_types=1);

function page_footer(): void
{
    require_once __DIR__ . '/footer.php';
}
