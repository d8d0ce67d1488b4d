<?php
// A request's entry script that never starts the session (a mode without logins) writes
// `$_SESSION` as a plain array, calls `session_write_close()` (which does nothing without an
// active session) and writes it again: the second write is no more lost than the first.
function remember() { $_SESSION['valid'] = true; }
remember();
session_write_close();
remember();
