<?php
// SimplePie shape (FreshRSS before 0319cc9d2, feed refresh): the class that fetches the feed is
// built by a registry from a map of literal class names keyed by a literal type, through
// ReflectionClass::newInstanceArgs(); its constructor makes the HTTP request.
class FeedFile {
    public $body;
    public function __construct($url) {
        $ch = curl_init($url);
        curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
        $this->body = curl_exec($ch);
    }
}

class Registry {
    protected $default = ['File' => 'FeedFile'];

    public function get_class($type) {
        return $this->default[$type] ?? null;
    }

    public function create($type, $parameters = []) {
        $class = $this->get_class($type);
        $reflector = new ReflectionClass($class);
        return $reflector->newInstanceArgs($parameters);
    }
}

class Feed {
    private $registry;
    public function __construct() {
        $this->registry = new Registry();
    }
    public function init($url) {
        return $this->registry->create('File', [$url]);
    }
}

session_start();
$_SESSION['seen'] = time();
$feed = new Feed();
$feed->init($_GET['url']); // expect: held-across-slow-call
echo 'done';
