<?php
// A session object made by a factory: `new $class()` over the classes whose names start with `Session_`. One
// starts the session in its constructor; the factory itself fits the name too and has no constructor (it does
// nothing). Which one runs is chosen at run time, so the session may be open after the call (the join of every
// candidate's state after it), and the remote call that follows is held.
class Session_Php
{
    public function __construct()
    {
        session_start();
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

$session = Session_Factory::create($_GET['type'] ?? 'php');
$rates = file_get_contents('https://rates.example.com/today'); // expect: held-across-slow-call
$_SESSION["rates"] = $rates;
