<?php
// The same front controller, but the action's name comes from the request with nothing written
// around it: any public method of the controller could run, so the call stays unresolved and no
// candidate is analysed as run from it (precision first).
class Dispatcher {
    private $controller;

    public function run($controller, $action) {
        $this->createController($controller);
        $this->launchAction($action);
    }

    private function createController($base) {
        $name = 'App_' . $base . '_Controller';
        $this->controller = new $name();
    }

    private function launchAction($action) {
        call_user_func([$this->controller, $action]);
    }
}

class App_feed_Controller {
    public function actualizeAction() {
        $xml = file_get_contents('https://feeds.example.com/news.xml');
        echo strlen($xml);
    }

    public function indexAction() {
        echo 'feeds';
    }
}

session_start();
$dispatcher = new Dispatcher();
$dispatcher->run($_GET['c'] ?? 'index', $_GET['a'] ?? 'index');
$_SESSION['last_controller'] = $_GET['c'] ?? 'index';
