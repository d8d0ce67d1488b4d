<?php
// The twin of start-then-include-starts-again: the included check only reads the session the
// page started, so `read_and_close` here releases the lock for the rest of the page.
session_start(); // expect: prefer-read-and-close
include __DIR__ . '/login-check.php';
echo 'hello ' . htmlspecialchars($_SESSION['uid']);
