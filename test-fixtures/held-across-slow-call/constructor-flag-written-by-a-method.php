<?php
// Near miss of constructor-flag-from-default-options.ok.php: a method of the class can turn
// the flag on after construction, so the remote listing may be fetched with the session open.
declare(strict_types=1);

class Connector
{
    protected $opts = array('remote' => false, 'keys' => array('default' => 'cache'));
    protected $remote = false;

    public function __construct(array $opts)
    {
        $this->opts = array_merge($this->opts, $opts);
        $this->remote = !empty($this->opts['remote']);
    }

    public function archivers(): array
    {
        if ($this->remote) {
            return (array) json_decode((string) file_get_contents('https://archivers.example.com/list'), true);
        }
        return array('zip', 'tar');
    }

    public function useRemoteArchivers(): void
    {
        $this->remote = true;
    }
}

session_start();
$opts = array('keys' => array('default' => (string) ($_GET['cache'] ?? 'cache')));
$connector = new Connector($opts);
$_SESSION['archivers'] = $connector->archivers(); // expect: held-across-slow-call
