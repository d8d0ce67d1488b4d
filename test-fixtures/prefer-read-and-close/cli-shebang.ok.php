#!/usr/bin/php
<?php
// A command-line script that only reads the session: no request waits for its lock.
session_start();
echo $_SESSION['user'] ?? 'nobody', "\n";
