<?php
// The entry script starts the session and includes a file that closes it, then writes it.
session_start();
include __DIR__ . '/save.php';
