<?php
// Two one-second waits on one path, around service restarts the analysis cannot judge: each
// wait alone is short (`info`), together they hold the session for at least 2 s plus the
// restarts. The finding is told from the first wait (the strongest evidence, not the first
// program run) and is a warning (twin: `short-waits-in-other-branches.php`).
session_start();
session_write_close();
exec('sudo systemctl stop vpn-client', $out);
sleep(1); // expect: held-across-slow-call@warning "at least 2 s"
exec('sudo systemctl enable vpn-client', $out);
sleep(1);
exec('sudo systemctl start vpn-client', $out);
session_start();
$_SESSION["vpn"] = $out;
session_write_close();
