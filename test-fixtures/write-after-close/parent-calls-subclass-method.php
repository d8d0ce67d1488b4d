<?php
// The same parent constructor, but one subclass's page only prints a notice and returns: for
// its objects the request goes on with the session destroyed, and the write is lost.
abstract class SecBase
{
    public function __construct()
    {
        if (!$this->isLogged()) {
            session_destroy();
            $this->showAuthFailPage();
        }
    }
}

class AdminSec extends SecBase
{
    public function isLogged()
    {
        return isset($_SESSION['admin']);
    }

    public function showAuthFailPage()
    {
        header('Location: /login');
        exit;
    }
}

class WebSec extends SecBase
{
    public function isLogged()
    {
        return isset($_SESSION['user']);
    }

    public function showAuthFailPage()
    {
        echo 'Please log in to see more.';
    }

    public function doModel()
    {
        $_SESSION['last_page'] = 'web';
    }
}

session_start();
$do = new WebSec();
$do->doModel(); // expect: write-after-close
