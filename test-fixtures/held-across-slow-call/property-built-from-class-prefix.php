<?php
// phpVirtualBox's shape: the settings object builds its authentication module with
// `new $alib(…)`, `$alib = "phpvbAuth{$this->authLib}"`, into a property a docblock types with
// the interface. `$settings->auth->login()` runs the `login` of one of the classes whose names
// start with `phpvbAuth`, chosen by configuration: the LDAP module binds with the session open.
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

class phpvbAuthLDAP implements phpvbAuth
{
    public function login($username, $password)
    {
        $ds = ldap_connect('ldap://ldap.example.org');
        if (@ldap_bind($ds, 'uid=' . $username . ',dc=example,dc=org', $password)) { // expect: held-across-slow-call
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
