<?php
// A page footer that ends the script only when asked (MRBS's print_footer(true) over
// `if ($and_exit) exit(0);`): the upgrade step flushes its progress and then calls it with
// `true`, in a helper that returns early when there is nothing to upgrade and at the top level,
// so no path that flushed reaches the start below. An exception other than the caught one
// leaves the helper uncaught: the request ends there too.
function print_footer(bool $and_exit = false): void
{
    echo '</body></html>';
    if ($and_exit) {
        exit(0);
    }
}
function upgrade_if_needed(): void
{
    if (!needs_upgrade()) {
        return;
    }
    ob_end_flush();
    echo '<p>Upgrading</p>';
    try {
        $db = connect_as_admin();
    } catch (DbError $e) {
        print_footer(true);
    }
    print_footer(true);
}
upgrade_if_needed();
if (needs_repair()) {
    ob_end_flush();
    print_footer(true);
}
session_start();
$_SESSION['seen'] = 1;
