<?php
// A helper that reads the path it is given: what each caller passes decides. A temp file, a
// file of the app and a configured path are local, so none of these calls is slow work.
declare(strict_types=1);

function file_open_lock(string $filename)
{
    $fp = fopen($filename, 'c+');
    flock($fp, LOCK_EX);
    return $fp;
}

function read_lines(string $dir, string $name): array
{
    return file($dir . '/' . $name) ?: [];
}

function count_invalid_login(): int
{
    return count(read_lines(sys_get_temp_dir(), 'invalid-logins'));
}

session_start();
$_SESSION['attempts'] = (int) ($_SESSION['attempts'] ?? 0) + 1;
$lock = file_open_lock(sys_get_temp_dir() . '/app.invalid');
$menu = read_lines(__DIR__ . '/config', 'menu.txt');
$invalid = count_invalid_login();
