<?php
// The twin: the helper starts the session only on one of its paths (a preview request), so on
// the others `read_and_close` releases the lock for the rest of the page.
function preview_session()
{
    if (isset($_GET['preview']) && session_status() === PHP_SESSION_NONE) {
        session_start(['read_and_close' => true]);
    }
}

session_start(['read_and_close' => true]); // expect: prefer-read-and-close
preview_session();
echo 'theme: ' . htmlspecialchars($_SESSION['theme'] ?? 'light');
