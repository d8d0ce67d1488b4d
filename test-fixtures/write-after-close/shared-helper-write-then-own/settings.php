<?php
// Like about.php, then the page saves the user's language in the session too, after the same
// close. Its first lost write is the helper's, reported once for both pages at history.php; the
// page's own lost write is another cause and must not vanish into that group.
declare(strict_types=1);
require_once __DIR__ . '/history.php';

session_start();
$user = (string) ($_SESSION['user'] ?? 'guest');
session_write_close();
remember_page('settings');
if (isset($_POST['lang'])) {
    $_SESSION['lang'] = (string) $_POST['lang']; // expect: write-after-close "after the session was closed \(line 10\)"
}
echo "Hello, " . htmlspecialchars($user);
