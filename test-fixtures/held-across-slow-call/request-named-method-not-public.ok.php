<?php
// The same front controller, with the remote fetch in a protected method no public one calls:
// the request names a method from outside the class, where PHP runs only public ones, so the
// protected method is not a candidate.
class Reports {
    public function __construct() {
        session_start();
    }

    public function index() {
        echo 'reports';
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
