<?php
// The bootstrap every page includes: it reads the session and releases it at once.
session_start();
$visits = ($_SESSION['visits'] ?? 0) + 1;
$_SESSION['visits'] = $visits;
session_write_close();
