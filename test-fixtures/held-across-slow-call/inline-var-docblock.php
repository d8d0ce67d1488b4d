<?php
// A local typed only by an inline `@var` docblock (the factory has no declared return type):
// the query on it is database work.

function load_orders(int $userId): array
{
    session_start();
    /** @var PDO $db */
    $db = $GLOBALS['container']->get('db');
    $rows = $db->query('SELECT * FROM orders WHERE user_id = ' . $userId)->fetchAll(); // expect: held-across-slow-call "database|query"
    $_SESSION['order_count'] = count($rows);
    session_write_close();
    return $rows;
}
