<?php
// A helper opens the session and prints the navigation; its caller writes the session after it
// returns. The write is seen through the caller, so the helper's open needs the lock.
declare(strict_types=1);

function render_nav(): void
{
    session_start();
    echo '<nav>' . htmlspecialchars((string) ($_SESSION['name'] ?? 'guest')) . '</nav>';
}

render_nav();
$_SESSION['last_page'] = $_SERVER['REQUEST_URI'] ?? '/';
session_write_close();
echo '<main>Welcome back</main>';
