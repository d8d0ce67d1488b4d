<?php
// Near miss of type-test-on-default-parameter.ok.php: one caller passes request options, so
// `is_array($opts)` is true there and the remote request runs while the session is open.
declare(strict_types=1);

function get_contents(string $file, ?array $opts = null): string
{
    if (!is_array($opts)) {
        return is_readable($file) ? (string) file_get_contents($file) : '';
    }
    $ch = curl_init($file);
    curl_setopt($ch, CURLOPT_POSTFIELDS, http_build_query($opts));
    return (string) curl_exec($ch);
}

session_start();
if (empty($_SESSION['cfg'])) {
    $cfg = json_decode(get_contents(__DIR__ . '/default.json'), true);
} else {
    $cfg = $_SESSION['cfg'];
}
$_SESSION['cfg'] = $cfg;
$_SESSION['news'] = get_contents(__DIR__ . '/news.json', ['lang' => 'en']); // expect: held-across-slow-call
