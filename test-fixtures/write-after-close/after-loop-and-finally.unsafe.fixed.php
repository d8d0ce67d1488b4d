<?php
// An import loop opens the session briefly on each iteration to publish progress (fine), and a
// try/finally closes it on every path of a second handler. The writes after the loop and after
// the finally block run with the session closed.
declare(strict_types=1);

function import_rows(array $rows): void
{
    foreach ($rows as $i => $row) {
        session_start();
        $_SESSION['import_progress'] = $i + 1;
        session_write_close();
        usleep(10000);
    }
    session_start();
    $_SESSION['import_done'] = true; // expect: write-after-close
    session_write_close();
}

function sync_contacts(string $token): void
{
    session_start();
    try {
        $accountId = (int) ($_SESSION['account_id'] ?? 0);
        if ($accountId === 0) {
            throw new RuntimeException('not signed in');
        }
    } finally {
        session_write_close();
    }
    $contacts = file_get_contents('https://contacts.example.com/v2/export?token=' . rawurlencode($token));
    session_start();
    $_SESSION['contacts_synced_at'] = time(); // expect: write-after-close
    session_write_close();
    echo $contacts;
}
