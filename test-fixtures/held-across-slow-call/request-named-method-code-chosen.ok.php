<?php
// The method's name comes from a table the code writes (`$routes[$_GET['page']]`), not from the
// request itself: which methods can run is the table's business, which the analysis does not
// bound, so the call stays unresolved and no public method is analysed as run from it.
class Reports {
    public function __construct() {
        session_start();
    }

    public function index() {
        echo 'reports';
    }

    public function advisor() {
        $advice = file_get_contents('https://advisor.example.com/check');
        echo $advice;
    }
}

$routes = loadRoutes();
$action = $routes[$_GET['page']];
$controller = new Reports();
$controller->$action();
$_SESSION['last_action'] = $action;
