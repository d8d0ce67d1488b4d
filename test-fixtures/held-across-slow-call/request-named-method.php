<?php
// A front controller that runs the method the request names (Anemometer's `index.php`:
// `$controller->$action()` with `$action = $_GET['action']`): the request can run any public
// method of the controller, so each one runs with the session its constructor opened, and the
// one that fetches a remote page holds the lock across it.
class Reports {
    public function __construct() {
        session_start();
    }

    public function index() {
        echo 'reports';
    }

    public function advisor() {
        $advice = file_get_contents('https://advisor.example.com/check'); // expect: held-across-slow-call
        echo $advice;
    }
}

$action = isset($_GET['action']) ? $_GET['action'] : 'index';
$controller = new Reports();
if (is_callable(array($controller, $action))) {
    $controller->$action();
}
$_SESSION['last_action'] = $action;
