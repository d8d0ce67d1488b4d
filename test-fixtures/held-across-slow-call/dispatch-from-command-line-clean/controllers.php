<?php
// The application's controllers, dispatched by name (as in dispatch-front-controller.php); no
// web page of this project opens the session.
class Dispatcher {
    private $controller;

    public function run($controller, $action) {
        $name = 'App_' . $controller . '_Controller';
        $this->controller = new $name();
        $this->launchAction($action . 'Action');
    }

    private function launchAction($action) {
        call_user_func([$this->controller, $action]);
    }
}

class App_feed_Controller {
    public function actualizeAction() {
        set_time_limit(300);
        echo strlen(file_get_contents('https://feeds.example.com/news.xml'));
    }
}

class App_index_Controller {
    public function indexAction() {
        echo 'home';
    }
}
