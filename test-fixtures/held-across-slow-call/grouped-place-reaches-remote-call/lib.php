<?php
// A bootstrap every page includes: it opens the session and offers a helper that waits.
session_start();
function wait_for_lock() { sleep(5); } // expect: held-across-slow-call@warning "Reached from 2 call sites"
