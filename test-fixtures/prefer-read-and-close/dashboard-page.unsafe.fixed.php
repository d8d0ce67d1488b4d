<?php
// A page script that only reads the session (redirects anonymous users, shows the name) and
// keeps the lock while the page renders, until the script ends.
declare(strict_types=1);

session_start(['read_and_close' => true]); // expect: prefer-read-and-close "^`session_start\(\)` takes the session lock, but nothing after it in this file writes the session"
if (empty($_SESSION['user_id'])) {
    header('Location: /login.php');
    exit;
}
$name = (string) ($_SESSION['display_name'] ?? 'there');
$unread = (int) ($_SESSION['unread_count'] ?? 0);
?>
<!doctype html>
<title>Dashboard</title>
<h1>Hello, <?= htmlspecialchars($name) ?></h1>
<p>You have <?= $unread ?> unread messages.</p>
