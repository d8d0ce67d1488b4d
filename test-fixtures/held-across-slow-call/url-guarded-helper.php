<?php
// A helper that does remote I/O only when its parameter is a URL, called with a URL: remote
// I/O at the call. (Clean twin: `url-guarded-helper.ok.php`.)

function url_exists($url): bool
{
    $crs = curl_init();
    curl_setopt($crs, CURLOPT_URL, $url);
    curl_exec($crs);
    $code = curl_getinfo($crs, CURLINFO_HTTP_CODE);
    curl_close($crs);
    return $code == 200;
}

function any_file_exists($filename): bool
{
    if (str_starts_with($filename, 'http')) {
        return url_exists($filename);
    }
    return @file_exists($filename);
}

function check_logo(): void
{
    session_start();
    $_SESSION['logo'] = any_file_exists('https://cdn.example.com/logo.png'); // expect: held-across-slow-call@warning "on a URL"
}
