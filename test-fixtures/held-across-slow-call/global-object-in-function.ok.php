<?php
// The top level builds objects of two classes into `$directory`: which one a function's
// `global $directory;` sees is not known, so its method call is followed to neither.
class Directory {
    public $servers = array();
    function bindAll($user) {
        foreach ($this->servers as $server) {
            ldap_bind(ldap_connect($server), $user);
        }
    }
}

class NullDirectory {
    function bindAll($user) {
        return true;
    }
}

function authenticate($user) {
    global $directory;
    $directory->bindAll($user);
}

session_start();
if (getenv('LDAP_URI')) {
    $directory = new Directory();
} else {
    $directory = new NullDirectory();
}
authenticate($_SERVER['REMOTE_USER']);
$_SESSION['user'] = $_SERVER['REMOTE_USER'];
