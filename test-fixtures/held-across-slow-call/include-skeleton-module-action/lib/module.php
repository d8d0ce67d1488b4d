<?php
// A module whose actions are files in its own folder, named by the action.
class Module
{
    private $name;

    public function __construct($name)
    {
        $this->name = $name;
    }

    public function modulePath()
    {
        return dirname(__DIR__) . '/modules/' . $this->name;
    }

    public function doAction($name)
    {
        $name = preg_replace('/[^A-Za-z0-9_]/', '', $name);
        $filename = $this->modulePath() . '/action.' . $name . '.php';
        if (!is_file($filename)) {
            throw new Exception('unknown action');
        }
        include $filename;
    }
}
