<?php
// A page's own queries are short: mysqli, pgsql, PDO::exec() on a new PDO, PDO::query() on a
// parameter typed PDO and a prepared statement's execute() are not slow work with the session open.
declare(strict_types=1);

function mysqli_recent_orders(): array
{
    $link = mysqli_connect('127.0.0.1', 'shop', getenv('DB_PASSWORD') ?: '', 'shop');
    session_start();
    $customerId = (int) ($_SESSION['customer_id'] ?? 0);
    $result = mysqli_query($link, 'SELECT id, total_cents FROM orders WHERE customer_id = ' . $customerId . ' ORDER BY id DESC LIMIT 20');
    $_SESSION['orders_viewed'] = true;
    return $result instanceof mysqli_result ? mysqli_fetch_all($result, MYSQLI_ASSOC) : [];
}

function pg_audit_trail(): array
{
    $conn = pg_connect('host=db dbname=audit user=audit');
    session_start();
    $userId = (int) ($_SESSION['user_id'] ?? 0);
    $result = pg_query($conn, 'SELECT action, created_at FROM audit_log WHERE user_id = ' . $userId . ' ORDER BY created_at DESC LIMIT 50');
    $_SESSION['audit_viewed_at'] = time();
    return $result === false ? [] : (pg_fetch_all($result) ?: []);
}

function purge_drafts(): void
{
    $pdo = new PDO('sqlite:/var/lib/app/drafts.sqlite');
    session_start();
    $userId = (int) ($_SESSION['user_id'] ?? 0);
    $deleted = $pdo->exec('DELETE FROM drafts WHERE user_id = ' . $userId . " AND updated_at < datetime('now', '-30 days')");
    $_SESSION['drafts_purged'] = $deleted;
}

function dashboard_counts(PDO $db): array
{
    session_start();
    $teamId = (int) ($_SESSION['team_id'] ?? 0);
    $counts = $db->query('SELECT status, COUNT(*) FROM tickets WHERE team_id = ' . $teamId . ' GROUP BY status')->fetchAll(PDO::FETCH_KEY_PAIR);
    $_SESSION['ticket_counts'] = $counts;
    return $counts;
}

function save_preferences(): void
{
    $pdo = new PDO('mysql:host=127.0.0.1;dbname=app', 'app', getenv('DB_PASSWORD') ?: '');
    session_start();
    $stmt = $pdo->prepare('UPDATE users SET theme = ?, locale = ? WHERE id = ?');
    $stmt->execute([$_POST['theme'] ?? 'light', $_POST['locale'] ?? 'en', (int) ($_SESSION['user_id'] ?? 0)]);
    $_SESSION['theme'] = $_POST['theme'] ?? 'light';
}
