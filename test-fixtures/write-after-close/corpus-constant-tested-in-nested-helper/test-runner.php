<?php
// Positive: a script that defines the constant gets send_redirect()'s return, so its write
// after getID() may follow the close.
define('UNIT_TESTING', true);
require_once __DIR__ . '/lib.php';
session_start();
$id = getID();
$_SESSION['crumbs'][] = $id; // expect: write-after-close
