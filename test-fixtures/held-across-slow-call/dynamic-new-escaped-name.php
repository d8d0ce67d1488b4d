<?php
// A factory in a namespace writes the class name as `"App\\Session\\Session" . $type`: in double quotes `\\` is
// one backslash, so the candidates are the classes whose names start with `App\Session\Session` (the abstract base
// whose constructor starts the session, the class that inherits it, and the factory itself, which has no
// constructor). The session may be open after the call, and the remote call that follows is held.
namespace App\Session;

abstract class Session
{
    public function __construct()
    {
        session_start();
    }
}

class SessionPhp extends Session
{
}

class SessionFactory
{
    public static function create(string $type)
    {
        $class = "App\\Session\\Session" . ucfirst($type);
        return new $class;
    }
}

SessionFactory::create($_GET['type'] ?? 'php');
$rates = file_get_contents('https://rates.example.com/today'); // expect: held-across-slow-call
$_SESSION['rates'] = $rates;
