<?php
// A long import streams a progress line per step and flushes it, then reopens the session to
// store the progress for the status page. Only the first reopen can work: from then on the
// headers are gone.
declare(strict_types=1);

function import_step(string $step): void
{
    $out = [];
    exec('php ' . escapeshellarg(__DIR__ . "/bin/import-{$step}.php"), $out);
}

session_start();
$jobId = (string) ($_SESSION['import_job'] ?? '');
session_write_close();
ini_set('session.use_cookies', '0');
ini_set('session.cache_limiter', '');

header('Content-Type: text/plain');
foreach (['users', 'orders', 'invoices'] as $i => $step) {
    import_step($step);
    echo "{$jobId}: {$step} done\n";
    flush();

    session_start(); // expect: reopen-after-output "\(line 21\)"
    $_SESSION['import_progress'] = $i + 1;
    session_write_close();
}
