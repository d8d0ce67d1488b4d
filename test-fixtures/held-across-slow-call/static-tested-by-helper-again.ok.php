<?php
// Twin of `static-tested-by-helper-again.php`: the caller knows the store is ready, and the
// helper it calls tests the static but decides nothing by it, so it is summarised without the
// caller's fact. Its exit still has a case where the store is not ready (it followed both ways
// of its test); that case contradicts what the caller knew of a static the helper never assigns,
// so it is no path (`withoutContradicted`): the caller's second test is never passed, and no
// session is started.
class Store {
    private static $ready = false;

    public static function run() {
        if (self::$ready) {
            self::label();
            if (!self::$ready) {
                session_start();
                sleep(5);
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
