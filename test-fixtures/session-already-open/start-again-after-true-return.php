<?php
// The twin of start-retry-after-false-return.ok.php: here the second start runs where the first
// returned true, i.e. with the session open, and PHP ignores it.
$ok = session_start();
if ($ok) {
    session_start(); // expect: session-already-open
}
$_SESSION['a'] = 1;
