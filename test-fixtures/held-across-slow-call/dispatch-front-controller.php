<?php
// A front controller dispatching by name (FreshRSS's Minz_Dispatcher): the controller's class is
// built from the request on two branches and kept in a private property, and the action is
// called through `call_user_func([$this->controller, $action])` with a method name every caller
// builds as `$a . 'Action'`. The candidates are the `*Action` methods of the classes that fit;
// each runs with the session the front controller opened, so the feed refresh is reported in it.
class Dispatcher {
    private $controller;

    public function run($controller, $action) {
        $this->createController($controller);
        $this->launchAction($action . 'Action');
    }

    private function createController($base) {
        if (isset($_GET['extension'])) {
            $name = 'Extension_' . $base . '_Controller';
        } else {
            $name = 'App_' . $base . '_Controller';
        }
        $this->controller = new $name();
    }

    private function launchAction($action) {
        call_user_func([$this->controller, $action]);
    }
}

class App_feed_Controller {
    public function actualizeAction() {
        set_time_limit(300);
        $xml = file_get_contents('https://feeds.example.com/news.xml'); // expect: held-across-slow-call
        echo strlen($xml);
    }

    public function indexAction() {
        echo 'feeds';
    }
}

class App_index_Controller {
    public function indexAction() {
        echo 'home';
    }
}

session_start();
$dispatcher = new Dispatcher();
$dispatcher->run($_GET['c'] ?? 'index', $_GET['a'] ?? 'index');
$_SESSION['last_controller'] = $_GET['c'] ?? 'index';
