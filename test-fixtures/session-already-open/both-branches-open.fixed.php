<?php
// Both branches start the session (API clients get a session without a cookie lifetime), so the
// start after the if/else runs with the session open on every path.
declare(strict_types=1);

final class AccountController
{
    public function show(bool $isApi): void
    {
        if ($isApi) {
            session_start(['cookie_lifetime' => 0]);
        } else {
            session_start();
        }

        try {
            if (session_status() === PHP_SESSION_NONE) {
                session_start(); // expect: session-already-open "opened on lines 11 and 13"
            }
            $_SESSION['last_seen'] = time();
        } finally {
            session_write_close();
        }
    }
}
