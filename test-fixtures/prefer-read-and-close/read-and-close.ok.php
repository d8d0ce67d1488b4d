<?php
// Already done: the page reads the session with read_and_close, so the lock is released at once.
declare(strict_types=1);

session_start(['read_and_close' => true]);
$theme = (string) ($_SESSION['theme'] ?? 'light');
$name = (string) ($_SESSION['display_name'] ?? 'there');
sleep(1);
echo '<body class="theme-' . htmlspecialchars($theme) . '">Hello, ' . htmlspecialchars($name) . '</body>';
