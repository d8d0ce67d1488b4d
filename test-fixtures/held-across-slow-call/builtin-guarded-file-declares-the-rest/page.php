<?php
require __DIR__ . '/compat/sessions.php';
session_start();
$_SESSION['seen'] = time();
session_register('seen'); // expect: held-across-slow-call@warning
