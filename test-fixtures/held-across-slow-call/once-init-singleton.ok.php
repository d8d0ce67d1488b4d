<?php
// One-time initialisation that outlives the call (a static instance, a `static` variable, a
// `$this` property) may have run earlier in the request: a caller cannot know that it runs
// now, so its slow work is not reported at each `getInstance()` or `db()` call.
declare(strict_types=1);

final class RatesApi
{
    private static ?RatesApi $instance = null;
    private string $token;

    private function __construct()
    {
        $ch = curl_init('https://rates.example.com/oauth/token');
        $this->token = (string) curl_exec($ch);
    }

    public static function getInstance(): RatesApi
    {
        if (!isset(self::$instance)) {
            self::$instance = new RatesApi();
        }
        return self::$instance;
    }

    public function token(): string
    {
        return $this->token;
    }
}

final class Directory
{
    private $link = null;

    public function link()
    {
        if ($this->link === null) {
            $this->link = ldap_connect('ldap://127.0.0.1');
            ldap_bind($this->link);
        }
        return $this->link;
    }
}

function db_connect(): PDO
{
    static $link;
    if (isset($link) && $link) {
        return $link;
    }
    $link = new PDO('mysql:host=127.0.0.1;dbname=app', 'app', '');
    foreach (['SET NAMES utf8mb4', "SET time_zone = '+00:00'"] as $statement) {
        $link->exec($statement);
    }
    return $link;
}

session_start();
$_SESSION['token'] = RatesApi::getInstance()->token();
$directory = new Directory();
foreach ($_SESSION['groups'] ?? [] as $group) {
    $link = $directory->link();
    $db = db_connect();
    echo htmlspecialchars((string) $group);
}
