<?php
// A later place that reaches the same wait and then waits again, or does its remote fetch only
// after closing the session: nothing of another kind is held, so it stays one place of the
// group and gets no finding of its own.
require_once 'lib.php';
function show_rate() {
    wait_for_lock();
    sleep(5);
    session_write_close();
    return file_get_contents('https://rates.example.com/today.xml');
}
show_rate();
