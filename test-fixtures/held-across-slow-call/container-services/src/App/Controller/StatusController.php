<?php
// A controller that gets its services from the container by id (Symfony's DependencyInjection,
// as a standalone container): the session is started by the user service's constructor, then
// the monitor (an alias, in XML, of a class given by a parameter), the notifier (an alias in
// YAML) and the pinger (an id that is its class) do remote work with it held. Only the
// definitions files say which class each id is.
namespace App\Controller;

use App\Util\Pinger;
use Symfony\Component\DependencyInjection\ContainerAwareTrait;

class StatusController
{
    use ContainerAwareTrait;

    public function executeUpdate()
    {
        $this->container->get('user');
        $monitor = $this->container->get('monitor');
        $monitor->run(); // expect: held-across-slow-call "fsockopen"
    }

    public function executeNotify()
    {
        $user = $this->container->get('user');
        $this->container->get('notifier')->send('checked by ' . $user->id());
    }

    public function executePing()
    {
        $this->container->get('user');
        $this->container->get(Pinger::class)->ping(); // expect: held-across-slow-call "get\('user'\)"
    }
}
