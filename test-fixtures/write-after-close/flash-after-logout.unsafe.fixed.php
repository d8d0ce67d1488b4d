<?php
// Logout: clearing $_SESSION after session_destroy() is the usual idiom and is not reported, but
// the "signed out" flash message written after the destroy is lost like any other write.
declare(strict_types=1);

function sign_out(): void
{
    session_start();
    if (($_POST['csrf'] ?? '') !== ($_SESSION['csrf'] ?? null)) {
        http_response_code(400);
        return;
    }
    session_destroy();
    $_SESSION = [];
    setcookie(session_name(), '', ['expires' => time() - 3600, 'path' => '/']);
    session_start();
    $_SESSION['flash'] = 'You have been signed out.'; // expect: write-after-close "^A write to `\$_SESSION\['flash'\]` after the session was destroyed \(line 13\) is lost"
    session_write_close();
    header('Location: /');
}
