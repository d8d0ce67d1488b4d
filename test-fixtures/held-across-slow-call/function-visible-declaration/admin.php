<?php
// Another entry script with its own show_list(), which is slow.
function show_list()
{
    sleep(2);
}

session_start();
show_list(); // expect: held-across-slow-call
$_SESSION['listed'] = true;
