<?php
// The project has its own `session_apply_changes()`, which does something else: the code cannot
// prove it equivalent to the fix's helper, so the fix does not use the snapshot helpers (and no
// reopen can wrap this write, whose statement does the slow work: no fix but the comment).
declare(strict_types=1);

function session_apply_changes(array $data): void
{
    session_start();
    $_SESSION = $data;
    session_write_close();
}

function fetch_rates(string $currency): array
{
    $json = file_get_contents('https://rates.example/v1/' . rawurlencode($currency));
    return (array) json_decode((string) $json, true);
}

session_start();
$currency = (string) ($_SESSION['currency'] ?? 'EUR');
$_SESSION['rates'] = fetch_rates($currency); // expect: held-across-slow-call

echo json_encode($_SESSION['rates']);
