<?php
// `set_time_limit(0)` copied at the top of every endpoint, where all the work after it is seen
// and short: one query through a project helper, no loop, nothing the analysis cannot follow.
// The sign is meant for long work the analysis cannot see; here the code contradicts it.
declare(strict_types=1);

function add_favourite(mysqli $db, int $user, int $item): bool
{
    return (bool) mysqli_query($db, sprintf('INSERT INTO favourites (user_id, item_id) VALUES (%d, %d)', $user, $item));
}

session_start();
if (empty($_SESSION['user_id'])) {
    exit;
}
header('Content-type: application/json');
set_time_limit(0);
$db = mysqli_connect('localhost', 'u', 'p', 'd');
$ok = add_favourite($db, (int) $_SESSION['user_id'], (int) ($_POST['item_id'] ?? 0));
$_SESSION['favourites_changed'] = true;
echo json_encode(['ok' => $ok]);
