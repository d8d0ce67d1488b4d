<?php
// A later place that reaches the same wait, then a remote fetch with no timeout. Grouped with
// a.php under the wait, its fetch would be shown nowhere: it is told on its own.
require_once 'lib.php';
function show_rate() {
    wait_for_lock();
    return file_get_contents('https://rates.example.com/today.xml');
}
show_rate(); // expect: held-across-slow-call@warning "reaches `file_get_contents\(\)` on a URL"
