<?php
// Reduced from MediaWiki's maintenance scripts (issue 9, cause 2): the script ends with
// `require_once RUN_MAINTENANCE_IF_MAIN;`, a constant Maintenance.php defines as the path of
// doMaintenance.php, whose top level calls `$runner->init($maintClass)`. `init()` begins with
// `if (PHP_SAPI !== 'cli' && PHP_SAPI !== 'phpdbg') { $this->fatalError(…); }`, and
// `fatalError()` exits: from that call on the script runs only from the command line, and so
// do `run()`, which doMaintenance.php calls after it, and this class's `execute()`, made and
// run only there. No client waits for the session `User::newSystemUser()` opens.
require_once __DIR__ . '/Maintenance.php';
require_once dirname(__DIR__) . '/includes/User.php';

class DeleteBatch extends Maintenance
{
    public function execute()
    {
        $user = User::newSystemUser('Maintenance script');
        foreach (file('php://stdin') as $line) {
            $this->output($line);
            sleep(1);
        }
    }
}

$maintClass = DeleteBatch::class;
require_once RUN_MAINTENANCE_IF_MAIN;
