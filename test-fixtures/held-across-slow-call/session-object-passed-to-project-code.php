<?php
// An object read back from the session is handed to project code after the slow call, which
// changes it through its methods (here `remember()`; a project function may do anything with
// what it is given): the early close is unsafe. A helper that itself changes an object the
// session holds (`trackVisit()`) counts the same way.
function remember(object $history, string $url): void
{
    $history->push($url);
}

function trackVisit(): void
{
    $_SESSION['visits']->count('/status');
}

session_start(); // expect: prefer-read-and-close
$history = $_SESSION['history'];

$status = file_get_contents('https://status.example/v2/ping'); // expect: held-across-slow-call
remember($history, '/status');
trackVisit();
echo $status;
