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
showBasket(); // expect: held-across-slow-call@warning
$_SESSION['done'] = true;
