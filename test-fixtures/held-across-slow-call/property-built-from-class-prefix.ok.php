<?php
// The twin of `property-built-from-class-prefix.php`: the literal start bounds the classes.
// The class that binds to LDAP implements the same interface (the docblock's type) but is
// named outside the `phpvbAuth` prefix the settings object builds from, so no module it can
// build does slow work.
interface phpvbAuth
{
    public function login($username, $password);
}

class phpvbAuthBuiltin implements phpvbAuth
{
    public function login($username, $password)
    {
        $_SESSION['user'] = $username;
    }
}

class DirectoryLogin implements phpvbAuth
{
    public function login($username, $password)
    {
        $ds = ldap_connect('ldap://ldap.example.org');
        if (@ldap_bind($ds, 'uid=' . $username . ',dc=example,dc=org', $password)) {
            $_SESSION['user'] = $username;
        }
    }
}

class Settings
{
    /** @var phpvbAuth */
    public $auth = null;
    public $authLib = 'Builtin';

    public function __construct()
    {
        $this->authLib = getenv('AUTH_LIB') ?: 'Builtin';
        $alib = "phpvbAuth{$this->authLib}";
        $this->auth = new $alib();
    }
}

session_start();
$settings = new Settings();
$settings->auth->login($_POST['u'], $_POST['p']);
session_write_close();
