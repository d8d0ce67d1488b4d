<?php
// A path the analysis cannot know (a parameter) read with the session open: it may be large or
// remote, so it is reported at info only, and the message says the path is not known.
declare(strict_types=1);

function import_contacts(string $source): array
{
    session_start();
    $rows = file($source) ?: []; // expect: held-across-slow-call@info "on a path not known here \(it may be remote\)"
    $_SESSION['import_rows'] = count($rows);
    return $rows;
}
