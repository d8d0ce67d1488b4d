<?php
// Password recovery: hashes the new code (lib.php), then mails it with the session still open.
// The mail is reported here, apart from the hashing that login.php shares; the throttling sleep
// after it is part of the same region, named by that finding (one finding stands for it).
declare(strict_types=1);
require_once __DIR__ . '/lib.php';

session_start();
$code = bin2hex(random_bytes(8));
$_SESSION['code'] = hash_password($code);
mail((string) ($_POST['email'] ?? ''), 'Your recovery code', $code); // expect: held-across-slow-call "mail\(\)"
sleep(1);
