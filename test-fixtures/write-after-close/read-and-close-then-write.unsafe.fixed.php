<?php
// `read_and_close` reads the data and closes the session at once: the visit counter written
// afterwards is never saved.
declare(strict_types=1);

session_start(['read_and_close' => true]);
$theme = (string) ($_SESSION['theme'] ?? 'light');
session_start();
$_SESSION['visits'] = (int) ($_SESSION['visits'] ?? 0) + 1; // expect: write-after-close "opened with `read_and_close` \(line 6\), which closes it at once, is lost"
session_write_close();

header('Content-Type: text/html; charset=utf-8');
echo '<body class="theme-' . htmlspecialchars($theme) . '">';
