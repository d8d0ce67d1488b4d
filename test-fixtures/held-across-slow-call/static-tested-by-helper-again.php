<?php
// A helper that tests a private static but decides nothing by it (it only picks a label; its
// close comes before the test) is summarised without its caller's fact about the static
// (perf11: summary keys keep only the statics whose tests decide something). The caller knows
// the store is not ready, so its second test still passes after the helper: the session
// started there is held across the sleep. The twin `static-tested-by-helper-again.ok.php`
// knows it is ready.
class Store {
    private static $ready = false;

    public static function run() {
        if (!self::$ready) {
            self::label();
            if (!self::$ready) {
                session_start();
                sleep(5); // expect: held-across-slow-call
            }
        }
    }

    private static function label() {
        // Saves what the request wrote so far (whichever way the test goes).
        session_write_close();
        if (self::$ready) {
            return 'ready';
        }
        return 'waiting';
    }
}

Store::run();
