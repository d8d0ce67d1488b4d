<?php
// A helper that runs several queries and then calls a remote API, called with the session open:
// the caller's finding is about the API call (a warning), even though more database queries
// (info) come before it than a call keeps in full (issue 9, cause 9: a cap must not lose it).
declare(strict_types=1);

function sync_account(PDO $db, int $id): void
{
    $db->query('SELECT 1');
    $db->query('SELECT 2');
    $db->query('SELECT 3');
    $db->query('SELECT 4');
    $db->query('SELECT 5');
    $ch = curl_init('https://crm.example.com/accounts/' . $id);
    curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
    curl_exec($ch);
}

session_start();
$db = new PDO('sqlite::memory:');
session_write_close();
sync_account($db, (int) ($_SESSION['account'] ?? 0)); // expect: held-across-slow-call "which reaches `curl_exec\(\)`"
session_start();
$_SESSION['synced'] = time();
session_write_close();
