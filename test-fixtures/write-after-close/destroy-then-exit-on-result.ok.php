<?php
// The updater destroys the session only on the path where it returns true, and the bootstrap
// dies when it did: the write after the `die()` runs only where the updater returned false,
// with the session still open (twin: `destroy-then-exit-on-result.php`).
declare(strict_types=1);

final class Updater
{
    public static function applyPatches(): bool
    {
        $patches = glob(__DIR__ . '/patches/*.sql');
        if ($patches === false || count($patches) === 0) {
            return false;
        }
        $_SESSION = [];
        session_destroy();
        return true;
    }
}

session_start();
$updated = Updater::applyPatches();
echo 'Loading…';
if ($updated) {
    die('Update done: reload the page.');
}
$_SESSION['page'] = 'home';
