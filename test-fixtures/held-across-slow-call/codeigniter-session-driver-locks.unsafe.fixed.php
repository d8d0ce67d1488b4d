<?php
// CodeIgniter 3: the session library installs its driver with session_set_save_handler(); every CI driver locks (its
// code need not be in the tree), so the preset makes the call neutral and the lock finding keeps its severity, where a
// store of unknown code would lower it to info.
class CI_Session
{
    public function __construct(array $params = [])
    {
        $class = 'CI_Session_files_driver';
        $driver = new $class($params);
        session_set_save_handler($driver, true);
        session_start();
    }
}

class Reports extends CI_Controller
{
    public function refresh()
    {
        $session = new CI_Session();
        session_write_close();
        $feed = file_get_contents('https://reports.example.com/feed'); // expect: held-across-slow-call@warning
        session_start();
        $_SESSION['feed'] = $feed;
        session_write_close();
    }
}
