<?php
// The bootstrap every page includes: it opens the session and keeps it.
session_start();
$_SESSION['visits'] = ($_SESSION['visits'] ?? 0) + 1;
