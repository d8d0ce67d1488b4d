<?php
// Near misses of session-key-put-back.ok.php: the key set while the session is open is saved
// by the close, so putting it back after the close is lost; and a kept value changed before
// it is written back is a new value, lost like any other write after the close.
declare(strict_types=1);

function bump_visits(): void
{
    $previous = $_SESSION['visits'] ?? 0;
    $_SESSION['visits'] = -1;
    $previous++;
    $_SESSION['visits'] = $previous;
}

session_start();
$previous = $_SESSION['no_templates'] ?? null;
$_SESSION['no_templates'] = true;
session_write_close();
session_start();
$_SESSION['no_templates'] = $previous; // expect: write-after-close
bump_visits();
session_write_close();
