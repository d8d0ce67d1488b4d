<?php
// Reduced from a feed reader's session class (FreshRSS `Minz_Session::init()`): callers that
// closed their session switch to a volatile one (API requests, no cookie), and the helper
// empties the in-memory copy with `$_SESSION = []`. As in the caller itself, clearing the
// array while the session is closed forgets the data on purpose: nothing is lost.
declare(strict_types=1);

function use_volatile_session(): void
{
    $_SESSION = [];
}

session_start();
$user = $_SESSION['user'] ?? null;
session_write_close();
use_volatile_session();
echo $user;
