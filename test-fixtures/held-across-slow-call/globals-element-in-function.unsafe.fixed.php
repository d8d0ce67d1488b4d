<?php
// A function reaches the object the top level built into `$GLOBALS['basket']` through
// `$GLOBALS['basket']`: the same global, so its method call is that class's method.
class Basket {
    public function quote() {
        return file_get_contents('https://rates.example.com/quote');
    }
}

function showBasket() {
    echo $GLOBALS['basket']->quote();
}

session_start();
$_SESSION['visits'] = ($_SESSION['visits'] ?? 0) + 1;
$GLOBALS['basket'] = new Basket();
session_write_close();
showBasket(); // expect: held-across-slow-call@warning
session_start();
$_SESSION['done'] = true;
session_write_close();
