<?php
// A query retried after a deadlock: `mysqli_errno()` reports the error of the query before it
// and is 0 after a success, so the back-off `sleep(1)` runs only when the query failed with
// error 1213. Error handling, not the request's work: `info`, saying so. Twin:
// `retry-sleep-until-rows-changed.php`, whose sleep runs whenever no row changed yet.
function db_query(mysqli $db, string $sql)
{
    $retry = 3;
    do {
        $result = mysqli_query($db, $sql);
        if (mysqli_errno($db) == 1213) {
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
db_query($db, 'UPDATE visits SET n = n + 1'); // expect: held-across-slow-call@info "only when `mysqli_errno\(\)` reports an error"
