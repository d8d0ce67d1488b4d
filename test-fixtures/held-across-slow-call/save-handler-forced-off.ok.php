<?php
// `"sessionLocks": false` in the configuration: the store takes no lock (Memcached with locking off, set up in
// php.ini), so no lock finding is reported at all.
session_start();
sleep(5);
$_SESSION['polled_at'] = time();
