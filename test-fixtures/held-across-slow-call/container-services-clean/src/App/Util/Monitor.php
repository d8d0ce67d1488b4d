<?php
// Checks a remote host: slow, and run with whatever lock the caller holds.
namespace App\Util;

use Symfony\Component\DependencyInjection\ContainerAwareTrait;

class Monitor
{
    use ContainerAwareTrait;

    public function run()
    {
        $fp = fsockopen('status.example.com', 80, $errno, $errstr, 10);
        return $fp !== false;
    }
}
