<?php
// The application's own `session_start()`: it only records that a page asked for one.
namespace App;

function session_start() {
    $GLOBALS['asked_for_session'] = true;
    return true;
}
