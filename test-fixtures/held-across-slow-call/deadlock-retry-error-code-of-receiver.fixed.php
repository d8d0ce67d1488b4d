<?php
// A query retried after a deadlock, written with the object's error code: the back-off runs
// only when `$db->query()` returned false and the same `$db` holds error code 1213, so it is
// error handling (`info`, saying so) whatever class `$db` is. Twin:
// `poll-sleep-until-query-returns-rows.php`, whose sleep also runs after a successful query.
function db_query($db, $sql)
{
    for ($attempt = 0; $attempt < 100; $attempt++) {
        $result = $db->query($sql);
        if ($result === false && $db->errno == 1213)
            usleep(10000);
        else
            break;
    }
    return $result;
}

session_start();
session_write_close();
$rows = db_query(new mysqli('localhost', 'app', 'secret', 'app'), 'SELECT 1'); // expect: held-across-slow-call@info "only when `\$db->errno` reports an error"
