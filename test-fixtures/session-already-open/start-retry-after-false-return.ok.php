<?php
// `session_start()` returns false when it could not start the session (AbanteCart's ASession):
// the retry with a fresh id runs only on that path, where no session is open, so it is a first
// start, not one while the session is already open.
$ok = session_start();
if (!$ok) {
    session_id(bin2hex(random_bytes(16)));
    session_start();
}
$_SESSION['a'] = 1;
