<?php
// inc/header.php includes 'config.php': the include path's `.` is public/ (this script's
// directory), so it is public/config.php, which is quick; the project root's config.php
// (slow) is never reached, whatever folder the analysis is started from.
session_start();
require 'inc/header.php';
$_SESSION['seen'] = true;
