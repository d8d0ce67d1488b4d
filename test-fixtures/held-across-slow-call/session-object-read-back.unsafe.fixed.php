<?php
// The navigation stack is an object an earlier request (the login page) stored in the session;
// this page only reads it back and adds to it after the slow call. PHP serialises the session
// when it is closed, so `$nav->addUrl()` after an early close changes an object that is no
// longer saved: the close is offered as unsafe, its title naming the change.
session_start(['read_and_close' => true]); // expect: prefer-read-and-close
$nav = $_SESSION['navigation'] ?? null;

$report = file_get_contents('https://reports.example/v1/summary'); // expect: held-across-slow-call
if ($nav !== null) {
    $nav->addUrl('/reports');
}
echo $report;
