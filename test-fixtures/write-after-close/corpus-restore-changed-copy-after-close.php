<?php
// Near miss of corpus-restore-saved-copy-after-close.ok.php: the copy is changed before it is
// assigned back after the close, so the new key is a change, and it is lost.
declare(strict_types=1);

session_start();
$saved = $_SESSION;
session_write_close();
$saved['visits'] = ($saved['visits'] ?? 0) + 1;
$_SESSION = $saved; // expect: write-after-close
