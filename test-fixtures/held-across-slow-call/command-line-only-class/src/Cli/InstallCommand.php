<?php
// A console command that a web page runs as well (admin.php): its download is reported.
namespace App\Cli;

final class InstallCommand
{
    public function name(): string
    {
        return 'install';
    }

    public function execute(array $args): int
    {
        session_start();
        require __DIR__ . '/install.functions.php';
        $_SESSION['answers'] = download_answers($args[0] ?? 'https://example.com/answers.json'); // expect: held-across-slow-call
        return 0;
    }
}
