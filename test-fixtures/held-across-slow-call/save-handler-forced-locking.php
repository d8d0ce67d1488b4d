<?php
// `"sessionLocks": true` in the configuration: the store locks (its lock is in code the analysis cannot see), so the
// finding stands at its severity.
class ExternalStore extends \Vendor\LockingRedisHandler {}
session_set_save_handler(new ExternalStore(), true);
session_start();
sleep(5); // expect: held-across-slow-call@warning
$_SESSION['polled_at'] = time();
