<?php
// Twin of `deadlock-retry-error-code-of-receiver.php`: the sleep runs when the query failed
// *or* found no row yet, so it is the request's normal wait for a job, not error handling.
function wait_for_job($db, $id)
{
    while (true) {
        $result = $db->query('SELECT done FROM jobs WHERE id = ' . (int) $id);
        if ($result === false || $result->num_rows == 0) {
            usleep(100000);
            continue;
        }
        return $result->fetch_assoc();
    }
}

session_start();
$job = wait_for_job(new mysqli('localhost', 'app', 'secret', 'app'), 7); // expect: held-across-slow-call@warning
