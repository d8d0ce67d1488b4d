<?php
// Twin of `failed-query-error-mail.php`: the handler mails the administrator and returns, and
// the page goes on (with an empty list): the mail is part of this request's work, a warning.
declare(strict_types=1);

function db_show_error(string $sql, string $error): void
{
    echo '<p>Some data could not be loaded.</p>';
    mail('admin@example.org', 'Database error', $sql . "\n" . $error);
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
$rows = db_query($db, 'SELECT id, name FROM students'); // expect: held-across-slow-call@warning
$_SESSION['count'] = $rows === false ? 0 : mysqli_num_rows($rows);
