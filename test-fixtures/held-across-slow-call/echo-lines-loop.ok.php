<?php
// A short loop that echoes (and flushes) lines it already has is not streaming: nothing is read
// chunk by chunk from a file or a socket, so holding the session across it is not slow work.
declare(strict_types=1);

session_start();
$notices = $_SESSION['notices'] ?? [];
foreach ($notices as $notice) {
    echo '<p class="notice">' . htmlspecialchars((string) $notice) . "</p>\n";
    flush();
}
$_SESSION['notices'] = [];
