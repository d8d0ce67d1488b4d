<?php
// The web login: its helpers come from a folder the configuration names (not followed), and it
// signs the user out for a fresh login.
include(getenv('APP_DIR') . '/sessions.php');
if (empty($_SESSION['user'])) {
    logout(true);
}
