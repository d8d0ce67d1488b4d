<?php
// `$GLOBALS['shop']` is the global `$shop`, not a function's local `$shop`: the function's
// local is a remote shop, the global a local catalogue whose `loadPage()` does no slow work.
class RemoteShop {
    public function loadPage() {
        echo file_get_contents('https://shop.example.com/page');
    }
}

class LocalCatalogue {
    public function loadPage() {
        echo 'catalogue';
    }
}

function page() {
    $shop = new RemoteShop();
    $GLOBALS['shop']->loadPage();
    return $shop;
}

session_start();
$_SESSION['visits'] = ($_SESSION['visits'] ?? 0) + 1;
$GLOBALS['shop'] = new LocalCatalogue();
$GLOBALS['shop']->loadPage();
page();
$_SESSION['done'] = true;
