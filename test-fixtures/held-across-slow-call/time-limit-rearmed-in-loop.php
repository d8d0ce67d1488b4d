<?php
// A time limit set again on every round of the loop (Question2Answer's recalculation page:
// `while ($state) { set_time_limit(60); … }`) counts from its last call: it bounds nothing the
// loop does, so the message gives no "up to 60 s". A limit set once before the loop does bound it.
function recalc_step(array &$state): bool
{
    $state['done'] = ($state['done'] ?? 0) + 1;
    return $state['done'] < 1000;
}

session_start();
$state = ['table' => (string) ($_GET['table'] ?? 'posts')];
while ($state) { // expect: held-across-slow-call "waits until the loop ends"
    set_time_limit(60);
    $stoptime = time() + 2;
    while (recalc_step($state) && time() < $stoptime)
        ;
    if (($state['done'] ?? 0) >= 1000) {
        $state = [];
    }
}
