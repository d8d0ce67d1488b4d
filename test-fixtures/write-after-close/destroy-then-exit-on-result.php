<?php
// Twin of `destroy-then-exit-on-result.ok.php`: this write runs before the `die()`, on the
// path where the updater destroyed the session too, so it may be lost there.
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
$_SESSION['page'] = 'home'; // expect: write-after-close "returns a false value"
if ($updated) {
    die('Update done: reload the page.');
}
