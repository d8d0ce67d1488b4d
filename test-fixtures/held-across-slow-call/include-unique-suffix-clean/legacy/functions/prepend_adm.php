<?php
// The other one: an include that ends in `functions/prepend_adm.php` may load either.
session_start();
$_SESSION['seen'] = time();
