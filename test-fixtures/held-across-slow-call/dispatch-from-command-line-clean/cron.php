<?php
// A command-line script that opens a session and dispatches to the controllers: no client
// carries that session, so the candidates it runs are not entered with a lock held.
if (PHP_SAPI !== 'cli') {
    exit(1);
}
require __DIR__ . '/controllers.php';

session_start();
$dispatcher = new Dispatcher();
$dispatcher->run('feed', 'actualize');
