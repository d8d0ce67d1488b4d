<?php
// Login: the CSRF token is read and the session closed before the deliberately slow password
// check, then the id is regenerated with no active session: PHP refuses it (returns false), so
// the pre-login session id is kept, and the user id written after it is lost too.
declare(strict_types=1);

function find_user(PDO $db, string $email): ?array
{
    $stmt = $db->prepare('SELECT id, password_hash FROM users WHERE email = ?');
    $stmt->execute([$email]);
    $row = $stmt->fetch(PDO::FETCH_ASSOC);
    return $row === false ? null : $row;
}

session_start();
$expected = (string) ($_SESSION['csrf'] ?? '');
session_write_close();

if (!hash_equals($expected, (string) ($_POST['csrf'] ?? ''))) {
    http_response_code(400);
    exit('Bad request');
}

$db = new PDO('mysql:host=127.0.0.1;dbname=app', 'app', (string) getenv('DB_PASSWORD'));
$user = find_user($db, (string) ($_POST['email'] ?? ''));
if ($user === null || !password_verify((string) ($_POST['password'] ?? ''), $user['password_hash'])) {
    sleep(1);
    http_response_code(401);
    exit('Invalid credentials');
}

session_start();
session_regenerate_id(true); // expect: write-after-close "^`session_regenerate_id\(\)` after the session was closed \(line 17\) does nothing"
$_SESSION['user_id'] = (int) $user['id'];
session_write_close();
header('Location: /');
