<?php
// Osclass's SecBaseModel: the parent constructor destroys the session of a user who is not
// logged in and calls a method only its subclasses declare; PHP runs the subclass's, and every
// one of them ends the request. So no write runs after the destroy.
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

    public function doModel()
    {
        $_SESSION['last_page'] = 'admin';
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
        require __DIR__ . '/login-form.php';
        exit;
    }

    public function doModel()
    {
        $_SESSION['last_page'] = 'web';
    }
}

session_start();
$do = new AdminSec();
$do->doModel();
