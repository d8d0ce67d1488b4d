<?php
// A function reaches the object the top level built, through `global` (GOsa's
// process_htaccess() with `global $config;`): its method calls are that class's methods.
class Directory {
    public $servers = array();
    function bindAll($user) {
        foreach ($this->servers as $server) {
            ldap_bind(ldap_connect($server), $user);
        }
    }
}

function authenticate($user) {
    global $directory;
    $directory->bindAll($user);
}

session_start();
$directory = new Directory();
session_write_close();
authenticate($_SERVER['REMOTE_USER']); // expect: held-across-slow-call
session_start();
$_SESSION['user'] = $_SERVER['REMOTE_USER'];
session_write_close();
