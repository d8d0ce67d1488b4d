<?php
// Not a sign of a long request while the session is held: the session is closed before the
// time limit is lifted, the limit set is short, another setting is changed, or the value is not
// written in the code; and asking to finish after the user leaves (`ignore_user_abort(true)`,
// as a helper that takes a lock directory does) says nothing about how long the work takes.
declare(strict_types=1);

function run_import(): void
{
    session_start();
    $_SESSION['import_started'] = time();
    session_write_close();
    set_time_limit(0);
    ignore_user_abort(true);
    Importer::runAll();
}

function render_page(int $seconds): void
{
    session_start();
    set_time_limit(30);
    ignore_user_abort(true);
    ini_set('memory_limit', '0');
    set_time_limit($seconds);
    $_SESSION['page_rendered'] = true;
}
