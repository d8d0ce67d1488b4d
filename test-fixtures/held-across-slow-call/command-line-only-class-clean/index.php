<?php
// The web side of the project: it has a session, and never makes a command.
session_start();
$_SESSION['visits'] = ($_SESSION['visits'] ?? 0) + 1;
