<?php
// The failed-query handler prints the error, mails the administrator and dies: the mail runs
// only when the connection or a query failed, on a path that ends the request. It reports the
// error; it is not the request's normal work, so it is `info` and says so (twin:
// `failed-query-error-mail-continues.php`, whose handler returns and the page goes on).
declare(strict_types=1);

function db_show_error(string $sql, string $error): void
{
    echo '<p>We have a problem, please contact technical support.</p>';
    mail('admin@example.org', 'Database error', $sql . "\n" . $error);
    die();
}

function db_start(): mysqli
{
    $link = mysqli_connect('localhost', 'app', 'secret', 'app');
    if ($link === false) {
        db_show_error('', (string) mysqli_connect_error());
    }
    return $link;
}

function db_query(string $sql): mysqli_result|bool
{
    $db = db_start();
    $result = mysqli_query($db, $sql);
    if ($result === false) {
        db_show_error($sql, mysqli_error($db));
    }
    return $result;
}

session_start();
session_write_close();
$rows = db_query('SELECT id, name FROM students'); // expect: held-across-slow-call@info "query or I/O call has failed"
session_start();
$_SESSION['count'] = mysqli_num_rows($rows);
session_write_close();
