<?php
// One of two bootstraps whose paths end in `functions/prepend_adm.php`.
session_start();
$_SESSION['seen'] = time();
