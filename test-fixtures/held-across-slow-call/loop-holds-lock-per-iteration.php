<?php
// Each iteration opens the session, sleeps, then closes it. The loop header itself is never
// reached with the session held, so the finding is on the sleep inside the body, not the header.
declare(strict_types=1);

for ($attempt = 1; $attempt <= 5; $attempt++) {
    session_start();
    $_SESSION['reserve_attempt'] = $attempt;
    if (apcu_add('seat-reservation:' . ($_POST['seat'] ?? ''), session_id(), 120)) {
        $_SESSION['reserved_seat'] = $_POST['seat'] ?? '';
        session_write_close();
        break;
    }
    usleep(200000 * $attempt); // expect: held-across-slow-call
    session_write_close();
}

header('Location: /checkout.php');
