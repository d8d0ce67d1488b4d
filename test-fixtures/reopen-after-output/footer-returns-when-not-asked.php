<?php
// The twin of footer-exits-when-asked.ok.php with `print_footer(false)`: the footer returns,
// so the script goes on to the start after the upgrade step flushed its progress.
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
    print_footer(false);
}
if (needs_upgrade()) {
    upgrade_database();
}
if (needs_repair()) {
    ob_end_flush();
    print_footer(true);
}
session_start(); // expect: reopen-after-output "output was sent to the client \(line 18\)"
$_SESSION['seen'] = 1;
