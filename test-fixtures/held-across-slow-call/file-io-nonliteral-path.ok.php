<?php
// A function that opens the session and reads the path it is given: nothing calls it with a
// URL, so the path is not known and the read is not slow work.
declare(strict_types=1);

function import_contacts(string $source): array
{
    session_start();
    $rows = file($source) ?: [];
    $_SESSION['import_rows'] = count($rows);
    return $rows;
}
