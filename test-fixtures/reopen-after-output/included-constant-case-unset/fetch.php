<?php
// Defines no PAGE_NAME: init.php's fallback NULL leaves the session open, so the later
// session_start() is no reopen after output (only a redundant start).
require('inc/init.php');
echo 'Fetching';
flush();
session_start(); // expect: session-already-open@info
