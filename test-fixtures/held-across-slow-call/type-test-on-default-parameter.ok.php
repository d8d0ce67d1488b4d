<?php
// A helper reads a local file unless it is given request options (`is_array($opts)`), and no
// caller gives any: the `is_array()` test on the parameter's default `null` is false on every
// path, so the remote request never runs while the session is open. The options are changed in
// place later (`$opts += …`), which forgets what was known of them only from there on.
declare(strict_types=1);

function get_contents(string $file, ?array $opts = null): string
{
    if (!is_array($opts)) {
        return is_readable($file) ? (string) file_get_contents($file) : '';
    }
    $opts += ['method' => 'POST'];
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
