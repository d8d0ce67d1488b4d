<?php
// What the code says about itself: lifting the time limit or raising it to minutes, with the
// session held, means the author expects the request to run long, even when the long work
// itself is a call the analysis cannot follow.
declare(strict_types=1);

function run_import(): void
{
    session_start();
    $_SESSION['import_started'] = time();
    set_time_limit(0); // expect: held-across-slow-call@info "`set_time_limit\(0\)`, a sign that this request is expected to run long: every other request from this user waits until the script ends, with no time limit\.$"
    $importer = Importer::fromConfig($_SESSION['import_source'] ?? '');
    $importer->run();
}

function rebuild_index(): void
{
    session_start();
    $_SESSION['rebuilding'] = true;
    ini_set('max_execution_time', '600'); // expect: held-across-slow-call@info "stays locked for up to 10 min \(the script's time limit\)"
    SearchIndex::rebuild();
}

function fetch_report(): void
{
    session_start();
    set_time_limit(120);
    $ch = curl_init('https://reports.example.com/export');
    // One finding for the region, at the real slow work, bounded by the time limit set above.
    curl_exec($ch); // expect: held-across-slow-call@warning "`curl_exec\(\)`: the session stays locked for up to 2 min \(the script's time limit\)"
    $_SESSION['report_fetched'] = true;
}
