<?php
// A store whose class is not in the project (a library that is not installed here): nothing shows whether it locks,
// so the finding is lowered to info and says so.
session_set_save_handler(new \Vendor\Sessions\RedisHandler(), true);
session_start();
session_write_close();
sleep(5); // expect: held-across-slow-call@info "its code is not in the project, so nothing shows that it locks"
session_start();
$_SESSION['polled_at'] = time();
session_write_close();
