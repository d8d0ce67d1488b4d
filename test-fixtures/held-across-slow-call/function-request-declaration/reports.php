<?php
// An entry script with its own slow show_totals().
function show_totals()
{
    sleep(2);
}

session_start();
show_totals(); // expect: held-across-slow-call
$_SESSION['reported'] = true;
