<?php
// A view picked at run time: every file matching views/*.php may run under the lock.
require __DIR__ . '/../lib/bootstrap.php';

$view = basename($_GET['view'] ?? 'home');
include __DIR__ . '/../views/' . $view . '.php'; // expect: held-across-slow-call "views/"
