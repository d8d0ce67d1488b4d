<?php
// One-second waits in the two branches of an `if`: no path runs both, so the hold stays short
// and the finding `info`. It is told from a wait (a sure one), not from the program run
// before it, which may take no time at all (twin: `short-waits-add-up.php`).
session_start();
session_write_close();
exec('sudo systemctl restart vpn-client', $out);
if (isset($_POST['slow'])) {
    sleep(1); // expect: held-across-slow-call@info "for up to 1 s"
} else {
    sleep(1);
}
session_start();
$_SESSION["vpn"] = $out;
session_write_close();
