<?php
// Logging out empties and destroys the session, then a helper removes a flag from it: the
// stored session is already gone, so the removal loses nothing.
declare(strict_types=1);

function logout(): void
{
    $_SESSION = array();
    session_destroy();
}

function clear_flag(string $name): void
{
    setcookie($name, '', time() - 3600);
    unset($_SESSION[$name]);
}

session_start();
if (isset($_GET['logout'])) {
    logout();
    clear_flag('ssl');
    unset($_SESSION['cart']);
    header('Location: /');
    exit;
}
$_SESSION['seen'] = time();
