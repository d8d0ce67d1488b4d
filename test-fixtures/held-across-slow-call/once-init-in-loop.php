<?php
// One-time initialisation inside a loop runs once, not on every iteration: the finding is on the
// slow call itself, not on the loop. The slow work in the loop body proper is still repeated.
declare(strict_types=1);

function export_rows(array $rows): void
{
    session_start();
    $_SESSION['exporting'] = true;
    $token = null;
    foreach ($rows as $row) {
        if ($token === null) {
            $token = file_get_contents('https://auth.example.com/token'); // expect: held-across-slow-call "^Session lock held across `file_get_contents\(\)` on a URL: every other"
        }
        echo implode(',', $row), "\n";
    }
}

function poll_rows(array $rows): void
{
    session_start();
    $_SESSION['polling'] = true;
    $token = null;
    foreach ($rows as $row) { // expect: held-across-slow-call "a loop that runs `sleep\(\)` on every iteration"
        if ($token === null) {
            $token = file_get_contents('https://auth.example.com/token');
        }
        sleep(1);
    }
}
