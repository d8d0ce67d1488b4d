<?php
// Profile page. CLEAN: it reads what it needs from the session and calls session_write_close()
// before the slow work (database query, avatar lookup), so no lock is held during it.
declare(strict_types=1);

require __DIR__ . '/../lib/db.php';

/** @return array<string, mixed> */
function load_profile(PDO $db, int $userId): array
{
    $stmt = $db->prepare('SELECT name, email, bio, created_at FROM users WHERE id = ?');
    $stmt->execute([$userId]);

    return $stmt->fetch() ?: [];
}

function has_gravatar(string $email): bool
{
    $ch = curl_init('https://www.gravatar.com/avatar/' . md5(strtolower(trim($email))) . '?d=404');
    curl_setopt_array($ch, [CURLOPT_NOBODY => true, CURLOPT_TIMEOUT => 3]);
    curl_exec($ch);
    $status = curl_getinfo($ch, CURLINFO_RESPONSE_CODE);
    curl_close($ch);

    return $status === 200;
}

session_start();
$user = $_SESSION['user'] ?? null;
session_write_close();

if ($user === null) {
    header('Location: /login.php');
    exit;
}

$pdo = new PDO(getenv('APP_DSN') ?: 'mysql:host=127.0.0.1;dbname=chat', getenv('APP_DB_USER') ?: 'chat', getenv('APP_DB_PASSWORD') ?: '');
$profile = load_profile($pdo, (int) $user['id']);
$avatar = has_gravatar((string) ($profile['email'] ?? ''));

header('Content-Type: text/html; charset=utf-8');
?>
<!doctype html>
<title><?= e((string) ($profile['name'] ?? 'Profile')) ?></title>
<h1><?= e((string) ($profile['name'] ?? '')) ?></h1>
<?php if ($avatar): ?>
<img src="https://www.gravatar.com/avatar/<?= md5(strtolower(trim((string) $profile['email']))) ?>" alt="">
<?php endif; ?>
<p><?= nl2br(e((string) ($profile['bio'] ?? ''))) ?></p>
