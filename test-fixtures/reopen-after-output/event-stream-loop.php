<?php
// Server-sent events: each iteration reopens the session to read the last event id, then sends an
// event and flushes it. The flush at the bottom of the loop reaches the session_start() at its
// top on the next iteration, where it fails (and with read_and_close, $_SESSION is not re-read).
declare(strict_types=1);

header('Content-Type: text/event-stream');
header('Cache-Control: no-store');

$deadline = time() + 30;
while (time() < $deadline) {
    session_start(['read_and_close' => true]); // expect: reopen-after-output "\$_SESSION` is not read"
    $lastId = (int) ($_SESSION['last_event_id'] ?? 0);

    $event = apcu_fetch("events:after:{$lastId}");
    if ($event !== false) {
        echo "id: {$event['id']}\ndata: " . json_encode($event['data']) . "\n\n";
        flush();
    }
    sleep(1);
}
