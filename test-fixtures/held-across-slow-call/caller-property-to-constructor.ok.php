<?php
// The twin: the connector hands the wrapper a property that holds a local cache object on one
// path of the project and a SOAP client on another (two `new Wrapper` sites, two classes).
// Which object `$this->connection` holds is not one class, so the call stays unresolved and
// nothing is reported from it (precision first), as for two `new` arguments that disagree.
class LocalCache
{
    public function __soapCall($name, $args)
    {
        return null;
    }
}

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
        return (new Wrapper($this->client))->logon('a', 'b');
    }
}

class Offline
{
    public $cache;

    public function connect()
    {
        $this->cache = new LocalCache();
        return (new Wrapper($this->cache))->logon('a', 'b');
    }
}

session_start();
$connector = new Offline();
$connector->connect();
$_SESSION['ok'] = 1;
