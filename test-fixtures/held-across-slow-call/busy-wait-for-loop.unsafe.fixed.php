<?php
// A busy-wait: for (;;) spinning on a clock check, without sleep. It is still a polling loop,
// and with the session held it is reported at the loop header.
declare(strict_types=1);

session_start();
$ticket = (string) ($_SESSION['queue_ticket'] ?? '');
$start = hrtime(true);
$position = null;

session_write_close();
for (;;) { // expect: held-across-slow-call
    $position = apcu_fetch("queue-position:{$ticket}");
    if ($position === 0 || hrtime(true) - $start > 15_000_000_000) {
        break;
    }
}

session_start();
$_SESSION['queue_position'] = $position;
session_write_close();
echo json_encode(['position' => $position]);
