<?php
// The same endpoint boilerplate, but the work after the sign repeats (a query per selected
// item): how long it runs depends on the request, which is what the sign announces.
declare(strict_types=1);

session_start();
if (empty($_SESSION['user_id'])) {
    exit;
}
header('Content-type: application/json');
session_write_close();
set_time_limit(0); // expect: held-across-slow-call "a sign that this request is expected to run long"
$db = mysqli_connect('localhost', 'u', 'p', 'd');
foreach ((array) ($_POST['items'] ?? []) as $item) {
    mysqli_query($db, sprintf('DELETE FROM items WHERE id = %d', (int) $item));
}
session_start();
$_SESSION['items_changed'] = true;
session_write_close();
echo json_encode(['ok' => true]);
