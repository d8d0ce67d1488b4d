<?php
// phpVirtualBox's shape: the connector keeps its SOAP client in a property set in another
// method, and hands that property to a wrapper's constructor, which stores it. The wrapper's
// method calls the client: `$this->connection` is the SoapClient of the caller's property, so
// the logon is a SOAP request made with the session open.
class Wrapper
{
    protected $connection;

    public function __construct($soap)
    {
        $this->connection = $soap;
    }

    public function logon($user, $password)
    {
        return $this->connection->__soapCall('logon', array(array('u' => $user, 'p' => $password)));
    }
}

class Connector
{
    public $client;

    public function connect()
    {
        $this->client = new SoapClient('svc.wsdl', array('connection_timeout' => 20));
        $manager = new Wrapper($this->client);
        return $manager->logon('a', 'b');
    }
}

session_start();
$connector = new Connector();
session_write_close();
$connector->connect(); // expect: held-across-slow-call
session_start();
$_SESSION['ok'] = 1;
session_write_close();
