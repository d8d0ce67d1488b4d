<?php
// Postfix Admin public/password-recover.php:31-39: the file is also reached as users/…, so the
// path of common.php is picked from two literals. Both targets open the session.
if (preg_match('/\/users\//', $_SERVER['REQUEST_URI'])) {
    $rel_path = '../';
} else {
    $rel_path = './';
}
require_once($rel_path . 'common.php');

$fp = fsockopen('mail.example.org', 25); // expect: held-across-slow-call
fwrite($fp, "QUIT\r\n");
