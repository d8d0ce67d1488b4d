<?php
// The first region is fine (closed before the import call); the session is then reopened to
// record the result, and a notification mail is sent before closing it again: the finding
// belongs to the second region.
declare(strict_types=1);

session_start();
$userId = (int) ($_SESSION['user_id'] ?? 0);
$email = (string) ($_SESSION['email'] ?? '');
session_write_close();

$ch = curl_init('https://import.example.com/api/jobs');
curl_setopt_array($ch, [
    CURLOPT_POST => true,
    CURLOPT_POSTFIELDS => http_build_query(['user' => $userId, 'source' => $_POST['source'] ?? 'csv']),
    CURLOPT_RETURNTRANSFER => true,
    CURLOPT_TIMEOUT => 30,
]);
$job = json_decode((string) curl_exec($ch), true);
curl_close($ch);

session_start();
$_SESSION['import_job_id'] = $job['id'] ?? null;
session_write_close();
mail($email, 'Import queued', 'Your import was queued as job ' . ($job['id'] ?? '?') . '.'); // expect: held-across-slow-call
session_write_close();

header('Location: /imports.php');
