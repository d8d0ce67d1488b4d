<?php
// The configuration sets its globals inside its include guard (openSIS's ConfigInc.php): the
// guard's body runs once in every request that includes the file, so `''` is the value the
// project ships.
session_start();
if (!defined('CONFIG_INC')) {
    define('CONFIG_INC', 1);
    $notifyAddress = '';
}
