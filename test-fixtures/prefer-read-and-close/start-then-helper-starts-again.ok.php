<?php
// The same in one file: the helper called right after the start starts the session when none
// is active. Behind this start it does nothing; behind a `read_and_close` start it would take
// the lock again for the rest of the page: the advice frees nothing, no finding.
function require_session()
{
    if (session_status() === PHP_SESSION_NONE) {
        session_start();
    }
}

session_start();
require_session();
echo 'theme: ' . htmlspecialchars($_SESSION['theme'] ?? 'light');
