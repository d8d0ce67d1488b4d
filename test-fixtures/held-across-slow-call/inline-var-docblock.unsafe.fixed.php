<?php
// A local typed only by an inline `@var` docblock (the factory has no declared return type):
// a query on it that waits for a lock is database work.

function load_orders(int $userId): array
{
    session_start();
    /** @var PDO $db */
    $db = $GLOBALS['container']->get('db');
    session_write_close();
    $db->query("SELECT GET_LOCK('orders-" . $userId . "', 10)"); // expect: held-across-slow-call "`\$db->query\(\)` with `GET_LOCK\(`"
    $rows = $db->query('SELECT * FROM orders WHERE user_id = ' . $userId)->fetchAll();
    session_start();
    $_SESSION['order_count'] = count($rows);
    session_write_close();
    return $rows;
}
