<?php
// Reduced from Zend_Session::writeClose() (Matomo `libs/Zend/Session.php`): the session is
// saved in a serialised form, closed, and the array the request keeps using is put back from
// the copy taken before. Restoring the in-memory copy after the close is not a change meant
// to be saved: nothing is lost.
declare(strict_types=1);

session_start();
$_SESSION['visits'] = ($_SESSION['visits'] ?? 0) + 1;
if (isset($_SESSION)) {
    $saved = $_SESSION;
    $_SESSION = ['data' => base64_encode(serialize($_SESSION))];
}
session_write_close();
if (isset($saved)) {
    $_SESSION = $saved;
}
