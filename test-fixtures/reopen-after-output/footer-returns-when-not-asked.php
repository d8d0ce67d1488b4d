<?php
// The twin of footer-exits-when-asked.ok.php with `print_footer(false)` at the end of the
// helper's upgrade: the footer returns, so the start runs after the flushed progress.
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
    print_footer(false);
}
upgrade_if_needed();
if (needs_repair()) {
    ob_end_flush();
    print_footer(true);
}
session_start(); // expect: reopen-after-output "output was sent to the client \(line 25\)"
$_SESSION['seen'] = 1;
