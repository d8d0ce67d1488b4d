<?php
// A web page that makes the same command and runs it: now a web request runs execute(), so
// its download with the session held is reported.
require_once __DIR__ . '/src/Cli/InstallCommand.php';
(new App\Cli\InstallCommand())->execute([$_POST['answers_url']]);
