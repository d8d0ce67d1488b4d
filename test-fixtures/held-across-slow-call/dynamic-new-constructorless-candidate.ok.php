<?php
// The same factory where no candidate opens the session: one constructor only reads a cookie, the factory has no
// constructor. The stand-in for a class without a constructor keeps the state before the call (closed): it opens
// nothing, and the remote call after it holds no lock.
class Session_Cookie
{
    public $user;

    public function __construct()
    {
        $this->user = $_COOKIE['user'] ?? '';
    }
}

class Session_Factory
{
    public static function create(string $type)
    {
        $class = 'Session_' . ucfirst($type);
        return new $class();
    }
}

$session = Session_Factory::create($_GET['type'] ?? 'cookie');
$rates = file_get_contents('https://rates.example.com/today');
echo $rates;
