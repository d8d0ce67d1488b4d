<?php
// A page footer that ends the script only when asked (MRBS's print_footer(true) over
// `if ($and_exit) exit(0);`): the upgrade step flushes its progress and then calls it with
// `true`, both in a helper and at the top level, so no path that flushed reaches the start below.
function print_footer(bool $and_exit = false): void
{
    echo '</body></html>';
    if ($and_exit) {
        exit(0);
    }
}
function upgrade_database(): void
{
    ob_end_flush();
    echo '<p>Upgrading</p>';
    print_footer(true);
}
if (needs_upgrade()) {
    upgrade_database();
}
if (needs_repair()) {
    ob_end_flush();
    print_footer(true);
}
session_start();
$_SESSION['seen'] = 1;
