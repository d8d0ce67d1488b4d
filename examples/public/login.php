<?php
// Login form and handler. CLEAN: every session region is short. The user lookup, the password
// check and the failed-login delay all run with the session closed; the session is reopened only
// to regenerate the id and store the user, then closed again before the redirect.
declare(strict_types=1);

require __DIR__ . '/../lib/db.php';

if ($_SERVER['REQUEST_METHOD'] !== 'POST') {
    session_start();
    $_SESSION['csrf'] ??= bin2hex(random_bytes(16));
    $csrf = $_SESSION['csrf'];
    $error = $_SESSION['login_error'] ?? null;
    unset($_SESSION['login_error']);
    session_write_close();

    header('Content-Type: text/html; charset=utf-8');
    echo '<form method="post">';
    if ($error !== null) {
        echo '<p class="error">' . e($error) . '</p>';
    }
    echo '<input type="hidden" name="csrf" value="' . e($csrf) . '">';
    echo '<input name="email" type="email"> <input name="password" type="password"> <button>Sign in</button></form>';
    exit;
}

session_start(['read_and_close' => true]);
$expectedCsrf = (string) ($_SESSION['csrf'] ?? '');

if (!hash_equals($expectedCsrf, (string) ($_POST['csrf'] ?? ''))) {
    http_response_code(400);
    exit('Invalid form token');
}

$pdo = new PDO(getenv('APP_DSN') ?: 'mysql:host=127.0.0.1;dbname=chat', getenv('APP_DB_USER') ?: 'chat', getenv('APP_DB_PASSWORD') ?: '');
$stmt = $pdo->prepare('SELECT id, name, account_id, password_hash, currency FROM users WHERE email = ?');
$stmt->execute([strtolower(trim((string) ($_POST['email'] ?? '')))]);
$row = $stmt->fetch(PDO::FETCH_ASSOC);

if ($row === false || !password_verify((string) ($_POST['password'] ?? ''), $row['password_hash'])) {
    // Slow down password guessing; the session is not locked, so the user's other tabs are fine.
    sleep(1);
    session_start();
    $_SESSION['login_error'] = 'Wrong email or password.';
    session_write_close();
    header('Location: /login.php');
    exit;
}

$rooms = $pdo->query('SELECT room_id FROM room_members WHERE user_id = ' . (int) $row['id'])->fetchAll(PDO::FETCH_COLUMN);

session_start();
session_regenerate_id(true);
$_SESSION['user'] = [
    'id' => (int) $row['id'],
    'name' => $row['name'],
    'account_id' => (int) $row['account_id'],
    'currency' => $row['currency'],
    'rooms' => array_map('intval', $rooms),
];
unset($_SESSION['csrf']);
session_write_close();

header('Location: /profile.php');
