<?php
// The top level builds the global through `$GLOBALS['mailer'] = new Mailer()`; a function's
// `global $mailer;` is that global, so `$mailer->send()` is `Mailer::send()`.
class Mailer {
    public function send() {
        return fsockopen('smtp.example.com', 25);
    }
}

function notify() {
    global $mailer;
    $mailer->send();
}

session_start();
$_SESSION['visits'] = ($_SESSION['visits'] ?? 0) + 1;
$GLOBALS['mailer'] = new Mailer();
session_write_close();
notify(); // expect: held-across-slow-call@warning
session_start();
$_SESSION['done'] = true;
session_write_close();
