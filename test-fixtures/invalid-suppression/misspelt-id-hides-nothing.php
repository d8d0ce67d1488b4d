<?php
// A misspelt rule id whose corrected form would hide nothing (the session is closed before the
// download): no correction is offered, as the corrected comment would be reported in its turn.
declare(strict_types=1);

session_start();
$name = (string) ($_SESSION['name'] ?? '');
session_write_close();
// session-lint-ignore held-across-slow-cal: the avatar service is on our network // expect: invalid-suppression
$avatar = file_get_contents('https://avatars.example.com/' . rawurlencode($name));
echo $avatar;
