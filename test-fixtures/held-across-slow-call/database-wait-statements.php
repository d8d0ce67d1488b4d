<?php
// A query is slow work when its SQL waits on purpose: MySQL's GET_LOCK() with a timeout and
// SLEEP(), PostgreSQL's pg_sleep(), also through a variable assigned once. One finding each.
declare(strict_types=1);

function export_orders(mysqli $link): void
{
    session_start();
    $_SESSION['export'] = 'waiting';
    mysqli_query($link, "SELECT GET_LOCK('orders-export', 30)"); // expect: held-across-slow-call@info "`mysqli_query\(\)` with `GET_LOCK\(` in its SQL"
}

function throttle_login(PDO $db): void
{
    session_start();
    $_SESSION['attempts'] = (int) ($_SESSION['attempts'] ?? 0) + 1;
    $sql = 'DO SLEEP(2)';
    $db->exec($sql); // expect: held-across-slow-call@info "with `SLEEP\(` in its SQL"
}

function wait_for_replica($conn): void
{
    session_start();
    $_SESSION['replica'] = 'pending';
    pg_query($conn, 'SELECT pg_sleep(1)'); // expect: held-across-slow-call@info "`PG_SLEEP\(` in its SQL"
}
