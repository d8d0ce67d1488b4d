<?php
// The near miss of corpus-same-condition-close-reopen.ok.php: the close and the reopen are
// under two different constants: when TESTSUITE is not defined and CLI_MODE is, the session
// is closed and never reopened, and the write is lost. (In a helper: a script's top level
// starts its request with neither defined.)
declare(strict_types=1);

function save_count(): void
{
    session_start();
    if (!defined('TESTSUITE')) {
        session_write_close();
    }
    $rows = count($_POST);
    if (!defined('CLI_MODE')) {
        session_start();
    }
    $_SESSION['last_count'] = $rows; // expect: write-after-close "may be lost"
}
