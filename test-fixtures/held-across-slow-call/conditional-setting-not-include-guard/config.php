<?php
// The twin of `include-guarded-setting`: the `if` tests a constant this file does not define
// (another file's), so its body may not run and `''` is not the value every request has.
session_start();
if (!defined('QUIET_ERRORS')) {
    $notifyAddress = '';
}
