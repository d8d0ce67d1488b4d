<?php
// The twin of corpus-session-key-tested-again-after-destroy.ok.php: here the key is written
// before the destroy, so the second test may be taken after it and its write is lost.
session_start();
if ($_SESSION['authorized']) {
    $_SESSION['authorized'] = false;
    session_destroy();
}
if (!$_SESSION['authorized']) {
    $_SESSION['template_content'] = ''; // expect: write-after-close@info
}
