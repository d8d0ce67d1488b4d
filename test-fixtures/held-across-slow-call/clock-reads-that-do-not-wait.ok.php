<?php
// Clock reads in a loop that decide nothing about waiting: a date compared row by row in a loop
// over query results (the loop ends when the rows do), and a catch-up loop whose body moves the
// value compared with the clock (`$next += $step`: it ends by arithmetic). Neither polls, so
// nothing here holds the session across slow work (twins: the polling fixtures, where the
// clock decides when the loop ends: `while (time() < $deadline)`, `if (time() > $d) break;`).
declare(strict_types=1);

function upcoming_events(mysqli $db): array
{
    $events = [];
    $result = mysqli_query($db, 'SELECT title, start_date FROM events');
    while ($row = mysqli_fetch_assoc($result)) {
        if ($row['start_date'] < date('Y-m-d', time())) {
            $row['start_date'] = date('Y-m-d', time());
        }
        $events[] = $row;
    }
    return $events;
}

function next_run(int $next, int $step): int
{
    while ($next <= time()) {
        $next += $step;
    }
    return $next;
}

session_start();
$db = mysqli_connect('localhost', 'app', 'secret', 'app');
$_SESSION['events'] = upcoming_events($db);
$_SESSION['next'] = next_run((int) ($_SESSION['next'] ?? 0), 3600);
