<?php
// elFinder's shape: the connector stores the finder its constructor is given in an untyped
// property, and calls it from there. Every `new Connector` in the project passes a `Finder`,
// so `$this->finder` is a Finder, and its command streams a remote file with the session held.
class Finder
{
    public function __construct($opts)
    {
        session_start();
    }

    public function exec($cmd)
    {
        readfile('https://files.example.org/' . rawurlencode($cmd));
    }
}

class Connector
{
    protected $finder;

    public function __construct($finder)
    {
        $this->finder = $finder;
    }

    public function run()
    {
        $this->finder->exec($_GET['cmd']);
    }
}
