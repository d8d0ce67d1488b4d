<?php
// The session is reopened for the write only when the user asked to keep a history; on the
// other path the write happens with the session closed. The finding says which path keeps it.
declare(strict_types=1);

session_start();
$keepHistory = !empty($_SESSION['prefs']['keep_history']);
session_write_close();

$rate = json_decode((string) file_get_contents('https://api.exchangerate.example/latest?base=EUR'), true);

if ($keepHistory) {
    session_start();
}
$_SESSION['last_rate'] = $rate['rates']['USD'] ?? null; // expect: write-after-close "may be lost: the session is open here only when `\$keepHistory` is true \(line 12\)"
session_write_close();

header('Content-Type: application/json');
echo json_encode($rate);
