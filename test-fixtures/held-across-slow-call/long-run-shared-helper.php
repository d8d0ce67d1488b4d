<?php
// Signs set in a helper still count where the helper's job is the sign: `allow_long_run()`
// only lifts the limits, so each of its (many) callers says it runs long. And a wrapper that
// does its own work and sets the sign is still one when few places use it.
declare(strict_types=1);

function allow_long_run(): void
{
    set_time_limit(0); // expect: held-across-slow-call "a sign that this request is expected to run long"
    ignore_user_abort(true);
}

function import_contacts(): void
{
    session_start();
    allow_long_run();
    Importer::contacts()->run();
}

function import_companies(): void
{
    session_start();
    allow_long_run();
    Importer::companies()->run();
}

function reindex_attachments(): void
{
    session_start();
    allow_long_run();
    Indexer::attachments()->run();
}

function rebuild_search(): void
{
    session_start();
    allow_long_run();
    Indexer::search()->run();
}

function export_all(): void
{
    session_start();
    allow_long_run();
    Exporter::all()->run();
}

function dump_table(mysqli $link, string $table): void
{
    set_time_limit(0);
    mysqli_query($link, 'SELECT * FROM ' . $table);
}

function backup(mysqli $link): void
{
    session_start();
    dump_table($link, 'candidate'); // expect: held-across-slow-call "reaches `set_time_limit\(0\)`, a sign that this request is expected to run long"
    $_SESSION['backup'] = time();
}
