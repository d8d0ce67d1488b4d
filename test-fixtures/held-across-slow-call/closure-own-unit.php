<?php
// A route closure is its own unit: the session it opens and the HTTP call it makes are reported
// inside the closure, and nothing of it leaks into the script that registers the route.
declare(strict_types=1);

$routes = [];

$routes['GET /account/linked-repos'] = static function (): string {
    session_start();
    $token = (string) ($_SESSION['github_token'] ?? '');

    $ch = curl_init('https://api.github.com/user/repos?per_page=100');
    curl_setopt_array($ch, [
        CURLOPT_RETURNTRANSFER => true,
        CURLOPT_HTTPHEADER => ['Authorization: Bearer ' . $token, 'User-Agent: example-app'],
        CURLOPT_TIMEOUT => 10,
    ]);
    $repos = curl_exec($ch); // expect: held-across-slow-call
    curl_close($ch);

    $_SESSION['repo_count'] = count(json_decode((string) $repos, true) ?: []);

    return (string) $repos;
};

$routes['GET /health'] = static fn (): string => 'ok';

$key = $_SERVER['REQUEST_METHOD'] . ' ' . parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
if (!isset($routes[$key])) {
    http_response_code(404);
    exit;
}

// Slow down crawlers a little; the script itself holds no session lock here.
if (preg_match('/bot|crawl|spider/i', $_SERVER['HTTP_USER_AGENT'] ?? '') === 1) {
    usleep(250000);
}
echo $routes[$key]();
