<?php
// A console command (Froxlor's `InstallCommand`): the installer keeps its answers in a
// session, and downloads an answers file from a URL. Only bin/app-cli makes and runs it, so no
// client waits for that session: nothing is reported here or in the helper it includes.
namespace App\Cli;

final class InstallCommand
{
    public function name(): string
    {
        return 'install';
    }

    protected function execute(array $args): int
    {
        session_start();
        require __DIR__ . '/install.functions.php';
        $_SESSION['answers'] = download_answers($args[0] ?? 'https://example.com/answers.json');
        return 0;
    }
}
