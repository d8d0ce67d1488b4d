<?php
// Near miss of the usual guard: `session_id() === ''` is false after session_write_close() (the
// id survives the close), so the guarded session_start() never runs here and the write is lost.
// The analysis keeps both outcomes of the test, so the finding says "may be lost".
declare(strict_types=1);

session_start();
$userId = (int) ($_SESSION['user_id'] ?? 0);
session_write_close();

$avatar = @file_get_contents('https://www.gravatar.com/avatar/' . md5((string) $userId) . '?d=404');

if (session_id() === '') {
    session_start();
}
$_SESSION['has_avatar'] = $avatar !== false; // expect: write-after-close "may be lost"
session_write_close();

echo $avatar === false ? '' : base64_encode($avatar);
