<?php
// The same front controller, with the remote fetches where the request cannot reach them: in a
// protected method no public one calls (from outside the class PHP runs only public methods),
// and in a public method that requires an argument the call does not pass (PHP refuses it).
class Reports {
    public function __construct() {
        session_start();
    }

    public function index() {
        echo 'reports';
    }

    public function topic($name) {
        echo file_get_contents('https://advisor.example.com/topics/' . urlencode($name));
    }

    protected function advisor() {
        $advice = file_get_contents('https://advisor.example.com/check');
        echo $advice;
    }
}

$action = $_GET['action'] ?? 'index';
$controller = new Reports();
if (is_callable(array($controller, $action))) {
    $controller->$action();
}
$_SESSION['last_action'] = $action;
