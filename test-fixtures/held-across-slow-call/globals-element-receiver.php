<?php
// CubeCart's front controller keeps its singleton in `$GLOBALS['cubecart']` and calls
// `$GLOBALS['cubecart']->loadPage()`: at the top level `$GLOBALS['shop']` is the global `$shop`,
// typed by what is assigned to it.
class Shop {
    private static $instance;
    public static function getInstance() {
        if (!(self::$instance instanceof self)) {
            self::$instance = new self();
        }
        return self::$instance;
    }
    public function loadPage() {
        echo file_get_contents('https://shop.example.com/page');
    }
}

session_start();
$_SESSION['visits'] = ($_SESSION['visits'] ?? 0) + 1;
$GLOBALS['shop'] = Shop::getInstance();
$GLOBALS['shop']->loadPage(); // expect: held-across-slow-call@warning
$_SESSION['done'] = true;
