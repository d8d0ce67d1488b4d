<?php
// A helper that does remote I/O only when its parameter is a URL (TCPDF's `file_exists()`,
// which calls `url_exists()` for `http` and `https` paths only), called with local font
// files: no slow work. (Positive twin: `url-guarded-helper.php`.)

function url_exists($url): bool
{
    $crs = curl_init();
    curl_setopt($crs, CURLOPT_URL, $url);
    curl_setopt($crs, CURLOPT_NOBODY, true);
    curl_exec($crs);
    $code = curl_getinfo($crs, CURLINFO_HTTP_CODE);
    curl_close($crs);
    return $code == 200;
}

function any_file_exists($filename): bool
{
    if (preg_match('|^https?://|', $filename) == 1) {
        return url_exists($filename);
    }
    if (strpos($filename, '://')) {
        return false;
    }
    return @file_exists($filename);
}

function export_pdf(string $font): void
{
    session_start();
    $_SESSION['exported'] = true;
    if (!any_file_exists(__DIR__ . '/fonts/' . basename($font) . '.php')) {
        $_SESSION['font'] = 'helvetica';
    }
}
