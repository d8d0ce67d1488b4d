<?php
// The reopen-if-closed helper of helper-reopens-after-close.ok.php, called after
// session_destroy(): the id is forgotten, so `session_id() !== ''` is false, the helper does
// not reopen, and the write its callback makes is lost.
declare(strict_types=1);

function with_session(callable $mutator): void
{
    $reopened = false;
    if (session_status() === PHP_SESSION_NONE && session_id() !== '') {
        @session_start();
        $reopened = true;
    }
    $mutator();
    if ($reopened) {
        session_write_close();
    }
}

session_start();
session_destroy();
with_session(function (): void { // expect: write-after-close
    $_SESSION['alerts'][] = 'Signed out';
});
