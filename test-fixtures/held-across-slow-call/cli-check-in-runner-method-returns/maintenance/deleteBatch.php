<?php
// The twin of `cli-check-in-runner-method-clean`: `fatalError()` only prints its message and
// returns, so `init()` goes on off the command line too, and a web request that includes this
// script runs `execute()` with the session open across the loop.
require_once __DIR__ . '/Maintenance.php';
require_once dirname(__DIR__) . '/includes/User.php';

class DeleteBatch extends Maintenance
{
    public function execute()
    {
        $user = User::newSystemUser('Maintenance script');
        foreach (file('php://stdin') as $line) { // expect: held-across-slow-call
            $this->output($line);
            sleep(1);
        }
    }
}

$maintClass = DeleteBatch::class;
require_once RUN_MAINTENANCE_IF_MAIN;
