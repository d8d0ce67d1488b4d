<?php
class MaintenanceRunner
{
    private $scriptObject;

    public function init(string $scriptClass): void
    {
        if (PHP_SAPI !== 'cli' && PHP_SAPI !== 'phpdbg') {
            $this->fatalError('This script must be run from the command line');
        }
        $this->scriptObject = new $scriptClass();
    }

    public function run(): bool
    {
        return $this->scriptObject->execute() !== false;
    }

    private function fatalError(string $message): void
    {
        fwrite(STDERR, $message);
        exit(1);
    }
}
