<?php
// Runs the controller a route names: the file and the class both come from the route.
class Router
{
    public function base()
    {
        return getenv('APP_DIR');
    }

    public function run($route)
    {
        $route = preg_replace('/[^a-z]/', '', $route);
        require_once $this->base() . '/controllers/controller.' . $route . '.php';
        $class = 'Controller' . $route;
        return new $class();
    }
}
