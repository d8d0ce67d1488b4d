<?php
// Near miss of web-request-host-fallback.ok.php: the fallback is taken when no proxy sent
// `X-Forwarded-Host`, which a web request may well lack, so the configuration's session write
// runs after the destroy and is lost.
declare(strict_types=1);

function config_value(string $item): string
{
    if (empty($_SESSION['has_config'])) {
        $_SESSION['has_config'] = true;
    }
    return $item;
}

function host_name(): string
{
    if (!empty($_SERVER['HTTP_X_FORWARDED_HOST'])) {
        return $_SERVER['HTTP_X_FORWARDED_HOST'];
    }
    return config_value('website');
}

function redirect_to(string $page): void
{
    header('Location: https://' . host_name() . '/?page=' . $page);
    exit;
}

session_start();
if (($_GET['action'] ?? '') === 'logout') {
    session_destroy();
    redirect_to('login'); // expect: write-after-close
}
echo 'Hello';
