<?php
// A property of an object read back from the session is set after the slow call: the change
// is saved only while the session is open, so the early close is unsafe.
session_start(); // expect: prefer-read-and-close
$prefs = $_SESSION['preferences'];

$feed = file_get_contents('https://feeds.example/latest.json'); // expect: held-across-slow-call
$prefs->lastFeed = $feed;
echo $feed;
