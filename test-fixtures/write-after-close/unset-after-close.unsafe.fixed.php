<?php
// Near miss of unset-after-destroy.ok.php: the session is only closed, not destroyed, so the
// flag removed after the close stays in the stored session.
declare(strict_types=1);

function logout(): void
{
    session_write_close();
}

function clear_flag(string $name): void
{
    setcookie($name, '', time() - 3600);
    unset($_SESSION[$name]);
}

session_start();
if (isset($_GET['logout'])) {
    logout();
    session_start();
    clear_flag('ssl'); // expect: write-after-close
    unset($_SESSION['cart']);
    session_write_close();
    header('Location: /');
    exit;
}
$_SESSION['seen'] = time();
