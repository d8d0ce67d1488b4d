<?php
// phpVirtualBox's generated wrappers: each managed object stores the SOAP client its
// constructor is given, and builds the objects it returns with its own `$this->connection`,
// so the client travels from the connector's property through a chain of wrappers that also
// build each other (a cycle adds nothing). The machine's start is a SOAP request made with the
// session open.
class ManagedObject
{
    protected $connection;

    public function __construct($soap, $handle = null)
    {
        $this->connection = $soap;
    }
}

class Manager extends ManagedObject
{
    public function machine(): Machine
    {
        return new Machine($this->connection, 'm1');
    }
}

class Machine extends ManagedObject
{
    public function manager(): Manager
    {
        return new Manager($this->connection);
    }

    public function start()
    {
        return $this->connection->__soapCall('IMachine_launch', array());
    }
}

class Connector
{
    public $client;

    public function launch()
    {
        $this->client = new SoapClient('svc.wsdl');
        $manager = new Manager($this->client);
        return $manager->machine()->start();
    }
}

session_start();
$connector = new Connector();
session_write_close();
$connector->launch(); // expect: held-across-slow-call
session_start();
$_SESSION['ok'] = 1;
session_write_close();
