<?php
// Two `new Connector` sites pass different classes: which object `$this->worker` holds is not
// one class, so the call stays unresolved and nothing is reported from it (precision first).
class SlowWorker
{
    public function __construct()
    {
        session_start();
    }

    public function work()
    {
        readfile('https://files.example.org/big.iso');
    }
}

class QuickWorker
{
    public function work()
    {
        echo 'ok';
    }
}

class Connector
{
    protected $worker;

    public function __construct($worker)
    {
        $this->worker = $worker;
    }

    public function run()
    {
        $this->worker->work();
    }
}
