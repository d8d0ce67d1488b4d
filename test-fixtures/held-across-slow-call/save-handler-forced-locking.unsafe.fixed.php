<?php
// `"sessionLocks": true` in the configuration: the store locks (its lock is in code the analysis cannot see), so the
// finding stands at its severity.
class ExternalStore extends \Vendor\LockingRedisHandler {}
session_set_save_handler(new ExternalStore(), true);
session_start();
session_write_close();
sleep(5); // expect: held-across-slow-call@warning
session_start();
$_SESSION['polled_at'] = time();
session_write_close();
