<?php
// One open region with several slow calls (HTTP, external process, mail): there is one finding,
// at the first of them; the later ones are related locations of that finding, not findings.
declare(strict_types=1);

session_start();
$userId = (int) ($_SESSION['user_id'] ?? 0);
$email = (string) ($_SESSION['email'] ?? '');

$ch = curl_init('https://billing.example.com/api/users/' . $userId . '/statement.html');
curl_setopt_array($ch, [CURLOPT_RETURNTRANSFER => true, CURLOPT_TIMEOUT => 20]);
session_write_close();
$statementHtml = curl_exec($ch); // expect: held-across-slow-call
curl_close($ch);

$htmlPath = tempnam(sys_get_temp_dir(), 'stmt') . '.html';
$pdfPath = substr($htmlPath, 0, -5) . '.pdf';
file_put_contents($htmlPath, (string) $statementHtml);
exec('wkhtmltopdf --quiet ' . escapeshellarg($htmlPath) . ' ' . escapeshellarg($pdfPath), $output, $exitCode);

mail($email, 'Your monthly statement', "Your statement is ready: https://billing.example.com/statements/latest\n");

session_start();
$_SESSION['statement_sent_at'] = time();
session_write_close();
echo $exitCode === 0 ? 'sent' : 'failed';
