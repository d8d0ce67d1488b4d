<?php
// The failed-query handler prints the error, mails the administrator and dies: the mail runs
// only when a query failed, on a path that ends the request. It reports the error; it is not
// the request's normal work, so it is `info` and says so (twin:
// `failed-query-error-mail-continues.php`, whose handler returns and the page goes on).
declare(strict_types=1);

function db_show_error(string $sql, string $error): void
{
    echo '<p>We have a problem, please contact technical support.</p>';
    mail('admin@example.org', 'Database error', $sql . "\n" . $error);
    die();
}

function db_query(mysqli $db, string $sql): mysqli_result|bool
{
    $result = mysqli_query($db, $sql);
    if ($result === false) {
        db_show_error($sql, mysqli_error($db));
    }
    return $result;
}

session_start();
$db = mysqli_connect('localhost', 'app', 'secret', 'app');
$rows = db_query($db, 'SELECT id, name FROM students'); // expect: held-across-slow-call@info "query or I/O call has failed"
$_SESSION['count'] = mysqli_num_rows($rows);
