<?php
// The twin of deadlock-retry-after-reported-error.php: the sleep runs whenever the update
// changed no row yet (another request has not written it), which is the normal path of a
// poll, not an error: a warning.
function wait_for_row(mysqli $db, string $sql)
{
    $retry = 3;
    do {
        $result = mysqli_query($db, $sql);
        if (mysqli_affected_rows($db) == 0) {
            sleep(1);
            $retry--;
        } else {
            $retry = 0;
        }
    } while ($retry);
    return $result;
}

session_start();
$db = mysqli_connect('localhost', 'app', 'secret', 'app');
session_write_close();
wait_for_row($db, 'UPDATE jobs SET taken = 1 WHERE taken = 0'); // expect: held-across-slow-call
