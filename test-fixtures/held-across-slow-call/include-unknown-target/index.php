<?php
// A pattern with a literal directory and suffix reaches the files it matches: pages/*.php.
session_start();
$page = basename($_GET['page'] ?? 'home');
include __DIR__ . '/pages/' . $page . '.php'; // expect: held-across-slow-call
