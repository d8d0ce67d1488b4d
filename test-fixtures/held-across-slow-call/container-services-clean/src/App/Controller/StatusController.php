<?php
// The same controller, clean: the `monitor` id names a class that only checks local state (the
// remote `Monitor` has a method of the same name but is no service), and the notifier and the
// pinger run after the session is written and closed.
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
        $monitor->run();
    }

    public function executeNotify()
    {
        $user = $this->container->get('user');
        $text = 'checked by ' . $user->id();
        session_write_close();
        $this->container->get('notifier')->send($text);
    }

    public function executePing()
    {
        $this->container->get('user');
        session_write_close();
        $this->container->get(Pinger::class)->ping();
    }
}
