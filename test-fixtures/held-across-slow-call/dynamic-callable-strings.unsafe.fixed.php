<?php
// Callables written as strings and arrays with literal names resolve to the method they name: 'Class::method',
// [self::class, 'method'], and a function name held in a variable, called or passed to call_user_func().
// (The two regions reach different slow calls: one reached from both would be one finding, at it.)
class RateFeed {
    public static function refresh() { return file_get_contents('https://rates.example.com/today'); }
    public static function backup() { return file_get_contents('https://backup.example.com/today'); }
    public function wait() { sleep(2); }
    public function poll() {
        session_start();
        call_user_func([self::class, 'refresh']); // expect: held-across-slow-call "call_user_func\(\), which reaches `file_get_contents\(\)`"
        $_SESSION['polled'] = true;
    }
}
function fetch_rates() { return file_get_contents('https://rates.example.com/today'); }
session_start();
session_write_close();
call_user_func('RateFeed::backup'); // expect: held-across-slow-call "call_user_func\(\), which reaches `file_get_contents\(\)`"
call_user_func('RateFeed::refresh');
array_map('RateFeed::refresh', [1, 2]);
$f = 'fetch_rates';
$f();
call_user_func_array('fetch_rates', []);
session_start();
$_SESSION['updated'] = time();
session_write_close();
