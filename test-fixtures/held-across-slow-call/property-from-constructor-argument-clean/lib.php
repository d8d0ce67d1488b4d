<?php
// elFinder after 05578d50a: the command closes the session before its slow work. The close is
// seen only if `$this->finder` is known to be the Finder every `new Connector` passes.
class Finder
{
    public function __construct($opts)
    {
        session_start();
    }

    public function exec($cmd)
    {
        session_write_close();
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
        echo 'done';
    }
}
