<?php
// A Redis session store in the callables form whose read takes a lock with SET … NX (as phpredis' own locking does).
$redis = new Redis();
function store_open($path, $name) { return true; }
function store_close() { return true; }
function store_read($id) {
    global $redis;
    while (!$redis->set("lock:$id", 1, ['nx', 'ex' => 30])) {
        usleep(20000);
    }
    return (string) $redis->get("sess:$id");
}
function store_write($id, $data) { return true; }
function store_destroy($id) { return true; }
function store_gc($max) { return 0; }
session_set_save_handler('store_open', 'store_close', 'store_read', 'store_write', 'store_destroy', 'store_gc');
session_start();
session_write_close();
sleep(5); // expect: held-across-slow-call@warning
session_start();
$_SESSION['polled_at'] = time();
session_write_close();
